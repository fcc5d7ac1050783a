// Changing the current placement's details (the API's PATCH /placements/{id} without carers, which
// have their own pages): its type, provider and address, and where it is (the host authority and
// police force). The placements service audits the change and tells old and new hosts.
import { childHeader } from '../children/child-forms.pages';
import { contextOf } from '../platform/http/context';
import type { AppRoute } from '../platform/http/types';
import { choice, chosen, requiredText } from '../platform/views/form-fields';
import { formPage, type PageRequest } from '../platform/views/form-page';
import { hostFormFields, hostInputOf } from './host-form';
import { type Placement, placementTypes } from './placement.entity';
import { currentPlacement } from './placement-force.pages';

const services = (r: PageRequest) => r.server.app.services;

/** The form's values for the placement as it is: the host select is '' (own area), an id, or 'outside'. */
function valuesOf(p: Placement): Record<string, string> {
  const outside = !p.hostAuthorityId && (!!p.hostName || !!p.hostAreaCode);
  return {
    type: p.type,
    provider: p.provider,
    address: p.address,
    hostAuthorityId: outside ? 'outside' : (p.hostAuthorityId ?? ''),
    hostAreaCode: p.hostAreaCode ?? '',
    hostName: p.hostName ?? '',
    hostCoordinatorEmail: p.hostCoordinatorEmail ?? '',
    hostCoordinatorPhone: p.hostCoordinatorPhone ?? '',
    policeForceCode: p.policeForceCode ?? '',
  };
}

export const placementEditPages: AppRoute[] = formPage({
  path: '/children/{id}/placements/edit',
  view: 'placement-edit',
  action: 'children.write',
  description: 'Change the current placement',
  fields: {
    type: choice(placementTypes, 'the type of placement'),
    provider: requiredText(200, 'the provider', 'Provider'),
    address: requiredText(500, 'the address', 'Address'),
    ...hostFormFields,
  },
  context: async (request) => ({
    ...(await childHeader(request)),
    ...(await services(request).placements.hostOptions(contextOf(request))),
    placement: await currentPlacement(request),
  }),
  defaults: (_request, context) => valuesOf((context as { placement: Placement }).placement),
  submit: async (request, v) => {
    const current = await currentPlacement(request);
    await services(request).placements.change(contextOf(request), current.id, {
      type: chosen(placementTypes, v.type),
      provider: v.provider,
      address: v.address,
      ...hostInputOf(v),
    });
    return `/children/${request.params.id}`;
  },
});
