// Per-address request limits on the routes attackers hammer (sign-in, webhooks). A fixed window in
// memory per instance: account lockout in the database is the cross-instance protection; this
// blunts floods before they reach argon2 or the database.
import Boom from '@hapi/boom';
import type { Plugin, Request, ResponseToolkit } from '@hapi/hapi';
import type { Clock } from '../clock';

export interface RateLimitBucket { limit: number; windowMs: number }
export interface RateLimitOptions { clock: Clock; buckets: Record<string, RateLimitBucket> }

declare module '@hapi/hapi' {
  interface RouteOptionsApp {
    /** Name of the rate-limit bucket this route counts against. */
    rateLimit?: string;
  }
}

export const rateLimitPlugin: Plugin<RateLimitOptions> = {
  name: 'app-rate-limit',
  register(server, { clock, buckets }) {
    const windows = new Map<string, { start: number; count: number }>();
    server.ext('onPreAuth', (request: Request, h: ResponseToolkit) => {
      const bucketName = request.route.settings.app?.rateLimit;
      const bucket = bucketName ? buckets[bucketName] : undefined;
      if (!bucket) return h.continue;
      const now = clock.now().getTime();
      const key = `${bucketName}:${request.info.remoteAddress}`;
      let w = windows.get(key);
      if (!w || now - w.start >= bucket.windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
        if (windows.size > 50_000) windows.clear(); // bounded memory under a spray of addresses
      }
      w.count += 1;
      if (w.count > bucket.limit) {
        const retryAfter = Math.ceil((w.start + bucket.windowMs - now) / 1000);
        const boom = Boom.tooManyRequests(`Too many requests. Try again in ${retryAfter} seconds.`);
        boom.output.headers['Retry-After'] = String(retryAfter);
        throw boom;
      }
      return h.continue;
    });
  },
};
