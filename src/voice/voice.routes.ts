// Twilio's voice webhooks: the call's words (TwiML) when it is answered, the key pressed, and the
// call's status. Each is signed with X-Twilio-Signature over the public URL, checked before anything
// is read (fails closed, 403), exactly as for texts.
import { callStatusPath } from '../notifications/voice/call-twiml';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { twilioWebhookExt } from '../sms/twilio-signature.ext';
import { callKeysForm, callStatusForm, callTwimlForm } from './voice.schemas';

const tags = ['api', 'webhooks'];

export const voiceRoutes: AppRoute[] = [
  {
    method: 'POST',
    path: '/webhooks/twilio/voice/{id}',
    options: {
      auth: false,
      tags,
      description: 'TwiML for an alert call, fetched by Twilio when answered (signed with X-Twilio-Signature)',
      ext: twilioWebhookExt,
      validate: { params: idParam, payload: callTwimlForm },
      handler: async (request, h) => {
        const p = request.payload as { CallSid: string; AnsweredBy?: string };
        const twiml = await request.server.app.services.voiceCalls.answer(request.params.id, p.CallSid, p.AnsweredBy);
        return h.response(twiml).type('text/xml');
      },
    },
  },
  {
    method: 'POST',
    path: '/webhooks/twilio/voice/{id}/keys',
    options: {
      auth: false,
      tags,
      description: 'The key pressed on an alert call: 1 accepts, 2 repeats (signed with X-Twilio-Signature); TwiML',
      ext: twilioWebhookExt,
      validate: { params: idParam, payload: callKeysForm },
      handler: async (request, h) => {
        const p = request.payload as { CallSid: string; Digits: string };
        const twiml = await request.server.app.services.voiceCalls.pressed(request.params.id, p.CallSid, p.Digits);
        return h.response(twiml).type('text/xml');
      },
    },
  },
  {
    method: 'POST',
    path: callStatusPath,
    options: {
      auth: false,
      tags,
      description: 'Twilio call status callback (signed with X-Twilio-Signature); answers 204',
      ext: twilioWebhookExt,
      validate: { payload: callStatusForm },
      handler: async (request, h) => {
        const p = request.payload as { CallSid: string; CallStatus: string; AnsweredBy?: string };
        await request.server.app.services.voiceCalls.status(p.CallSid, p.CallStatus, p.AnsweredBy);
        return h.response().code(204);
      },
    },
  },
];
