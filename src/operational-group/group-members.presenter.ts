// What the members page shows: each member as a summary list row (name, role, email, Remove), and the
// users and active contacts of the authority not yet members, as the choices of the add form.
import type { Contact } from '../contacts/contact.entity';
import type { User } from '../users/user.entity';
import type { MemberView } from './operational-group.repository';
import { roleLabel } from './role-label';

export function presentMembers(members: MemberView[]) {
  return members.map((m) => ({
    key: { text: m.name },
    value: {
      text: [roleLabel(m.role), m.organisation, m.email, m.active ? null : 'no longer active']
        .filter(Boolean)
        .join(', '),
    },
    actions: {
      items: [{ href: `/operational-group/members/${m.id}/remove`, text: 'Remove', visuallyHiddenText: m.name }],
    },
  }));
}

export function candidateItems(members: MemberView[], users: User[], contacts: Contact[]) {
  const userIds = new Set(members.map((m) => m.userId));
  const contactIds = new Set(members.map((m) => m.contactId));
  return [
    { value: '', text: 'Choose a person or list' },
    ...users
      .filter((u) => !u.disabledAt && !userIds.has(u.id))
      .map((u) => ({ value: `user:${u.id}`, text: `${u.name} (${roleLabel(u.role)})` })),
    ...contacts
      .filter((c) => !contactIds.has(c.id))
      .map((c) => ({ value: `contact:${c.id}`, text: `${c.name} (${roleLabel(c.role)}, contact)` })),
  ];
}
