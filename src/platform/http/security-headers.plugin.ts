// Strict security headers on every response, and a Content-Security-Policy that allows only our
// own scripts and styles plus the one inline script of the GOV.UK template, by per-request nonce.
// The nonce is made only for a page: JSON answers run no script and need none (nor any per-request step
// before the response).
// The API documentation UI (hapi-swagger) needs inline script, so it alone gets a looser policy;
// it shows no personal data.
import { randomBytes } from 'node:crypto';

import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';

declare module '@hapi/hapi' {
  interface PluginsStates {
    'app-security-headers'?: CspNonce;
  }
}

/** A page's nonce, generated on first read. */
class CspNonce {
  private value: string | undefined;
  get nonce(): string {
    return (this.value ??= randomBytes(16).toString('base64'));
  }
  get used(): string | undefined {
    return this.value;
  }
}

export function strictCsp(nonce: string | undefined): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
const strictCspWithoutNonce = strictCsp(undefined);
// Static files (GOV.UK's and our own stylesheet and scripts) carry no personal data and may be cached;
// every other answer, errors and redirects included, may carry a child's details and is never stored.
const staticFile = /^\/(assets|app-assets)\//;
const docsCsp =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

export const securityHeadersPlugin: Plugin<void> = {
  name: 'app-security-headers',
  register(server) {
    server.ext(
      'onPreResponse',
      (request: Request, h: ResponseToolkit) => {
        const response = request.response;
        const boom = 'isBoom' in response && response.isBoom;
        const headers = boom ? response.output.headers : (response as { headers: Record<string, string> }).headers;
        const docs = request.path.startsWith('/documentation') || request.path.startsWith('/swaggerui');
        // A view is rendered after this runs (and reads its nonce then), so only a view gets one, made now.
        const view = !boom && (response as { variety?: string }).variety === 'view';
        const nonce = view
          ? (request.plugins['app-security-headers'] ??= new CspNonce()).nonce
          : request.plugins['app-security-headers']?.used;
        headers['Content-Security-Policy'] = docs ? docsCsp : nonce ? strictCsp(nonce) : strictCspWithoutNonce;
        headers['Cross-Origin-Opener-Policy'] = 'same-origin';
        headers['Cross-Origin-Resource-Policy'] = 'same-origin';
        headers['Permissions-Policy'] = 'camera=(), microphone=(), geolocation=()';
        // Lower case: hapi adds its own `cache-control: no-cache` later unless it finds this exact key.
        if (!staticFile.test(request.path)) headers['cache-control'] = 'no-store';
        return h.continue;
      },
      { after: ['app-errors'] },
    ); // last, so that a response the errors plugin replaces gets these too
  },
};
