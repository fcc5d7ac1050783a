// Liveness (the process answers) and readiness (each dependency answers), for load balancers.
import type { AppRoute } from '../platform/http/types';

export const healthRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/health',
    options: {
      auth: false,
      tags: ['api', 'health'],
      description: 'The process is alive',
      handler: () => ({ status: 'ok' }),
    },
  },
  {
    method: 'GET',
    path: '/health/ready',
    options: {
      auth: false,
      tags: ['api', 'health'],
      description: 'The database is reachable (503 names what is down)',
      handler: async (request, h) => {
        const checks = await request.server.app.services.health.check();
        const down = Object.entries(checks)
          .filter(([, ok]) => !ok)
          .map(([name]) => name);
        return h
          .response({
            status: down.length ? 'unavailable' : 'ok',
            checks: Object.fromEntries(Object.entries(checks).map(([k, ok]) => [k, ok ? 'up' : 'down'])),
            ...(down.length
              ? { message: `Not ready: ${down.join(', ')} ${down.length > 1 ? 'are' : 'is'} down.` }
              : {}),
          })
          .code(down.length ? 503 : 200);
      },
    },
  },
];
