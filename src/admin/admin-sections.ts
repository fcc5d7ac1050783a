// The administration sections (texts are catalogue keys) and the permission each needs; the index
// page and the navigation show only those the signed-in person's role may open.
import type { Action } from '../platform/auth/permissions';
import { can } from '../platform/auth/permissions';
import type { Role } from '../platform/auth/roles';

export const adminSections: { href: string; text: string; hint: string; action: Action }[] = [
  {
    href: '/admin/texts',
    text: 'admin.section.texts',
    hint: 'admin.section.textsHint',
    action: 'sms.queue',
  },
  { href: '/admin/users', text: 'admin.section.users', hint: 'admin.section.usersHint', action: 'users.read' },
  {
    href: '/admin/contacts',
    text: 'admin.section.contacts',
    hint: 'admin.section.contactsHint',
    action: 'contacts.read',
  },
  {
    href: '/admin/published-contacts',
    text: 'admin.section.published_contacts',
    hint: 'admin.section.published_contactsHint',
    action: 'contacts.read',
  },
  {
    href: '/admin/language',
    text: 'admin.section.language',
    hint: 'admin.section.languageHint',
    action: 'authorities.write',
  },
  { href: '/admin/policy', text: 'admin.section.policy', hint: 'admin.section.policyHint', action: 'policy.read' },
  {
    href: '/admin/audit',
    text: 'admin.section.audit',
    hint: 'admin.section.auditHint',
    action: 'audit.read',
  },
  {
    href: '/admin/subject-access',
    text: 'admin.section.subject_access',
    hint: 'admin.section.subject_accessHint',
    action: 'subject_access.read',
  },
  {
    href: '/admin/retention',
    text: 'admin.section.retention',
    hint: 'admin.section.retentionHint',
    action: 'retention.read',
  },
  {
    href: '/admin/legal-holds',
    text: 'admin.section.legal_holds',
    hint: 'admin.section.legal_holdsHint',
    action: 'legal_holds.read',
  },
];

export const adminSectionsFor = (role: Role) => adminSections.filter((s) => can(role, s.action));
