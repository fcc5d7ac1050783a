// Correcting the police force of the current placement (issue 23): proposed from the host when
// the placement started, it is the force alerted at once if the child goes missing, so casework
// staff can change it at any time. The change is audited by the placements service.
import { childHeader } from '../children/child-forms.pages';
import { Conflict } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { formPage, type PageRequest } from '../platform/views/form-page';

const services = (r: PageRequest) => r.server.app.services;

export async function currentPlacement(request: PageRequest) {
  const ctx = contextOf(request);
  const current = (await services(request).placements.listForChild(ctx, request.params.id)).find((p) => !p.endedAt);
  if (!current) throw new Conflict('This child has no current placement.');
  return current;
}

export const placementForcePages: AppRoute[] = formPage({
  path: '/children/{id}/placements/police-force',
  view: 'placement-police-force',
  action: 'children.write',
  description: 'Change the police force of the current placement',
  fields: {
    policeForceCode: Joi.string()
      .trim()
      .max(40)
      .allow('')
      .messages({ 'string.max': 'Choose a police force from the list' }),
  },
  context: async (request) => ({
    ...(await childHeader(request)),
    policeForces: (await services(request).placements.hostOptions(contextOf(request))).policeForces,
    currentForce: (await currentPlacement(request)).policeForceCode,
  }),
  defaults: (_request, context) => ({
    policeForceCode: (context as { currentForce: string | null }).currentForce ?? '',
  }),
  submit: async (request, v) => {
    const current = await currentPlacement(request);
    await services(request).placements.change(contextOf(request), current.id, {
      policeForceCode: v.policeForceCode || null,
    });
    return `/children/${request.params.id}`;
  },
});
