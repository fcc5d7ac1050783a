// The administration pages' names for the domain's own values (user roles, contact roles), in the
// page's language. Each key is written out so the catalogue test sees every one that is used.
import type { ContactRole } from '../contacts/contact.entity';
import type { Role } from '../platform/auth/roles';
import type { Translator } from '../platform/i18n/catalogue';

const roleKeys: Record<Role, string> = {
  administrator: 'admin.role.administrator',
  social_worker: 'admin.role.social_worker',
  team_manager: 'admin.role.team_manager',
  senior_manager: 'admin.role.senior_manager',
  carer: 'admin.role.carer',
  police: 'admin.role.police',
  ceop: 'admin.role.ceop',
  group_member: 'admin.role.group_member',
  guardian: 'admin.role.guardian',
  data_protection_officer: 'admin.role.data_protection_officer',
};

const contactRoleKeys: Record<ContactRole, string> = {
  police_control_room: 'admin.contactRole.police_control_room',
  missing_persons_unit: 'admin.contactRole.missing_persons_unit',
  ceop: 'admin.contactRole.ceop',
  operational_group_list: 'admin.contactRole.operational_group_list',
  duty_manager: 'admin.contactRole.duty_manager',
  head_of_service: 'admin.contactRole.head_of_service',
  director: 'admin.contactRole.director',
  iro: 'admin.contactRole.iro',
  missing_coordinator: 'admin.contactRole.missing_coordinator',
  guardian_service: 'admin.contactRole.guardian_service',
  other: 'admin.contactRole.other',
};

// Recipients of the escalation ladder that are neither a user role nor a contact role.
const recipientKeys: Record<string, string> = {
  ictg: 'admin.recipient.ictg',
  parents_with_pr: 'admin.recipient.parents_with_pr',
  carer: 'admin.role.carer',
  alerted: 'admin.recipient.alerted',
  host_police: 'admin.recipient.host_police',
  host_coordinator: 'admin.recipient.host_coordinator',
  host_police_control_room: 'admin.recipient.host_police',
  host_authority_coordinator: 'admin.recipient.host_coordinator',
  senior_manager: 'admin.recipient.senior_manager',
};

/** A user's role by name; a role the service does not know (an old row) as stored. */
export const roleName = (role: string, tr: Translator): string => {
  const key = (roleKeys as Record<string, string>)[role];
  return key ? tr.t(key) : role;
};

export const contactRoleName = (role: string, tr: Translator): string => {
  const key = (contactRoleKeys as Record<string, string>)[role];
  return key ? tr.t(key) : role;
};

/** A recipient of a policy step by who they are; an authority's own role as words. */
export function recipientNameIn(role: string, tr: Translator): string {
  const key = recipientKeys[role] ?? (contactRoleKeys as Record<string, string>)[role] ?? roleKeys[role as Role];
  const words = role.replace(/[_#]+/g, ' ').trim();
  return key ? tr.t(key) : words.charAt(0).toUpperCase() + words.slice(1);
}
