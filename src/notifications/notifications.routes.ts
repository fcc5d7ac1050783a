// The delivery view (an episode's messages, failed messages) and Twilio's status callback.
import type { AppRoute } from '../platform/http/types';
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { presentNotification } from './notification.presenter';
import { statusCallbackPath } from './dispatcher';
import { failedQuery, twilioStatusPayload } from './notifications.schemas';

const tags = ['api', 'notifications'];

export const notificationsRoutes: AppRoute[] = [
  {
    method: 'GET', path: '/api/v1/episodes/{id}/notifications',
    options: {
      tags, description: "Every message sent about an episode, with each one's delivery history", app: { action: 'notifications.read' },
      validate: { params: idParam },
      handler: async (request) => (await request.server.app.services.notifications.listForEpisode(contextOf(request), request.params.id)).map(presentNotification),
    },
  },
  {
    method: 'GET', path: '/api/v1/notifications/failed',
    options: {
      tags, description: 'Messages that could not be delivered (failed or undelivered), most recent first', app: { action: 'notifications.read' },
      validate: { query: failedQuery },
      handler: async (request) => (await request.server.app.services.notifications.listFailed(contextOf(request), request.query.limit, request.query.offset)).map(presentNotification),
    },
  },
  {
    method: 'POST', path: statusCallbackPath,
    options: {
      tags: ['webhooks'], description: 'Twilio message status callback (signed with X-Twilio-Signature)', auth: false,
      validate: { payload: twilioStatusPayload },
      handler: async (request, h) => {
        await request.server.app.services.providerStatus.applyTwilioCallback({
          path: request.url.pathname + request.url.search, signature: request.headers['x-twilio-signature'], params: (request.payload ?? {}) as Record<string, unknown>,
        });
        return h.response().code(204);
      },
    },
  },
];
