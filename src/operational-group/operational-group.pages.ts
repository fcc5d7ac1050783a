// Pages for the operational group: the group with its next meeting, past meetings and open actions;
// a meeting with its agenda pack and the forms that record it (attendance, reviews, actions). Each
// form posts, then redirects (303); a bad form re-renders the meeting with the GOV.UK error summary.
import type { Request as HapiRequest, ResponseToolkit } from '@hapi/hapi';
import type { ObjectSchema, Schema } from 'joi';

import { can } from '../platform/auth/permissions';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam } from '../platform/http/schemas';
import { type AppRefs, type AppRoute, pageFailAction } from '../platform/http/types';
import { failAction } from '../platform/http/validation';
import { translatorOf } from '../platform/i18n/language.plugin';
import { dateKeys, requiredDate } from '../platform/views/date-time-fields';
import { optionalText, orNull, requiredText } from '../platform/views/form-fields';
import { pageErrors } from '../platform/views/forms';
import { type AttendanceKind, attendanceKinds } from './meeting-record.entity';
import { meetingStatuses } from './operational-group.entity';
import { ATTENDANCE_PREFIX, presentGroupPage, presentMeetingPage } from './operational-group-page.presenter';

type Request = HapiRequest<AppRefs>;
type Values = Record<string, string | string[]>;
type Problem = { field: string; message: string };
const group = (r: Request) => r.server.app.services.operationalGroup;
const zone = (r: Request) => r.server.app.config.displayTimeZone;
const meetingPath = (id: string) => `/operational-group/meetings/${id}`;

async function renderMeeting(
  request: Request,
  h: ResponseToolkit<AppRefs>,
  values: Values = {},
  problems: Problem[] = [],
) {
  const ctx = contextOf(request);
  const id = request.params.id;
  const record = await group(request).getMeeting(ctx, id);
  const [pack, g] = [await group(request).packFor(ctx, id), await group(request).getGroup(ctx)];
  const page = presentMeetingPage(record, pack, g, group(request).today(), zone(request), translatorOf(request));
  const view = h.view('group-meeting', {
    ...page,
    canWrite: can(ctx.actor.role, 'group.write'),
    values,
    ...pageErrors(problems),
    backLink: { href: '/operational-group', text: 'Back to the operational group' },
  });
  return problems.length ? view.code(400) : view;
}

/** A form on the meeting page: Joi at the edge, domain errors shown the same way, 303 back to the meeting. */
function meetingForm(
  path: string,
  description: string,
  fields: Record<string, Schema>,
  submit: (request: Request, v: Values) => Promise<unknown>,
  extend: (payload: ObjectSchema) => ObjectSchema = (payload) => payload,
): AppRoute {
  return {
    method: 'POST',
    path: `/operational-group/meetings/{id}/${path}`,
    options: {
      auth: 'session',
      app: { action: 'group.write' },
      description,
      validate: {
        params: idParam,
        payload: extend(Joi.object({ ...fields, crumb: Joi.string() })),
        failAction: pageFailAction(async (request, h, err) => {
          if (!err || !Joi.isError(err) || idParam.validate(request.params).error) return failAction(request, h, err);
          const problems = err.details.map((d) => ({ field: String(d.path[0]), message: d.message }));
          return (await renderMeeting(request, h, request.payload as Values, problems)).takeover();
        }),
      },
      handler: async (request, h) => {
        const values = request.payload as Values;
        try {
          await submit(request, values);
          return h.redirect(meetingPath(request.params.id)).code(303);
        } catch (err) {
          if (!(err instanceof Invalid || err instanceof Conflict)) throw err;
          const listed = err.details?.errors as Problem[] | undefined;
          return renderMeeting(
            request,
            h,
            values,
            listed?.length ? listed : [{ field: Object.keys(fields)[0], message: err.message }],
          );
        }
      },
    },
  };
}

/** A select of record ids: anything not chosen from the list is "Select ...". */
const selectId = (what: string) =>
  Joi.string()
    .guid()
    .required()
    .messages({ 'any.required': `Select ${what}`, 'string.empty': `Select ${what}`, 'string.guid': `Select ${what}` });

export const operationalGroupPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/operational-group',
    options: {
      auth: 'session',
      app: { action: 'group.read' },
      description: 'The operational group page',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const svc = group(request);
        const configure = can(ctx.actor.role, 'group.configure');
        const g = await svc.getGroup(ctx).catch((err) => {
          if (err instanceof NotFound && configure) return null;
          throw err;
        });
        // Not set up yet: the administrator is taken to the set-up form; others get the 404 page saying who sets it up.
        if (!g) return h.redirect('/operational-group/settings');
        const next = await svc.nextMeeting(ctx).catch((err) => {
          if (err instanceof NotFound) return null;
          throw err;
        });
        const page = presentGroupPage(
          g,
          await svc.listMeetings(ctx),
          next,
          await svc.listActions(ctx, { open: true }),
          svc.today(),
          zone(request),
          translatorOf(request),
        );
        return h.view('operational-group', { ...page, canConfigure: configure });
      },
    },
  },
  {
    method: 'GET',
    path: '/operational-group/meetings/{id}',
    options: {
      auth: 'session',
      app: { action: 'group.read' },
      description: 'A meeting of the operational group with its agenda pack',
      validate: { params: idParam },
      handler: (request, h) => renderMeeting(request, h),
    },
  },
  meetingForm(
    'record',
    "Record the meeting's status and minutes",
    {
      status: Joi.string()
        .valid(...meetingStatuses)
        .required()
        .messages({ 'any.required': 'Select the status', 'any.only': 'Select the status' }),
      minutes: optionalText(20000, 'The minutes'),
    },
    async (request, v) => {
      await group(request).updateMeeting(contextOf(request), request.params.id, {
        status: v.status as (typeof meetingStatuses)[number],
        minutes: orNull(v.minutes as string),
      });
    },
  ),
  meetingForm(
    'attendance',
    'Record who attended',
    {},
    async (request, v) => {
      // Only the members the form asked about and someone answered for: nothing else on the list changes.
      const changes = Object.entries(v)
        .filter(([k, x]) => k.startsWith(ATTENDANCE_PREFIX) && typeof x === 'string' && x)
        .map(([k, x]) => ({ memberId: k.slice(ATTENDANCE_PREFIX.length), attendance: x as AttendanceKind }));
      await group(request).updateAttendance(contextOf(request), request.params.id, changes);
    },
    (payload) =>
      payload.pattern(
        new RegExp(`^${ATTENDANCE_PREFIX}[0-9a-f-]{36}$`),
        Joi.string()
          .valid(...attendanceKinds, '')
          .messages({ 'any.only': 'Choose present, sent apologies or absent' }),
      ),
  ),
  meetingForm(
    'reviews',
    "Record the group's review of a child",
    {
      childId: selectId('the child'),
      decision: requiredText(10_000, "the group's decision", 'The decision'),
      planChanges: optionalText(10_000, 'The changes to the plan'),
      debriefWith: optionalText(200, 'Who the debrief is with'),
    },
    async (request, v) => {
      const s = v as Record<string, string>;
      await group(request).addReview(contextOf(request), request.params.id, {
        childId: s.childId,
        indicatorsConsidered: [],
        decision: s.decision,
        planChanges: orNull(s.planChanges),
        debriefArranged: !!s.debriefWith,
        debriefWith: orNull(s.debriefWith),
      });
    },
  ),
  meetingForm(
    'actions',
    'Agree an action',
    {
      description: requiredText(10_000, 'what needs to be done', 'The action'),
      ownerMemberId: selectId('who owns the action'),
      ...dateKeys('due', 'the action is due'),
    },
    async (request, v) => {
      const s = v as Record<string, string>;
      await group(request).addAction(contextOf(request), request.params.id, {
        description: s.description,
        ownerMemberId: s.ownerMemberId,
        dueOn: requiredDate(s, 'due', 'the action is due'),
      });
    },
  ),
  {
    method: 'POST',
    path: '/operational-group/actions/{id}/complete',
    options: {
      auth: 'session',
      app: { action: 'group.write' },
      description: 'Mark an action done',
      validate: {
        params: idParam,
        payload: Joi.object({ note: optionalText(10_000, 'The note'), crumb: Joi.string() }),
      },
      handler: async (request, h) => {
        const note = orNull((request.payload as { note?: string }).note);
        const action = await group(request).completeAction(contextOf(request), request.params.id, note);
        return h.redirect(meetingPath(action.meetingId)).code(303);
      },
    },
  },
];
