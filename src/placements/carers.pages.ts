// Pages for the carers of a child's current placement (the API's PATCH /placements/{id} carers): the
// list with Change and Remove beside each carer, and the forms to add, replace or remove one. Each form
// posts, then redirects to the list (303); bad input re-renders with the GOV.UK error summary.
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { toE164 } from '../platform/phone';
import { optionalEmail, optionalMobile, orNull, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { presentCarersPage } from './carers-page.presenter';
import type { PlacementCarer } from './placement.entity';
import { MAX_CARERS } from './placement-carers.service';

const services = (r: PageRequest) => r.server.app.services;
const listPath = (childId: string) => `/children/${childId}/carers`;

async function childHeader(request: PageRequest, childId: string) {
  const child = await services(request).children.get(contextOf(request), childId);
  return {
    child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference },
    backLink: { href: listPath(child.id), text: 'Back to the carers' },
  };
}

async function carerHeader(request: PageRequest) {
  const { carer, childId } = await services(request).placementCarers.carer(contextOf(request), request.params.id);
  return { ...(await childHeader(request, childId)), carer: { name: carer.name }, record: carer };
}

const carerFields = {
  name: requiredText(200, 'the carer’s name', 'Carer’s name'),
  mobile: optionalMobile('the carer’s mobile number')
    .invalid('')
    .messages({ 'any.invalid': 'Enter the carer’s mobile number' }),
  email: optionalEmail('the carer’s email address'),
};
const carerOf = (v: Record<string, string>) => ({ name: v.name, mobile: toE164(v.mobile)!, email: orNull(v.email) });

export const carersPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/children/{id}/carers',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: "The carers of a child's current placement, to add, change or remove one",
      validate: { params: idParam },
      handler: async (request, h) => {
        const header = await childHeader(request, request.params.id);
        const placement = await services(request).placementCarers.current(contextOf(request), request.params.id);
        return h.view('carers', {
          ...header,
          backLink: { href: `/children/${request.params.id}`, text: 'Back to the child' },
          ...presentCarersPage(request.params.id, placement, MAX_CARERS, translatorOf(request)),
        });
      },
    },
  },
  ...formPage({
    path: '/children/{id}/carers/new',
    view: 'carer-form',
    action: 'children.write',
    description: "Add a carer to a child's current placement",
    fields: carerFields,
    context: async (request) => ({ ...(await childHeader(request, request.params.id)), adding: true }),
    submit: async (request, v) => {
      await services(request).placementCarers.add(contextOf(request), request.params.id, carerOf(v));
      return listPath(request.params.id);
    },
  }),
  ...formPage({
    path: '/carers/{id}/change',
    view: 'carer-form',
    action: 'children.write',
    description: 'Replace a carer of a current placement (name, mobile, email)',
    fields: carerFields,
    context: carerHeader,
    defaults: (_r, context) => {
      const { record: c } = context as { record: PlacementCarer };
      return { name: c.name, mobile: c.mobile, email: c.email ?? '' };
    },
    submit: async (request, v) => {
      const ctx = contextOf(request);
      const { childId } = await services(request).placementCarers.carer(ctx, request.params.id);
      await services(request).placementCarers.replace(ctx, request.params.id, carerOf(v));
      return listPath(childId);
    },
  }),
  ...formPage({
    path: '/carers/{id}/remove',
    view: 'carer-remove',
    action: 'children.write',
    description: 'Remove a carer from a current placement',
    fields: {
      confirm: Joi.string().valid('yes', 'no').required().messages({
        'any.required': 'Select yes if you want to remove this carer',
        'any.only': 'Select yes if you want to remove this carer',
      }),
    },
    context: carerHeader,
    submit: async (request, v) => {
      const ctx = contextOf(request);
      const { childId } = await services(request).placementCarers.carer(ctx, request.params.id);
      if (v.confirm === 'yes') await services(request).placementCarers.remove(ctx, request.params.id);
      return listPath(childId);
    },
  }),
];
