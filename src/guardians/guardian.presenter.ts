// The JSON shape of a guardian. "current" means allocated or referred and not yet ended.
import type { Guardian } from './guardian.entity';

export function presentGuardian(g: Guardian) {
  return {
    id: g.id,
    childId: g.childId,
    kind: g.kind,
    name: g.name,
    organisation: g.organisation,
    mobile: g.mobile,
    email: g.email,
    userId: g.userId,
    referredOn: g.referredOn,
    allocatedOn: g.allocatedOn,
    endedOn: g.endedOn,
    current: !g.endedOn,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}
