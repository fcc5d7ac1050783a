// The service navigation: only the sections the signed-in person's role may open. The sections
// themselves are the domain's (src/navigation.ts); this decides which show and which is current.
import type { Actor } from '../auth/actor';
import type { Role } from '../auth/roles';

export interface NavSection {
  href: string;
  text: string;
  /** Whether a person with this role may open the section. */
  allows: (role: Role) => boolean;
}

export function navigationFor(sections: NavSection[], actor: Actor | null, currentPath = '/') {
  if (!actor) return [];
  return sections
    .filter((s) => s.allows(actor.role))
    .map((s) => ({
      href: s.href,
      text: s.text,
      active: s.href === '/' ? currentPath === '/' : currentPath.startsWith(s.href),
    }));
}
