// Administration: the escalation policy in force, and saving a new version written as JSON and
// checked by the same rules as the API (each problem shown with the GOV.UK error summary).
import { recipientNameIn } from '../admin/admin-words';
import { can } from '../platform/auth/permissions';
import { invalidFields } from '../platform/errors';
import { contextOf } from '../platform/http/context';
import { Joi } from '../platform/http/joi';
import type { AppRoute } from '../platform/http/types';
import { validateOptions } from '../platform/http/validation';
import { translatorOf } from '../platform/i18n/language.plugin';
import { formPage } from '../platform/views/form-page';
import { formatDateTime } from '../platform/views/format';
import { type PolicyDocument, policyDocumentSchema } from './escalation-policy';
import type { EscalationPolicy } from './escalation-policy.entity';
import { presentPolicySteps } from './policy-page.presenter';

const documentOf = (p: EscalationPolicy): PolicyDocument => ({ settings: p.settings, steps: p.steps });

function parsePolicy(text: string): PolicyDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw invalidFields([{ field: 'policy', message: `The policy is not valid JSON: ${(err as Error).message}` }]);
  }
  const { value, error } = policyDocumentSchema.validate(doc, validateOptions);
  if (error)
    throw invalidFields([
      { field: 'policy', message: `Correct the policy: ${error.details.map((d) => d.message).join('; ')}` },
    ]);
  return value as PolicyDocument;
}

export const policyPages: AppRoute[] = [
  {
    method: 'GET',
    path: '/admin/policy',
    options: {
      auth: 'session',
      app: { action: 'policy.read' },
      description: 'The escalation policy in force',
      handler: async (request, h) => {
        const ctx = contextOf(request);
        const { policy, rolesWithNobody } = await request.server.app.services.escalationPolicies.withGaps(ctx);
        const tr = translatorOf(request);
        return h.view('admin-policy', {
          rolesWithNobody: rolesWithNobody.map((r) => recipientNameIn(r, tr)),
          backLink: { href: '/admin', text: 'Back to administration' },
          version: policy.version,
          savedAt: formatDateTime(policy.createdAt, request.server.app.config.displayTimeZone, tr.lang),
          settings: policy.settings,
          steps: presentPolicySteps(policy, tr),
          canEdit: can(ctx.actor.role, 'policy.write'),
        });
      },
    },
  },
  ...formPage({
    path: '/admin/policy/edit',
    view: 'admin-policy-edit',
    action: 'policy.write',
    description: 'Save a new version of the escalation policy',
    fields: {
      policy: Joi.string().multiline().max(200_000).required().messages({
        'any.required': 'Enter the policy',
        'string.empty': 'Enter the policy',
        'string.max': 'The policy must be 200,000 characters or fewer',
      }),
    },
    context: async (request) => {
      const policy = await request.server.app.services.escalationPolicies.get(contextOf(request));
      return {
        version: policy.version,
        current: JSON.stringify(documentOf(policy), null, 2),
        backLink: { href: '/admin/policy', text: 'Back to the policy' },
      };
    },
    defaults: (_request, context) => ({ policy: (context as { current: string }).current }),
    submit: async (request, v) => {
      await request.server.app.services.escalationPolicies.replace(contextOf(request), parsePolicy(v.policy));
      return '/admin/policy';
    },
  }),
];
