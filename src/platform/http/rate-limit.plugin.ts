// Per-address request limits on the routes attackers hammer (sign-in, webhooks). A fixed window in
// memory per instance: account lockout in the database is the cross-instance protection; this
// blunts floods before they reach argon2 or the database. The address is the client's (see
// client-address.ts), so clients behind one load balancer do not share a bucket.
//
// Hand-written rather than a plugin: hapi-rate-limit reads X-Forwarded-For without knowing the peer
// (so it cannot tell a trusted proxy from a spoofer) and counts in its own server extensions, before a
// route's signature check; hapi-rate-limitor needs Redis, a second store this service does not run.
import Boom from '@hapi/boom';
import type { Lifecycle, Plugin, Request, ResponseToolkit } from '@hapi/hapi';

import type { Clock } from '../clock';
import { clientAddress } from './client-address';

export interface RateLimitBucket {
  limit: number;
  windowMs: number;
}
export interface RateLimitOptions {
  clock: Clock;
  buckets: Record<string, RateLimitBucket>;
}

const pluginName = 'app-rate-limit';

declare module '@hapi/hapi' {
  interface RouteOptionsApp {
    /** Name of the bucket this route counts against before authentication (see also countAgainst). */
    rateLimit?: string;
  }
  interface PluginProperties {
    [pluginName]: { take(request: Request, bucketName: string): void };
  }
}

export const rateLimitPlugin: Plugin<RateLimitOptions> = {
  name: pluginName,
  register(server, { clock, buckets }) {
    const windows = new Map<string, { start: number; count: number }>();
    /** Counts one request from this client against the bucket; 429 once the window's limit is passed. */
    const take = (request: Request, bucketName: string) => {
      const bucket = buckets[bucketName];
      if (!bucket) throw new Error(`No rate-limit bucket named ${bucketName}`);
      const now = clock.now().getTime();
      const key = `${bucketName}:${clientAddress(request)}`;
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
    };
    server.expose('take', take);
    server.ext('onPreAuth', (request: Request, h: ResponseToolkit) => {
      const bucketName = request.route.settings.app?.rateLimit;
      if (bucketName) take(request, bucketName);
      return h.continue;
    });
  },
};

/**
 * A route extension that counts against a bucket at the point of the route's choosing: a webhook puts
 * it after its signature check, so refused requests never spend the allowance of signed ones.
 */
export function countAgainst(bucketName: string): Lifecycle.Method {
  return (request: Request, h: ResponseToolkit) => {
    request.server.plugins[pluginName].take(request, bucketName);
    return h.continue;
  };
}
