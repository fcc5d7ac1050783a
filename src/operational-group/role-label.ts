// What the emailed pack and its invitation call a person: their role, never their name (the pack
// goes to a distribution list). Roles of users, of contacts, and of a message's recipient type. Pages
// in Welsh name the role from the catalogue (group.role.<code>); the email and invitation stay English.
import { type ContactRole, contactRoleLabels } from '../contacts/contact.entity';
import { type Role, roleLabels } from '../platform/auth/roles';
import type { Translator } from '../platform/i18n/catalogue';

/** A message's recipient who is neither a contact nor a user (see pack.repository.ts). */
const recipientTypeLabels: Record<string, string> = {
  recipient_carer: 'Foster carer or key worker',
  recipient_guardian: 'Guardian',
  recipient_duty: 'Duty manager',
  recipient_contact: 'Contact',
  recipient_user: 'User of the service',
};
const NO_ROLE = 'Person named in the service';

const englishOf = (role: string): string | undefined =>
  roleLabels[role as Role] ?? contactRoleLabels[role as ContactRole] ?? recipientTypeLabels[role];

/** Every role code with a label, for the catalogue test and for reading a stored label back. */
export const labelledRoles = [
  ...new Set([...Object.keys(roleLabels), ...Object.keys(contactRoleLabels), ...Object.keys(recipientTypeLabels)]),
];

/** A user's or contact's role, or a recipient type; unknown or missing reads as a person named in the service. */
export function roleLabel(role: string | null | undefined, t?: Translator): string {
  const welsh = t && t.lang !== 'en';
  if (!role) return welsh ? t.t('group.role.none') : NO_ROLE;
  const english = englishOf(role);
  if (!english) return role.replace(/_/g, ' ');
  return welsh ? t.t(`group.role.${role}`) : english;
}

/** A label stored in English (a frozen pack's) in the page's language: read back to its role, then named. */
export function storedRoleLabel(label: string | null | undefined, t: Translator): string {
  if (!label || label === NO_ROLE) return roleLabel(null, t);
  const role = labelledRoles.find((r) => englishOf(r) === label);
  return role ? roleLabel(role, t) : label;
}
