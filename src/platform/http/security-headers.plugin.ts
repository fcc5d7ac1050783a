// Strict security headers on every response, and a Content-Security-Policy that allows only our
// own scripts and styles. The API documentation UI (hapi-swagger) needs inline script, so it alone
// gets a looser policy; it shows no personal data.
import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';

export const strictCsp = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
].join('; ');
const docsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

export const securityHeadersPlugin: Plugin<void> = {
  name: 'app-security-headers',
  register(server) {
    server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
      const response = request.response;
      const headers = 'isBoom' in response && response.isBoom ? response.output.headers : (response as { headers: Record<string, string> }).headers;
      const docs = request.path.startsWith('/documentation') || request.path.startsWith('/swaggerui');
      headers['Content-Security-Policy'] = docs ? docsCsp : strictCsp;
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Resource-Policy'] = 'same-origin';
      headers['Permissions-Policy'] = 'camera=(), microphone=(), geolocation=()';
      if (request.path.startsWith('/api/') || request.path.startsWith('/p/')) headers['Cache-Control'] = 'no-store';
      return h.continue;
    });
  },
};
