// /api/v1/subject-access-requests and /api/v1/children/{id}/corrections: thin handlers.
import type { Request } from '@hapi/hapi';
import type { Schema } from 'joi';

import { presentChild } from '../children/child.presenter';
import { invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { type RecordPost, recordPost } from '../platform/http/record-post';
import { idParam } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { toE164 } from '../platform/phone';
import { renderPdf } from './sar-pdf';
import {
  completeSchema,
  correctionSchema,
  createRequestSchema,
  exportQuery,
  extendSchema,
  markSchema,
  pauseSchema,
  redactionParams,
  resumeSchema,
} from './subject-access.schemas';
import type { Mark } from './subject-access.service';

const tags = ['api', 'subject-access'];
const sar = (request: Pick<Request, 'server'>) => request.server.app.services.subjectAccess;
const base = '/api/v1/subject-access-requests';
type Body = { reason: string; on?: string; months: number };

/** A change to one request: POST {base}/{id}/{path}, the payload typed by what its schema lets through. */
const step = <P extends object = Body>(
  path: string,
  description: string,
  payload: Schema,
  handler: RecordPost<P>['handler'],
): AppRoute =>
  recordPost<P>({ path: `${base}/{id}/${path}`, tags, description, action: 'subject_access.write', payload, handler });

export const subjectAccessRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: base,
    options: {
      tags,
      description: 'Subject access requests with their deadlines (paused ones say so)',
      app: { action: 'subject_access.read' },
      handler: async (request) => request.server.app.services.subjectAccess.list(contextOf(request)),
    },
  },
  {
    method: 'POST',
    path: base,
    options: {
      tags,
      description: 'Record a subject access request for a child or a carer, with the date it was received',
      app: { action: 'subject_access.write' },
      validate: { payload: createRequestSchema },
      handler: async (request, h) => {
        const p = request.payload as { childId?: string; carerMobile?: string; requester: string; receivedOn: string };
        const carerMobile = p.carerMobile ? toE164(p.carerMobile) : null;
        if (p.carerMobile && !carerMobile)
          throw invalidFields([{ field: 'carerMobile', message: 'carerMobile must be a UK mobile number' }]);
        const created = await request.server.app.services.subjectAccess.create(contextOf(request), {
          subjectKind: p.childId ? 'child' : 'carer',
          childId: p.childId ?? null,
          carerMobile,
          requester: p.requester,
          receivedOn: p.receivedOn,
        });
        return h.response(created).code(201).location(`${base}/${created.id}`);
      },
    },
  },
  {
    method: 'GET',
    path: `${base}/{id}`,
    options: {
      tags,
      description: 'The request, its redaction marks and everything held, with the marks applied (audited)',
      app: { action: 'subject_access.read' },
      validate: { params: idParam },
      handler: async (request) => {
        const {
          request: r,
          marks,
          sections,
        } = await request.server.app.services.subjectAccess.get(contextOf(request), request.params.id);
        return { request: r, redactions: marks, sections };
      },
    },
  },
  {
    method: 'GET',
    path: `${base}/{id}/export`,
    options: {
      tags,
      description: 'The record with redactions applied, as JSON (for the file) or PDF (for the person); audited',
      app: { action: 'subject_access.read' },
      validate: { params: idParam, query: exportQuery },
      handler: async (request, h) => {
        const format = request.query.format as 'json' | 'pdf';
        const doc = await request.server.app.services.subjectAccess.export(
          contextOf(request),
          request.params.id,
          format,
        );
        const name = `subject-access-${doc.request.id.slice(0, 8)}`;
        if (format === 'json')
          return h.response(doc).header('content-disposition', `attachment; filename="${name}.json"`);
        const pdf = await renderPdf({
          receivedOn: doc.request.receivedOn,
          generatedAt: doc.generatedAt,
          sections: doc.sections,
        });
        return h
          .response(pdf)
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`);
      },
    },
  },
  step('pause', 'Pause the clock while waiting for clarification (the deadline moves on)', pauseSchema, (request) =>
    sar(request).pause(contextOf(request), request.params.id, request.payload.reason, request.payload.on),
  ),
  step('resume', 'Resume the clock once clarification arrives', resumeSchema, (request) =>
    sar(request).resume(contextOf(request), request.params.id, request.payload.on),
  ),
  step('extend', 'Extend the deadline by one or two months, with a reason', extendSchema, (request) =>
    sar(request).extend(contextOf(request), request.params.id, request.payload.months, request.payload.reason),
  ),
  step('complete', 'Mark the request answered', completeSchema, (request) =>
    sar(request).complete(contextOf(request), request.params.id),
  ),
  step<Mark>(
    'redactions',
    'Mark a redaction: a whole item, one field, or carers’ contact details throughout',
    markSchema,
    (request) => sar(request).mark(contextOf(request), request.params.id, request.payload),
  ),
  {
    method: 'DELETE',
    path: `${base}/{id}/redactions/{redactionId}`,
    options: {
      tags,
      description: 'Remove a redaction mark',
      app: { action: 'subject_access.write' },
      validate: { params: redactionParams },
      handler: async (request) =>
        request.server.app.services.subjectAccess.unmark(
          contextOf(request),
          request.params.id,
          request.params.redactionId,
        ),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/children/{id}/corrections',
    options: {
      tags,
      description: "Corrections made to a child's record: what changed, by whom and why",
      app: { action: 'children.correct' },
      validate: { params: idParam },
      handler: async (request) => request.server.app.services.corrections.list(contextOf(request), request.params.id),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/children/{id}/corrections',
    options: {
      tags,
      description: "Correct a child's record, with the reason; the value before is kept (rectification)",
      app: { action: 'children.correct' },
      validate: { params: idParam, payload: correctionSchema },
      handler: async (request) => {
        const { changes, reason } = request.payload as { changes: object; reason: string };
        return presentChild(
          await request.server.app.services.corrections.correct(contextOf(request), request.params.id, changes, reason),
        );
      },
    },
  },
];
