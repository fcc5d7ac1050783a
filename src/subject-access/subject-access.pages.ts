// The data protection officer's pages for subject access: the requests and their deadlines, one
// request with everything held (redactions marked and shown), pause, resume, extend, complete, and
// the exports (the same audited service the API uses).
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import { idParam, isoDate } from '../platform/http/schemas';
import type { AppRoute } from '../platform/http/types';
import { translatorOf } from '../platform/i18n/language.plugin';
import { toE164 } from '../platform/phone';
import { choice, optionalMobile, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { pageAction } from './page-actions';
import { redactionReasons } from './sar.presenter';
import { renderPdf } from './sar-pdf';
import { itemsIn, marksIn, reasonItemsIn, requestIn } from './sar-words.presenter';
import { redactionParams } from './subject-access.schemas';
import type { Mark } from './subject-access.service';

const sar = (request: PageRequest) => request.server.app.services.subjectAccess;
const back = { href: '/admin/subject-access', text: 'Back to subject access requests' };
const pageOf = (request: PageRequest) => `/admin/subject-access/${request.params.id}`;
const dateField = isoDate.messages({ 'string.pattern.base': 'Enter the date like 2026-11-20' });
const zone = (request: PageRequest) => request.server.app.config.displayTimeZone;

export const subjectAccessPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/subject-access',
    options: {
      auth: 'session',
      app: { action: 'subject_access.read' },
      description: 'Subject access requests',
      handler: async (request, h) => {
        const tr = translatorOf(request);
        return h.view('admin-subject-access', {
          backLink: { href: '/admin', text: 'Back to administration' },
          rows: (await sar(request).list(contextOf(request))).map((r) => requestIn(r, tr, zone(request))),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/subject-access/new',
    view: 'admin-subject-access-new',
    action: 'subject_access.write',
    description: 'Record a subject access request',
    fields: {
      childId: Joi.string().allow(''),
      carerMobile: optionalMobile('the carer’s mobile'),
      requester: requiredText(200, 'who made the request', 'Who asked'),
      receivedOn: dateField.required().messages({ 'any.required': 'Enter the date the request was received' }),
    },
    context: async (request) => {
      const { items } = await request.server.app.services.children.list(contextOf(request), { limit: 200, offset: 0 });
      return {
        backLink: back,
        childItems: [
          { value: '', text: translatorOf(request).t('admin.sar.notAChild') },
          ...items.map((c) => ({ value: c.id, text: `${c.reference}: ${c.firstNames} ${c.lastName}` })),
        ],
      };
    },
    submit: async (request, v) => {
      const created = await sar(request).create(contextOf(request), {
        subjectKind: v.childId ? 'child' : 'carer',
        childId: v.childId || null,
        carerMobile: v.childId ? null : toE164(v.carerMobile ?? ''),
        requester: v.requester,
        receivedOn: v.receivedOn,
      });
      return `/admin/subject-access/${created.id}`;
    },
  }),
  {
    method: 'GET',
    path: '/admin/subject-access/{id}',
    options: {
      auth: 'session',
      app: { action: 'subject_access.read' },
      description: 'A subject access request',
      validate: { params: idParam },
      handler: async (request, h) => {
        const {
          request: r,
          marks,
          unredacted,
          sections,
        } = await sar(request).get(contextOf(request), request.params.id);
        const tr = translatorOf(request);
        return h.view('admin-subject-access-request', {
          backLink: back,
          r: requestIn(r, tr, zone(request)),
          marks: marksIn(marks, tr),
          sections: itemsIn(unredacted, sections, tr),
          reasonItems: reasonItemsIn(tr),
        });
      },
    },
  },
  pageAction(
    '/admin/subject-access/{id}/redact',
    'subject_access.write',
    'Mark a redaction',
    {
      section: Joi.string().max(40).required(),
      itemId: Joi.string().max(64).required(),
      field: Joi.string().max(64).allow(''),
      reason: choice(Object.keys(redactionReasons), 'why it is redacted'),
    },
    idParam,
    async (request, v) => {
      await sar(request).mark(contextOf(request), request.params.id, {
        section: v.section,
        itemId: v.itemId,
        field: v.field ?? '',
        reason: v.reason as Mark['reason'],
        note: null,
      });
      return pageOf(request);
    },
  ),
  pageAction(
    '/admin/subject-access/{id}/redactions/{redactionId}/remove',
    'subject_access.write',
    'Remove a redaction mark',
    {},
    redactionParams,
    async (request) => {
      await sar(request).unmark(contextOf(request), request.params.id, request.params.redactionId);
      return pageOf(request);
    },
  ),
  pageAction('/admin/subject-access/{id}/resume', 'subject_access.write', 'Resume', {}, idParam, async (request) => {
    await sar(request).resume(contextOf(request), request.params.id);
    return pageOf(request);
  }),
  pageAction(
    '/admin/subject-access/{id}/complete',
    'subject_access.write',
    'Complete',
    {},
    idParam,
    async (request) => {
      await sar(request).complete(contextOf(request), request.params.id);
      return pageOf(request);
    },
  ),
  ...formPage({
    path: '/admin/subject-access/{id}/pause',
    view: 'admin-subject-access-step',
    action: 'subject_access.write',
    description: 'Pause a subject access request',
    fields: { reason: requiredText(1000, 'what clarification you are waiting for', 'The reason') },
    context: async (request) => ({
      heading: translatorOf(request).t('admin.sar.pauseTitle'),
      backLink: { href: pageOf(request), text: 'Back' },
    }),
    submit: async (request, v) => {
      await sar(request).pause(contextOf(request), request.params.id, v.reason);
      return pageOf(request);
    },
  }),
  ...formPage({
    path: '/admin/subject-access/{id}/extend',
    view: 'admin-subject-access-step',
    action: 'subject_access.write',
    description: 'Extend a subject access request',
    fields: {
      months: choice(['1', '2'], 'how many months to extend by'),
      reason: requiredText(1000, 'why the request needs longer', 'The reason'),
    },
    context: async (request) => ({
      heading: translatorOf(request).t('admin.sar.extendTitle'),
      extend: true,
      backLink: { href: pageOf(request), text: 'Back' },
    }),
    submit: async (request, v) => {
      await sar(request).extend(contextOf(request), request.params.id, Number(v.months), v.reason);
      return pageOf(request);
    },
  }),
  {
    method: 'GET',
    path: '/admin/subject-access/{id}/export.{format}',
    options: {
      auth: 'session',
      app: { action: 'subject_access.read' },
      description: 'Download the redacted record',
      validate: {
        params: Joi.object({ id: idParam.extract('id'), format: Joi.string().valid('json', 'pdf').required() }),
      },
      handler: async (request, h) => {
        const format = request.params.format as 'json' | 'pdf';
        const doc = await sar(request).export(contextOf(request), request.params.id, format);
        const name = `subject-access-${doc.request.id.slice(0, 8)}.${format}`;
        const body =
          format === 'json'
            ? JSON.stringify(doc, null, 2)
            : await renderPdf({
                receivedOn: doc.request.receivedOn,
                generatedAt: doc.generatedAt,
                sections: doc.sections,
              });
        return h
          .response(body)
          .type(format === 'json' ? 'application/json' : 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}"`);
      },
    },
  },
];
