// The one permission table: which role may perform which action. Every route names one action;
// test/unit/permissions.test.ts walks every role against every action.
import { roles, type Role } from './roles';

const casework: Role[] = ['social_worker', 'team_manager', 'senior_manager'];
const managers: Role[] = ['team_manager', 'senior_manager'];

export const permissions = {
  'self.session': [...roles],
  'authorities.read': ['administrator', ...casework, 'group_member'],
  'children.read': [...casework, 'group_member'],
  'children.write': casework,
  'profiles.read': casework,
  'profiles.write': casework,
  'contacts.read': ['administrator', ...casework],
  'contacts.write': ['administrator'],
  'users.read': ['administrator', ...managers],
  'users.write': ['administrator'],
  'audit.read': ['administrator'],
  'episodes.read': [...casework, 'group_member', 'police', 'ceop', 'guardian'],
  'episodes.report': [...casework, 'carer'],
  'episodes.update': casework,
  // Only a manager ends a safeguarding episode by hand (with a reason), or undoes a return recorded by mistake.
  'episodes.close': managers,
  'episodes.undo_return': managers,
  'episodes.police_update': [...casework, 'police'],
  'policy.read': ['administrator', ...managers],
  'policy.write': ['administrator', 'senior_manager'],
  'notifications.read': ['administrator', ...casework],
  'sms.queue': ['administrator', ...casework],
  'group.read': ['administrator', ...casework, 'group_member'],
  'group.write': ['administrator', ...managers, 'group_member'],
  'returns.read': ['administrator', ...managers],
  'figures.read': ['administrator', ...managers, 'group_member'],
  'national_alert.authorise': ['senior_manager'],
  'episodes.acknowledge': [...casework, 'police', 'ceop', 'guardian'],
  'group.configure': ['administrator'],
} satisfies Record<string, Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}
