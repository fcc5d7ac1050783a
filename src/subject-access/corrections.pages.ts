// Correcting a child's record with a reason (rectification, the API's /children/{id}/corrections):
// the details form, the reason, and the corrections made so far. Casework staff and the data
// protection officer; each correction keeps the value before, who changed it and why.
import type { Child } from '../children/child.entity';
import { childDetailFields, childDetailsOf, childDetailValues } from '../children/child-forms.pages';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { presentCorrections } from './corrections.presenter';

const services = (r: PageRequest) => r.server.app.services;

export const correctionsPages: AppRoute[] = [
  ...formPage({
    path: '/children/{id}/corrections',
    view: 'child-corrections',
    action: 'children.correct',
    description: "Correct a child's record with a reason, and see the corrections made",
    fields: { ...childDetailFields, reason: requiredText(500, 'why the record was wrong', 'The reason') },
    context: async (request) => {
      const ctx = contextOf(request);
      const child = await services(request).children.get(ctx, request.params.id);
      const corrections = await services(request).corrections.list(ctx, request.params.id);
      return {
        child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference },
        record: child,
        corrections: presentCorrections(corrections, request.server.app.config.displayTimeZone, translatorOf(request)),
        backLink: { href: `/children/${child.id}`, text: 'Back to the child' },
      };
    },
    defaults: (_r, context) => childDetailValues((context as { record: Child }).record),
    submit: async (request, v) => {
      await services(request).corrections.correct(contextOf(request), request.params.id, childDetailsOf(v), v.reason);
      return `/children/${request.params.id}/corrections`;
    },
  }),
];
