// Port arrival intake for the duty social worker (/arrivals/new): a task list over the user's draft
// (resumed after a dropped connection), the photograph, check your answers, and the arrival recorded
// in one transaction. Forms post, then redirect (303); problems show in the GOV.UK error summary.
import type { ResponseToolkit } from '@hapi/hapi';

import { PHOTO_MAX_BYTES, PHOTO_TOO_LARGE } from '../missing-profiles/photo-image';
import { Conflict, DomainError, Invalid } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import { type AppRefs, type AppRoute, pageFailAction } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { type PageRequest } from '../platform/views/form-page';
import { pageErrors } from '../platform/views/forms';
import { presentArrivalCheck } from './arrival-check.presenter';
import { draftToArrival, missingSections } from './arrival-input';
import { arrivalSectionPages } from './arrival-section.pages';
import { sectionOrder } from './arrival-sections';
import { nextTaskPath, taskListItems } from './arrival-tasks';

const isTask = (k: string) => (sectionOrder as readonly string[]).includes(k);

const services = (r: PageRequest) => r.server.app.services;
const zone = (r: PageRequest) => r.server.app.config.displayTimeZone;
const back = { href: '/arrivals/new', text: 'Back to the arrival' };
const crumbOnly = Joi.object({ crumb: Joi.string() });

function photoPage(h: ResponseToolkit<AppRefs>, hasPhoto: boolean, message?: string, code = 200) {
  return h
    .view('arrival-photo', { backLink: back, hasPhoto, ...pageErrors(message ? [{ field: 'photo', message }] : []) })
    .code(code);
}

/** The section of the arrival that fixes a service's complaint about one of its fields. */
const sectionOfField: Record<string, string> = {
  dateOfBirth: 'child',
  arrivalDate: 'arrival',
  careStartedAt: 'arrival',
  assessedOn: 'indicators',
  outcome: 'indicators',
  reviewOn: 'plan',
  agreedOn: 'plan',
  startedAt: 'placement',
  referredOn: 'referrals',
  allocatedOn: 'referrals',
  mobile: 'referrals',
};
type Problem = { field: string; message: string };
const problemsOf = (err: DomainError): Problem[] => {
  const listed = (err.details?.errors ?? []) as Problem[];
  return listed.length ? listed : [{ field: 'child', message: err.message }];
};

async function checkPage(request: PageRequest, h: ResponseToolkit<AppRefs>, fromService: Problem[] = []) {
  const draft = await services(request).arrivalDrafts.get(contextOf(request));
  let problems = fromService.map((p) => ({ ...p, field: sectionOfField[p.field] ?? p.field }));
  let cards: ReturnType<typeof presentArrivalCheck> = [];
  try {
    const arrival = draftToArrival(draft?.sections ?? {}, zone(request));
    cards = presentArrivalCheck(arrival, !!draft?.photo, zone(request), translatorOf(request));
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    problems = problemsOf(err);
  }
  // Each problem links to the section that fixes it.
  const errors = problems.map((p) => ({
    text: p.message,
    href: isTask(p.field) ? `/arrivals/new/${p.field}` : '/arrivals/new',
  }));
  return h.view('arrival-check', { backLink: back, cards, errors, fieldErrors: {} }).code(errors.length ? 400 : 200);
}

export const arrivalsPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/arrivals/new',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: the task list (resumes the draft)',
      handler: async (request, h) => {
        const draft = await services(request).arrivalDrafts.get(contextOf(request));
        const sections = draft?.sections ?? {};
        return h.view('arrival-tasks', {
          tasks: taskListItems(sections, !!draft?.photo, translatorOf(request)),
          draft: draft && { startedAt: draft.startedAt, savedAt: draft.updatedAt },
          ready: missingSections(sections).length === 0,
        });
      },
    },
  },
  ...arrivalSectionPages,
  {
    method: 'GET',
    path: '/arrivals/new/photo',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: the photograph',
      handler: async (request, h) =>
        photoPage(h, !!(await services(request).arrivalDrafts.get(contextOf(request)))?.photo),
    },
  },
  {
    method: 'POST',
    path: '/arrivals/new/photo',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: upload the photograph (JPEG, PNG or WebP, under 5 MB)',
      payload: {
        output: 'data',
        parse: true,
        multipart: { output: 'data' },
        allow: 'multipart/form-data',
        maxBytes: PHOTO_MAX_BYTES + 64 * 1024,
        failAction: pageFailAction(async (_request, h, err) => {
          const status = (err as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
          if (status !== 413) throw err;
          return photoPage(h, false, PHOTO_TOO_LARGE, 413).takeover();
        }),
      },
      validate: { payload: Joi.object({ crumb: Joi.string(), photo: Joi.binary() }) },
      handler: async (request, h) => {
        const ctx = contextOf(request);
        try {
          await services(request).arrivalDrafts.savePhoto(ctx, (request.payload as { photo?: Buffer }).photo);
        } catch (err) {
          if (err instanceof Invalid) return photoPage(h, false, err.message, 400);
          throw err;
        }
        const draft = await services(request).arrivalDrafts.get(ctx);
        return h.redirect(nextTaskPath(draft?.sections ?? {}, true, 'photo')).code(303);
      },
    },
  },
  {
    method: 'GET',
    path: '/arrivals/new/check',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: check the answers',
      handler: checkPage,
    },
  },
  {
    method: 'POST',
    path: '/arrivals/new/check',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: record it (the child, placement, plan, referrals; police and guardian told)',
      validate: { payload: crumbOnly },
      handler: async (request, h) => {
        try {
          const { child, messagesQueued } = await services(request).arrivalDrafts.submit(contextOf(request));
          return h.redirect(`/arrivals/${child.id}/recorded?told=${messagesQueued}`).code(303);
        } catch (err) {
          if (err instanceof Invalid || err instanceof Conflict) return checkPage(request, h, problemsOf(err));
          throw err;
        }
      },
    },
  },
  {
    method: 'POST',
    path: '/arrivals/new/discard',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: discard the draft',
      validate: { payload: crumbOnly },
      handler: async (request, h) => {
        await services(request).arrivalDrafts.discard(contextOf(request));
        return h.redirect('/arrivals/new').code(303);
      },
    },
  },
  {
    method: 'GET',
    path: '/arrivals/{id}/recorded',
    options: {
      auth: 'session',
      app: { action: 'children.write' },
      description: 'Port arrival: recorded',
      validate: { params: idParam, query: Joi.object({ told: Joi.number().integer().min(0).max(1000).default(0) }) },
      handler: async (request, h) => {
        const child = await services(request).children.get(contextOf(request), request.params.id);
        return h.view('arrival-recorded', {
          child: { id: child.id, reference: child.reference },
          told: request.query.told,
        });
      },
    },
  },
];
