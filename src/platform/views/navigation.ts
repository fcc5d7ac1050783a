// The service navigation: only the sections the signed-in person's role may open.
import type { Actor } from '../auth/actor';
import { can, type Action } from '../auth/permissions';

const sections: { href: string; text: string; action: Action }[] = [
  { href: '/', text: 'Dashboard', action: 'self.session' },
  { href: '/children', text: 'Children', action: 'children.read' },
];

export function navigationFor(actor: Actor | null, currentPath = '/') {
  if (!actor) return [];
  return sections.filter((s) => can(actor.role, s.action)).map((s) => ({
    href: s.href, text: s.text, active: s.href === '/' ? currentPath === '/' : currentPath.startsWith(s.href),
  }));
}
