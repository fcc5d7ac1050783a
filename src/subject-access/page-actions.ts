// A one-button page action: POST with the form's crumb, one service call, 303 back to the page it
// came from. Bad input is a 400 page naming the problem; domain errors show as the error page does.
import type { Schema } from 'joi';

import type { Action } from '../platform/auth/permissions';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import type { PageRequest } from '../platform/views/form-page';

export function pageAction(
  path: string,
  action: Action,
  description: string,
  fields: Record<string, Schema>,
  params: Schema,
  run: (request: PageRequest, values: Record<string, string>) => Promise<string>,
): AppRoute {
  return {
    method: 'POST',
    path,
    options: {
      auth: 'session',
      app: { action },
      description,
      validate: { params, payload: Joi.object({ ...fields, crumb: Joi.string() }) },
      handler: async (request, h) => {
        const values = { ...(request.payload as Record<string, string>) };
        delete values.crumb;
        return h.redirect(await run(request, values)).code(303);
      },
    },
  };
}
