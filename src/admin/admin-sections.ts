// The administration sections and the permission each needs; the index page and the navigation
// show only those the signed-in person's role may open.
import type { Action } from '../platform/auth/permissions';
import { can } from '../platform/auth/permissions';
import type { Role } from '../platform/auth/roles';

export const adminSections: { href: string; text: string; hint: string; action: Action }[] = [
  {
    href: '/admin/texts',
    text: 'Texts needing attention',
    hint: 'Texts from unknown numbers or that could not be understood',
    action: 'sms.queue',
  },
  { href: '/admin/users', text: 'Users', hint: 'Who can sign in, and their roles', action: 'users.read' },
  {
    href: '/admin/contacts',
    text: 'Contacts',
    hint: 'The police control room, CEOP and others the alerts go to',
    action: 'contacts.read',
  },
  {
    href: '/admin/published-contacts',
    text: 'Published contacts',
    hint: 'Our coordinator and our police force’s control room, for other authorities that place children here',
    action: 'contacts.read',
  },
  {
    href: '/admin/language',
    text: 'Language',
    hint: 'Whether the service speaks Welsh: Welsh first, English first or English only',
    action: 'authorities.write',
  },
  { href: '/admin/policy', text: 'Escalation policy', hint: 'Who is alerted, how and when', action: 'policy.read' },
  {
    href: '/admin/audit',
    text: 'Audit trail',
    hint: 'Who read or changed which record, and when',
    action: 'audit.read',
  },
  {
    href: '/admin/subject-access',
    text: 'Subject access requests',
    hint: 'Requests for a person’s records, their deadlines, redactions and exports',
    action: 'subject_access.read',
  },
  {
    href: '/admin/retention',
    text: 'Retention',
    hint: 'How long records are kept, and what has fallen due for review',
    action: 'retention.read',
  },
  {
    href: '/admin/legal-holds',
    text: 'Legal holds',
    hint: 'Children whose records must not be anonymised while a hold stands',
    action: 'legal_holds.read',
  },
];

export const adminSectionsFor = (role: Role) => adminSections.filter((s) => can(role, s.action));
