// What the members page shows: each member as a summary list row (name, role, email, Remove), and the
// users and active contacts of the authority not yet members, as the choices of the add form.
import type { Contact } from '../contacts/contact.entity';
import type { Translator } from '../platform/i18n/catalogue';
import type { User } from '../users/user.entity';
import type { MemberView } from './operational-group.repository';
import { roleLabel } from './role-label';

export function presentMembers(members: MemberView[], t: Translator) {
  return members.map((m) => ({
    key: { text: m.name },
    value: {
      text: [roleLabel(m.role, t), m.organisation, m.email, m.active ? null : t.t('group.noLongerActive')]
        .filter(Boolean)
        .join(', '),
    },
    actions: {
      items: [
        { href: `/operational-group/members/${m.id}/remove`, text: t.t('group.remove'), visuallyHiddenText: m.name },
      ],
    },
  }));
}

export function candidateItems(members: MemberView[], users: User[], contacts: Contact[], t: Translator) {
  const userIds = new Set(members.map((m) => m.userId));
  const contactIds = new Set(members.map((m) => m.contactId));
  return [
    { value: '', text: t.t('group.choosePersonOrList') },
    ...users
      .filter((u) => !u.disabledAt && !userIds.has(u.id))
      .map((u) => ({
        value: `user:${u.id}`,
        text: t.t('group.candidateUser', { name: u.name, role: roleLabel(u.role, t) }),
      })),
    ...contacts
      .filter((c) => !contactIds.has(c.id))
      .map((c) => ({
        value: `contact:${c.id}`,
        text: t.t('group.candidateContact', { name: c.name, role: roleLabel(c.role, t) }),
      })),
  ];
}
