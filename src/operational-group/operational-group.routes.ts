// /api/v1/operational-group: the group (members, cadence), its meetings, each meeting's agenda pack
// (JSON, and the HTML exactly as members receive it), attendance, reviews and actions. Thin handlers.
import type { Lifecycle, ReqRef } from '@hapi/hapi';
import type { Schema } from 'joi';

import type { Action } from '../platform/auth/permissions';
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, type RefsWith, route as typedRoute } from '../platform/http/types';
import type { ActionInput, AttendanceInput, ReviewInput } from './meeting-record.service';
import {
  presentAction,
  presentAttendance,
  presentGroup,
  presentMeeting,
  presentMeetingRecord,
  presentMember,
  presentPack,
  presentReview,
} from './operational-group.presenter';
import {
  actionSchema,
  addMemberSchema,
  attendanceSchema,
  completeActionSchema,
  configureGroupSchema,
  listActionsQuery,
  reviewSchema,
  updateMeetingSchema,
} from './operational-group.schemas';
import type { GroupInput, MeetingChanges } from './operational-group.service';

const tags = ['api', 'operational-group'];
const base = '/api/v1/operational-group';

function route<R extends ReqRef = object>(
  method: AppRoute['method'],
  path: string,
  action: Action,
  description: string,
  validate: Record<string, Schema>,
  handler: Lifecycle.Method<RefsWith<R>>,
): AppRoute {
  return typedRoute<R>({
    method,
    path: `${base}${path}`,
    options: { tags, description, app: { action }, validate, handler },
  });
}

export const operationalGroupRoutes: AppRoute[] = [
  route(
    'GET',
    '',
    'group.read',
    "The authority's operational group: cadence, first meeting and members",
    {},
    async (request) => {
      const g = await request.server.app.services.operationalGroup.getGroup(contextOf(request));
      return presentGroup(g.group, g.members);
    },
  ),
  route<{ Payload: GroupInput }>(
    'PUT',
    '',
    'group.configure',
    'Set the group up (firstMeetingAt the first time) or change its name, cadence (days) or meeting defaults',
    { payload: configureGroupSchema },
    async (request) => {
      const g = await request.server.app.services.operationalGroup.configure(contextOf(request), request.payload);
      return presentGroup(g.group, g.members);
    },
  ),
  route<{ Payload: { userId?: string; contactId?: string } }>(
    'POST',
    '/members',
    'group.configure',
    'Add a member: a user or a contact (e.g. a distribution list)',
    { payload: addMemberSchema },
    async (request, h) =>
      h
        .response(
          presentMember(
            await request.server.app.services.operationalGroup.addMember(contextOf(request), request.payload),
          ),
        )
        .code(201),
  ),
  route(
    'DELETE',
    '/members/{id}',
    'group.configure',
    'Remove a member (past attendance and actions keep the name)',
    { params: idParam },
    async (request, h) => {
      await request.server.app.services.operationalGroup.removeMember(contextOf(request), request.params.id);
      return h.response().code(204);
    },
  ),
  route('GET', '/meetings', 'group.read', 'Every meeting, latest first', {}, async (request) =>
    (await request.server.app.services.operationalGroup.listMeetings(contextOf(request))).map(presentMeeting),
  ),
  route('GET', '/meetings/next', 'group.read', 'The next scheduled meeting', {}, async (request) =>
    presentMeeting(await request.server.app.services.operationalGroup.nextMeeting(contextOf(request))),
  ),
  route(
    'GET',
    '/meetings/{id}',
    'group.read',
    'A meeting with its attendance, reviews and actions',
    { params: idParam },
    async (request) => {
      const group = request.server.app.services.operationalGroup;
      return presentMeetingRecord(await group.getMeeting(contextOf(request), request.params.id), group.today());
    },
  ),
  route<{ Payload: MeetingChanges }>(
    'PATCH',
    '/meetings/{id}',
    'group.write',
    'Change a meeting: time (until it is held), place, status, minutes; members get the updated invitation or the cancellation',
    { params: idParam, payload: updateMeetingSchema },
    async (request) =>
      presentMeeting(
        await request.server.app.services.operationalGroup.updateMeeting(
          contextOf(request),
          request.params.id,
          request.payload,
        ),
      ),
  ),
  route(
    'GET',
    '/meetings/{id}/pack',
    'group.read',
    'The agenda pack as JSON: frozen as sent, or as it stands now before it goes',
    { params: idParam },
    async (request) =>
      presentPack(await request.server.app.services.operationalGroup.packFor(contextOf(request), request.params.id)),
  ),
  route(
    'GET',
    '/meetings/{id}/pack.html',
    'group.read',
    'The agenda pack email (HTML) exactly as members receive it',
    { params: idParam },
    async (request, h) =>
      h
        .response(
          (await request.server.app.services.operationalGroup.packFor(contextOf(request), request.params.id)).html,
        )
        .type('text/html; charset=utf-8'),
  ),
  route<{ Payload: { attendance: AttendanceInput[] } }>(
    'PUT',
    '/meetings/{id}/attendance',
    'group.write',
    'Record who attended (replaces the list)',
    { params: idParam, payload: attendanceSchema },
    async (request) =>
      (
        await request.server.app.services.operationalGroup.recordAttendance(
          contextOf(request),
          request.params.id,
          request.payload.attendance,
        )
      ).map(presentAttendance),
  ),
  route<{ Payload: ReviewInput }>(
    'POST',
    '/meetings/{id}/reviews',
    'group.write',
    "Record the group's review of one child",
    { params: idParam, payload: reviewSchema },
    async (request, h) =>
      h
        .response(
          presentReview(
            await request.server.app.services.operationalGroup.addReview(
              contextOf(request),
              request.params.id,
              request.payload,
            ),
          ),
        )
        .code(201),
  ),
  route<{ Payload: ActionInput }>(
    'POST',
    '/meetings/{id}/actions',
    'group.write',
    'Agree an action with an owner and a due date',
    { params: idParam, payload: actionSchema },
    async (request, h) => {
      const group = request.server.app.services.operationalGroup;
      return h
        .response(
          presentAction(await group.addAction(contextOf(request), request.params.id, request.payload), group.today()),
        )
        .code(201);
    },
  ),
  route<{ Query: { open?: boolean } }>(
    'GET',
    '/actions',
    'group.read',
    "The group's actions (open=true for those not yet done), earliest due first",
    { query: listActionsQuery },
    async (request) => {
      const group = request.server.app.services.operationalGroup;
      return (await group.listActions(contextOf(request), request.query)).map((a) => presentAction(a, group.today()));
    },
  ),
  route<{ Payload: { note?: string | null } | null }>(
    'POST',
    '/actions/{id}/complete',
    'group.write',
    'Mark an action done',
    { params: idParam, payload: completeActionSchema },
    async (request) => {
      const group = request.server.app.services.operationalGroup;
      const note = request.payload?.note ?? null;
      return presentAction(await group.completeAction(contextOf(request), request.params.id, note), group.today());
    },
  ),
];
