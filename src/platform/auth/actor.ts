// Who is calling, from where. Services take this as their first argument so every query is
// scoped to the caller's authority and every read of a child's record can be audited.
import type { AuthorityLanguage, Language } from '../i18n/language';
import type { Role } from './roles';

export interface Actor {
  userId: string;
  authorityId: string;
  role: Role;
  name: string;
  /** The person's own language choice (null until made); pages fall back to the authority's setting. */
  language?: Language | null;
  authorityLanguage?: AuthorityLanguage;
}

export interface RequestContext {
  actor: Actor;
  ip: string | null;
}
