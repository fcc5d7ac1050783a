// The JSON shape of a placement. The address is shown to casework staff only (routes enforce it).
import { isOutOfArea, type Placement } from './placement.entity';

export function presentPlacement(p: Placement) {
  return {
    id: p.id,
    childId: p.childId,
    type: p.type,
    provider: p.provider,
    address: p.address,
    startedAt: p.startedAt,
    endedAt: p.endedAt,
    endReason: p.endReason,
    current: !p.endedAt,
    outOfArea: isOutOfArea(p),
    hostAuthorityId: p.hostAuthorityId,
    hostAuthorityName: p.hostAuthorityName ?? null,
    policeForceCode: p.policeForceCode,
    policeForceName: p.policeForceName ?? null,
    hostAuthority: p.hostName
      ? {
          code: p.hostAreaCode,
          name: p.hostName,
          coordinatorEmail: p.hostCoordinatorEmail,
          coordinatorPhone: p.hostCoordinatorPhone,
        }
      : null,
    carers: (p.carers ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      mobile: c.mobile,
      email: c.email,
      language: c.language,
    })),
  };
}
