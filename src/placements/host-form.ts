// The out-of-area questions of the placement form: the host authority (one of this service, or
// another with its coordinator's contact) and the police force where the child lives.
import { invalidFields } from '../platform/errors';
import { Joi } from '../platform/http/joi';
import { toE164 } from '../platform/phone';
import { optionalEmail, optionalMobile, optionalText } from '../platform/views/form-fields';
import type { HostInput } from './host-fields';

/**
 * hostAuthorityId: '' in the placing authority's own area, 'outside' for an authority not using this service, else an
 * id.
 */
export const hostFormFields = {
  hostAuthorityId: Joi.string().trim().max(40).allow(''),
  hostAreaCode: Joi.string().trim().max(12).allow(''),
  hostName: optionalText(200, 'Host authority'),
  hostCoordinatorEmail: optionalEmail('the coordinator’s email address'),
  hostCoordinatorPhone: optionalMobile('the coordinator’s phone number'),
  policeForceCode: Joi.string().trim().max(40).allow(''),
};

export function hostInputOf(v: Record<string, string>): HostInput {
  // No force chosen: out of area, the host's force is proposed (and shown on the child's page to correct).
  const force = { policeForceCode: v.policeForceCode || (v.hostAuthorityId ? undefined : null) };
  if (v.hostAuthorityId !== 'outside') return { hostAuthorityId: v.hostAuthorityId || null, ...force };
  if ((!v.hostName && !v.hostAreaCode) || (!v.hostCoordinatorEmail && !v.hostCoordinatorPhone)) {
    throw invalidFields([
      v.hostName || v.hostAreaCode
        ? {
            field: 'hostCoordinatorEmail',
            message: 'Enter the host authority’s missing-children coordinator’s email address or phone number',
          }
        : { field: 'hostAreaCode', message: 'Choose the host authority, or enter its name' },
    ]);
  }
  return {
    hostAuthority: {
      code: v.hostAreaCode || null,
      name: v.hostName || null,
      coordinatorEmail: v.hostCoordinatorEmail || null,
      coordinatorPhone: v.hostCoordinatorPhone ? toE164(v.hostCoordinatorPhone) : null,
    },
    ...force,
  };
}
