// The sections of the service navigation, each shown to the roles that may open it.
import { adminSectionsFor } from './admin/admin-sections';
import { type Action, can } from './platform/auth/permissions';
import type { NavSection } from './platform/views/navigation';

const section = (href: string, text: string, action: Action): NavSection => ({
  href,
  text,
  allows: (role) => can(role, action),
});

export const navigationSections: NavSection[] = [
  section('/', 'Dashboard', 'self.session'),
  section('/children', 'Children', 'children.read'),
  section('/arrivals/new', 'Port arrival', 'children.write'),
  section('/figures', 'Figures', 'figures.read'),
  section('/returns', 'Returns', 'returns.read'),
  section('/operational-group', 'Operational group', 'group.read'),
  { href: '/admin', text: 'Administration', allows: (role) => adminSectionsFor(role).length > 0 },
];
