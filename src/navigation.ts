// The sections of the service navigation, each shown to the roles that may open it (texts are catalogue keys).
import { adminSectionsFor } from './admin/admin-sections';
import { type Action, can } from './platform/auth/permissions';
import type { NavSection } from './platform/views/navigation';

const section = (href: string, text: string, action: Action): NavSection => ({
  href,
  text,
  allows: (role) => can(role, action),
});

export const navigationSections: NavSection[] = [
  section('/', 'nav.dashboard', 'self.session'),
  section('/children', 'nav.children', 'children.read'),
  section('/arrivals/new', 'nav.arrival', 'children.write'),
  section('/figures', 'nav.figures', 'figures.read'),
  section('/returns', 'nav.returns', 'returns.read'),
  section('/operational-group', 'nav.group', 'group.read'),
  { href: '/admin', text: 'nav.admin', allows: (role) => adminSectionsFor(role).length > 0 },
];
