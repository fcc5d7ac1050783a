// The service navigation: only the sections the signed-in person's role may open.
import { adminSectionsFor } from '../../admin/admin-sections';
import type { Actor } from '../auth/actor';
import { type Action, can } from '../auth/permissions';

const sections: { href: string; text: string; action: Action }[] = [
  { href: '/', text: 'Dashboard', action: 'self.session' },
  { href: '/children', text: 'Children', action: 'children.read' },
  { href: '/arrivals/new', text: 'Port arrival', action: 'children.write' },
  { href: '/figures', text: 'Figures', action: 'figures.read' },
  { href: '/returns', text: 'Returns', action: 'returns.read' },
  { href: '/operational-group', text: 'Operational group', action: 'group.read' },
];

export function navigationFor(actor: Actor | null, currentPath = '/') {
  if (!actor) return [];
  const items = sections.filter((s) => can(actor.role, s.action));
  if (adminSectionsFor(actor.role).length)
    items.push({ href: '/admin', text: 'Administration', action: 'self.session' });
  return items.map((s) => ({
    href: s.href,
    text: s.text,
    active: s.href === '/' ? currentPath === '/' : currentPath.startsWith(s.href),
  }));
}
