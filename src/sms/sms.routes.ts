// Carers' texts arrive here from Twilio; duty workers read the inbound log and queue.
import { contextOf } from '../platform/http/context';
import { recordPost } from '../platform/http/record-post';
import { type AppRoute, route } from '../platform/http/types';
import { handledPayload, inboundIdParam, inboundListQuery, inboundSmsForm } from './sms.schemas';
import { type InboundFilter, presentInbound } from './sms-queue.service';
import { twilioWebhookExt } from './twilio-signature.ext';
import { twimlMessage } from './twilio-webhook';

export const smsRoutes: AppRoute[] = [
  {
    method: 'POST',
    path: '/webhooks/twilio/sms',
    options: {
      auth: false,
      tags: ['api', 'webhooks'],
      description: 'Twilio inbound SMS webhook (signed with X-Twilio-Signature); replies with TwiML',
      ext: twilioWebhookExt,
      validate: { payload: inboundSmsForm },
      handler: async (request, h) => {
        const p = request.payload as { MessageSid: string; From: string; To?: string; Body: string };
        const reply = await request.server.app.services.smsIntake.receive({
          messageSid: p.MessageSid,
          from: p.From,
          to: p.To,
          body: p.Body,
        });
        return h.response(twimlMessage(reply)).type('text/xml');
      },
    },
  },
  route<{ Query: InboundFilter }>({
    method: 'GET',
    path: '/api/v1/sms/inbound',
    options: {
      tags: ['api', 'sms'],
      description: 'Inbound texts for the duty worker (attention=true: the queue needing a person)',
      app: { action: 'sms.queue' },
      validate: { query: inboundListQuery },
      handler: async (request) => {
        const { items, total } = await request.server.app.services.smsQueue.list(contextOf(request), request.query);
        return { items: items.map(presentInbound), total };
      },
    },
  }),
  recordPost<{ note: string }>({
    path: '/api/v1/sms/inbound/{id}/handled',
    tags: ['api', 'sms'],
    description: 'Mark a queued text as dealt with, saying what was done',
    action: 'sms.queue',
    params: inboundIdParam,
    payload: handledPayload,
    handler: async (request) =>
      presentInbound(
        await request.server.app.services.smsQueue.markHandled(
          contextOf(request),
          request.params.id,
          request.payload.note,
        ),
      ),
  }),
];
