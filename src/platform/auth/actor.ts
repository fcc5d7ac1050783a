// Who is calling, from where. Services take this as their first argument so every query is
// scoped to the caller's authority and every read of a child's record can be audited.
import type { Role } from './roles';

export interface Actor {
  userId: string;
  authorityId: string;
  role: Role;
  name: string;
}

export interface RequestContext {
  actor: Actor;
  ip: string | null;
}
