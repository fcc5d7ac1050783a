// The data protection officer's retention pages: the rules and their sources, what falls due for
// review and why (ask, approve, keep), what was removed (tombstones), and legal holds.
import { can } from '../platform/auth/permissions';
import { Conflict, Forbidden } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import type { Translator } from '../platform/i18n/catalogue';
import { translatorOf } from '../platform/i18n/language.plugin';
import { choice, optionalText, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { formatDate, formatDateTime } from '../platform/views/format';
import { inKindOrder, presentHold, presentReview } from './retention.presenter';
import { type RetentionKind, retentionKinds } from './retention-kinds';
import { actionName, kindName, presentRuleIn } from './retention-page.presenter';

const services = (request: PageRequest) => request.server.app.services;
const zone = (request: PageRequest) => request.server.app.config.displayTimeZone;
const back = { href: '/admin/retention', text: 'Back to retention' };

const reviewIn = (i: Parameters<typeof presentReview>[0], tr: Translator) => ({
  ...presentReview(i),
  label: kindName(i.kind, tr),
  actionLabel: actionName(i.action, tr),
});

/** The two-person refusal shows on the form, like any other reason the decision cannot be made. */
const onForm = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Forbidden) throw new Conflict(err.message);
    throw err;
  }
};

export const retentionPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/retention',
    options: {
      auth: 'session',
      app: { action: 'retention.read' },
      description: 'Retention rules, review and tombstones',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const s = services(request);
        const tz = zone(request);
        const tr = translatorOf(request);
        return h.view('admin-retention', {
          backLink: { href: '/admin', text: 'Back to administration' },
          canConfigure: can(ctx.actor.role, 'retention.configure'),
          canReview: can(ctx.actor.role, 'retention.review'),
          rules: inKindOrder(await s.retentionRules.list(ctx)).map((r) => presentRuleIn(r, tr)),
          items: (await s.retentionReview.list(ctx)).map((i) => ({
            ...reviewIn(i, tr),
            dueOnText: formatDate(i.dueOn, tz, tr.lang),
            recordDateText: formatDate(i.recordDate, tz, tr.lang),
          })),
          tombstones: (await s.retentionReview.tombstones(ctx)).slice(0, 50).map((t) => ({
            ...t,
            label: kindName(t.kind, tr),
            actionLabel: actionName(t.action, tr),
            approvedAtText: formatDateTime(t.approvedAt, tz, tr.lang),
          })),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/retention/reviews/{id}',
    view: 'admin-retention-review',
    action: 'retention.review',
    description: 'Decide a retention review item',
    fields: {
      decision: choice(['ask', 'approve', 'keep'], 'what to do'),
      reason: optionalText(1000, 'The reason'),
    },
    context: async (request) => {
      const items = await services(request).retentionReview.list(contextOf(request));
      const item = items.find((i) => i.id === request.params.id);
      if (!item) throw new Conflict('This item has already been decided.');
      const tr = translatorOf(request);
      return { backLink: back, item: reviewIn(item, tr), dueOnText: formatDate(item.dueOn, zone(request), tr.lang) };
    },
    submit: async (request, v) => {
      const ctx = contextOf(request);
      const review = services(request).retentionReview;
      const id = request.params.id;
      const reason = v.reason || '';
      if (v.decision !== 'approve' && reason.length < 3)
        throw new Conflict('Enter the reason: it is kept with the decision.');
      await onForm(() =>
        v.decision === 'ask'
          ? review.ask(ctx, id, reason)
          : v.decision === 'approve'
            ? review.approve(ctx, id)
            : review.keep(ctx, id, reason),
      );
      return '/admin/retention';
    },
  }),
  ...formPage({
    path: '/admin/retention/rules',
    view: 'admin-retention-rule',
    action: 'retention.configure',
    description: 'Change a retention rule',
    fields: {
      kind: choice(retentionKinds, 'the kind of record'),
      keepYears: Joi.number().integer().min(1).max(120).required().messages({
        'number.base': 'Enter the number of years, like 75',
        'any.required': 'Enter the number of years, like 75',
      }),
      automatic: Joi.string().valid('yes', 'no').default('no'),
      inquiryHold: Joi.string().valid('yes', 'no').default('no'),
      reason: requiredText(1000, 'why the rule changes', 'The reason'),
    },
    context: async (request) => ({
      backLink: back,
      kindItems: retentionKinds.map((k) => ({ value: k, text: kindName(k, translatorOf(request)) })),
    }),
    submit: async (request, v) => {
      await services(request).retentionRules.change(contextOf(request), {
        kind: v.kind as RetentionKind,
        keepYears: Number(v.keepYears),
        automatic: v.automatic === 'yes',
        inquiryHold: v.inquiryHold === 'yes',
        reason: v.reason,
      });
      return '/admin/retention';
    },
  }),
  {
    method: 'GET',
    path: '/admin/legal-holds',
    options: {
      auth: 'session',
      app: { action: 'legal_holds.read' },
      description: 'Legal holds',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        return h.view('admin-legal-holds', {
          backLink: { href: '/admin', text: 'Back to administration' },
          canWrite: can(ctx.actor.role, 'legal_holds.write'),
          holds: (await services(request).legalHolds.list(ctx)).map((hold) => ({
            ...presentHold(hold),
            placedAtText: formatDateTime(hold.placedAt, zone(request), translatorOf(request).lang),
            releasedAtText: formatDateTime(hold.releasedAt, zone(request), translatorOf(request).lang),
          })),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/legal-holds/new',
    view: 'admin-legal-hold',
    action: 'legal_holds.write',
    description: 'Place a legal hold',
    fields: {
      childId: Joi.string()
        .guid()
        .required()
        .messages({ 'any.required': 'Select the child', 'string.empty': 'Select the child' }),
      reason: requiredText(1000, 'why the records must be kept', 'The reason'),
    },
    context: async (request) => {
      const { items } = await services(request).children.list(contextOf(request), { limit: 200, offset: 0 });
      const tr = translatorOf(request);
      return {
        heading: tr.t('admin.holds.place'),
        backLink: { href: '/admin/legal-holds', text: 'Back to legal holds' },
        childItems: [
          { value: '', text: tr.t('admin.holds.selectChild') },
          ...items.map((c) => ({ value: c.id, text: c.reference })),
        ],
      };
    },
    submit: async (request, v) => {
      await services(request).legalHolds.place(contextOf(request), v.childId, v.reason);
      return '/admin/legal-holds';
    },
  }),
  ...formPage({
    path: '/admin/legal-holds/{id}/release',
    view: 'admin-legal-hold',
    action: 'legal_holds.write',
    description: 'Release a legal hold',
    fields: { reason: requiredText(1000, 'why the hold is released', 'The reason') },
    context: async (request) => ({
      heading: translatorOf(request).t('admin.holds.release'),
      backLink: { href: '/admin/legal-holds', text: 'Back to legal holds' },
    }),
    submit: async (request, v) => {
      await services(request).legalHolds.release(contextOf(request), request.params.id, v.reason);
      return '/admin/legal-holds';
    },
  }),
];
