// Pages for a missing episode: report a child missing, the episode itself, and the forms that move
// it on (police details, found, return interview, close). Each form posts, then redirects (303).
import type { Request as HapiRequest } from '@hapi/hapi';

import { Joi } from '../platform/http/joi';
import type { AppRefs } from '../platform/http/types';
type Request = HapiRequest<AppRefs>;
import { riskGrades } from '../escalation/escalation-policy';
import { can } from '../platform/auth/permissions';
import { Invalid, invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { dateTimeKeys, fieldsFor, requiredInstant } from '../platform/views/date-time-fields';
import { chosen, optionalText, orUndefined, requiredText } from '../platform/views/form-fields';
import { formPage } from '../platform/views/form-page';
import { presentEpisodePage } from './episode-page.presenter';
import type { ReturnInterviewInput } from './episode-updates.service';

type Values = Record<string, string>;
const services = (r: Request) => r.server.app.services;
const zone = (r: Request) => r.server.app.config.displayTimeZone;

const instant = (request: Request, values: Values, prefix: string, what: string) =>
  requiredInstant(values, prefix, what, zone(request));

async function episodeHeader(request: Request) {
  const data = await services(request).episodePage.get(contextOf(request), request.params.id);
  const page = presentEpisodePage(
    data,
    zone(request),
    { update: false, police: false, close: false },
    '',
    translatorOf(request),
  );
  return {
    episode: {
      id: page.id,
      reference: page.reference,
      missing: page.missing,
      child: page.child,
      policeReference: data.episode.policeReference,
      riskGrade: data.episode.riskGrade,
    },
    backLink: { href: `/episodes/${page.id}`, text: 'Back to the episode' },
  };
}

const nowFields = (request: Request, prefix: string) => fieldsFor(services(request).clock.now(), zone(request), prefix);

export const missingPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/episodes/{id}',
    options: {
      auth: 'session',
      app: { action: 'episodes.read' },
      description: 'The episode page',
      validate: { params: idParam },
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const data = await services(request).episodePage.get(ctx, request.params.id);
        const page = presentEpisodePage(
          data,
          zone(request),
          {
            update: can(ctx.actor.role, 'episodes.update'),
            police: can(ctx.actor.role, 'episodes.police_update'),
            close: can(ctx.actor.role, 'episodes.close'),
            undoReturn: can(ctx.actor.role, 'episodes.undo_return'),
            acknowledge: can(ctx.actor.role, 'episodes.acknowledge'),
          },
          request.server.app.config.publicBaseUrl,
          translatorOf(request),
        );
        return h.view('episode', { ...page, refreshSeconds: page.missing ? 60 : null });
      },
    },
  },
  ...formPage({
    path: '/children/{id}/report-missing',
    view: 'report-missing',
    action: 'episodes.report',
    description: 'Report a child missing',
    fields: {
      kind: Joi.string().valid('M', 'A').required().messages({
        'any.required': 'Select whether the child is missing or away without authorisation',
        'any.only': 'Select whether the child is missing or away without authorisation',
      }),
      ...dateTimeKeys('discovered', 'you found the child was missing'),
      lastSeenWhere: optionalText(500, 'Where the child was last seen'),
      lastSeenClothing: optionalText(500, 'What the child was wearing'),
      still: Joi.string().valid('yes', 'no', '').messages({ 'any.only': 'Select whether the child is still missing' }),
      ...dateTimeKeys('returned', 'the child came back', false),
    },
    context: async (request) => {
      const child = await services(request).caredFor.reportable(contextOf(request), request.params.id);
      return {
        child: { id: child.id, name: `${child.firstNames} ${child.lastName}`, reference: child.reference },
        backLink: { href: '/', text: 'Back to the dashboard' },
      };
    },
    defaults: (request) => nowFields(request, 'discovered'),
    submit: async (request, v) => {
      const ctx = contextOf(request);
      await services(request).caredFor.reportable(ctx, request.params.id);
      // Recording the past: an episode already over is entered with its return and sends nothing.
      const over =
        v.still === 'no'
          ? { returnedAt: instant(request, v, 'returned', 'the child came back') }
          : v.still === 'yes'
            ? { stillMissing: true }
            : {};
      const episode = await services(request)
        .reportMissing.report(ctx, request.params.id, {
          kind: v.kind as 'M' | 'A',
          discoveredAt: instant(request, v, 'discovered', 'you found the child was missing'),
          reportedVia: 'web',
          lastSeen: { where: orUndefined(v.lastSeenWhere), clothing: orUndefined(v.lastSeenClothing) },
          ...over,
        })
        .catch((err: Error) => {
          throw err instanceof Invalid && /^The child was found missing more than/.test(err.message)
            ? invalidFields([
                { field: 'still', message: 'This was more than 7 days ago: say whether the child is still missing' },
              ])
            : err;
        });
      return can(ctx.actor.role, 'episodes.read') ? `/episodes/${episode.id}` : `/?reported=${episode.reference}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/found',
    view: 'episode-found',
    action: 'episodes.update',
    description: 'Record the child found or returned',
    fields: {
      ...dateTimeKeys('returned', 'the child was found or came back'),
      where: optionalText(500, 'Where the child was found'),
      by: optionalText(200, 'Who found the child'),
    },
    context: episodeHeader,
    defaults: (request) => nowFields(request, 'returned'),
    submit: async (request, v) => {
      await services(request).episodeUpdates.recordReturn(contextOf(request), request.params.id, {
        returnedAt: instant(request, v, 'returned', 'the child was found or came back'),
        where: orUndefined(v.where),
        by: orUndefined(v.by),
      });
      return `/episodes/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/police',
    view: 'episode-police',
    action: 'episodes.police_update',
    description: 'Record the police reference and risk grade',
    fields: {
      policeReference: optionalText(50, 'The police reference'),
      riskGrade: Joi.string()
        .valid(...riskGrades, '')
        .messages({ 'any.only': 'Select a risk grade' }),
      reason: optionalText(500, 'The reason'),
    },
    context: episodeHeader,
    defaults: (_request, context) => {
      const { episode } = context as { episode: { policeReference: string | null; riskGrade: string | null } };
      return { policeReference: episode.policeReference ?? '', riskGrade: episode.riskGrade ?? '' };
    },
    submit: async (request, v) => {
      const input = {
        policeReference: orUndefined(v.policeReference),
        riskGrade: v.riskGrade ? chosen(riskGrades, v.riskGrade) : undefined,
        reason: orUndefined(v.reason),
      };
      if (!input.policeReference && !input.riskGrade)
        throw invalidFields([
          { field: 'policeReference', message: 'Enter the police reference or select a risk grade' },
        ]);
      await services(request)
        .episodeUpdates.informPolice(contextOf(request), request.params.id, input)
        .catch((err: Error) => {
          // The service needs a reason only when the grade changes; say so against the reason box.
          throw err instanceof Invalid && /^reason is required/.test(err.message)
            ? invalidFields([{ field: 'reason', message: 'Enter why the police gave this risk grade' }])
            : err;
        });
      return `/episodes/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/return-interview',
    view: 'episode-return-interview',
    action: 'episodes.update',
    description: 'Record the return interview',
    fields: {
      outcome: Joi.string()
        .valid('held', 'declined', 'not_held')
        .required()
        .messages({ 'any.required': 'Select what happened', 'any.only': 'Select what happened' }),
      ...dateTimeKeys('held', 'the interview was held', false),
      by: optionalText(200, 'Who held the interview'),
      reasonNotHeld: optionalText(500, 'The reason'),
    },
    context: episodeHeader,
    defaults: (request) => nowFields(request, 'held'),
    submit: async (request, v) => {
      const input: ReturnInterviewInput =
        v.outcome === 'held'
          ? { heldAt: instant(request, v, 'held', 'the interview was held'), by: orUndefined(v.by) }
          : v.outcome === 'declined'
            ? { declined: true as const }
            : {
                reasonNotHeld:
                  v.reasonNotHeld ||
                  (() => {
                    throw invalidFields([{ field: 'reasonNotHeld', message: 'Enter why the interview was not held' }]);
                  })(),
              };
      await services(request).episodeUpdates.recordReturnInterview(contextOf(request), request.params.id, input);
      return `/episodes/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/change-to-missing',
    view: 'episode-change-to-missing',
    action: 'episodes.update',
    description: 'Change an away episode to missing',
    fields: { reason: requiredText(500, 'why the child is now missing', 'The reason') },
    context: episodeHeader,
    submit: async (request, v) => {
      await services(request).episodeUpdates.changeToMissing(contextOf(request), request.params.id, {
        reason: v.reason,
      });
      return `/episodes/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/undo-return',
    view: 'episode-undo-return',
    action: 'episodes.undo_return',
    description: 'Undo a return recorded by mistake (managers)',
    fields: { reason: requiredText(500, 'why the return was recorded by mistake', 'The reason') },
    context: episodeHeader,
    submit: async (request, v) => {
      await services(request).undoReturn.undoReturn(contextOf(request), request.params.id, v.reason);
      return `/episodes/${request.params.id}`;
    },
  }),
  ...formPage({
    path: '/episodes/{id}/close',
    view: 'episode-close',
    action: 'episodes.close',
    description: 'Close the episode (managers)',
    fields: { reason: requiredText(500, 'why you are closing the episode', 'The reason') },
    context: episodeHeader,
    submit: async (request, v) => {
      await services(request).episodeUpdates.close(contextOf(request), request.params.id, v.reason);
      return `/episodes/${request.params.id}`;
    },
  }),
];
