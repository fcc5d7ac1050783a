// The episode page's Acknowledge button: one form per alert still waiting for acknowledgement.
// Acknowledging stops that step's repeats and moves nothing on to the next contact, as an SMS
// "ACK <code>" does; a second press changes nothing. Post/redirect/get back to the episode.
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';

export const episodeAcknowledgePages: AppRoute[] = [
  {
    method: 'POST',
    path: '/episodes/{id}/acknowledge',
    options: {
      auth: 'session',
      app: { action: 'episodes.acknowledge' },
      description: "Acknowledge a step's alert from the episode page",
      validate: {
        params: idParam,
        payload: Joi.object({
          stepKey: Joi.string()
            .pattern(/^[a-z0-9_]{1,40}$/)
            .required(),
          crumb: Joi.string(),
        }),
      },
      handler: async (request, h) => {
        const { stepKey } = request.payload as { stepKey: string };
        await request.server.app.services.episodeUpdates.acknowledge(contextOf(request), request.params.id, stepKey);
        return h.redirect(`/episodes/${request.params.id}#acknowledge`).code(303);
      },
    },
  },
];
