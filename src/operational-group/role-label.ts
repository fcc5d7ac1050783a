// What the emailed pack and its invitation call a person: their role, never their name (the pack
// goes to a distribution list). Roles of users, of contacts, and of a message's recipient type.
import { type ContactRole, contactRoleLabels } from '../contacts/contact.entity';
import { type Role, roleLabels } from '../platform/auth/roles';

/** A message's recipient who is neither a contact nor a user (see pack.repository.ts). */
const recipientTypeLabels: Record<string, string> = {
  recipient_carer: 'Foster carer or key worker',
  recipient_guardian: 'Guardian',
  recipient_duty: 'Duty manager',
  recipient_contact: 'Contact',
  recipient_user: 'User of the service',
};

/** A user's or contact's role, or a recipient type; unknown or missing reads as a person named in the service. */
export function roleLabel(role: string | null | undefined): string {
  if (!role) return 'Person named in the service';
  return (
    roleLabels[role as Role] ??
    contactRoleLabels[role as ContactRole] ??
    recipientTypeLabels[role] ??
    role.replace(/_/g, ' ')
  );
}
