// The delivery view (an episode's messages, failed messages) and Twilio's status callback, whose
// signature is checked (fails closed, 403) before its body is validated or read.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { twilioWebhookExt } from '../sms/twilio-signature.ext';
import { statusCallbackPath } from './message-sender';
import { presentNotification } from './notification.presenter';
import { failedQuery, twilioStatusPayload } from './notifications.schemas';

const tags = ['api', 'notifications'];

export const notificationsRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/episodes/{id}/notifications',
    options: {
      tags,
      description: "Every message sent about an episode, with each one's delivery history",
      app: { action: 'notifications.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (await request.server.app.services.notifications.listForEpisode(contextOf(request), request.params.id)).map(
          presentNotification,
        ),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/notifications/failed',
    options: {
      tags,
      description: 'Messages that could not be delivered (failed or undelivered), most recent first',
      app: { action: 'notifications.read' },
      validate: { query: failedQuery },
      handler: async (request) =>
        (
          await request.server.app.services.notifications.listFailed(
            contextOf(request),
            request.query.limit,
            request.query.offset,
          )
        ).map(presentNotification),
    },
  },
  {
    method: 'POST',
    path: statusCallbackPath,
    options: {
      auth: false,
      tags: ['api', 'webhooks'],
      description: 'Twilio message status callback (signed with X-Twilio-Signature); answers 204',
      ext: twilioWebhookExt,
      validate: { payload: twilioStatusPayload },
      handler: async (request, h) => {
        const p = request.payload as { MessageSid: string; MessageStatus: string; ErrorCode?: string };
        await request.server.app.services.providerStatus.applyTwilioStatus({
          messageSid: p.MessageSid,
          messageStatus: p.MessageStatus,
          errorCode: p.ErrorCode,
        });
        return h.response().code(204);
      },
    },
  },
];
