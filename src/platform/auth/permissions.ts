// The one place that decides each permission: which role may perform which action, and for some
// roles, which tie to the child (or to the episode's alerts) they must also have. Every route names
// one action; test/unit/permissions.test.ts walks every role against every action.
import { type Role, roles } from './roles';

const casework: Role[] = ['social_worker', 'team_manager', 'senior_manager'];
const managers: Role[] = ['team_manager', 'senior_manager'];
// Retention and subject access (issue 28): the data protection officer, a head of service as the second person.
const records: Role[] = ['data_protection_officer', 'senior_manager'];

export const permissions = {
  'self.session': [...roles],
  'authorities.read': ['administrator', ...casework, 'group_member'],
  // The authority's own settings, such as the language it speaks (Welsh Language Standards).
  'authorities.write': ['administrator'],
  'children.read': [...casework, 'group_member', 'data_protection_officer'],
  // A correction keeps what was changed, by whom and why (rectification, UK GDPR art. 16).
  'children.correct': [...casework, 'data_protection_officer'],
  'children.write': casework,
  // Placement addresses and carers' numbers: group members see case summaries, never these.
  'placements.read': casework,
  'profiles.read': casework,
  'profiles.write': casework,
  'contacts.read': ['administrator', ...casework],
  'contacts.write': ['administrator'],
  'users.read': ['administrator', ...managers],
  'users.write': ['administrator'],
  'audit.read': ['administrator', 'data_protection_officer'],
  'episodes.read': [...casework, 'group_member', 'police', 'ceop', 'guardian'],
  // The whole authority at a glance (the administrator's landing page): every open episode by reference, risk and
  // alert delivery, never the child's name or record.
  'episodes.overview': ['administrator', ...casework],
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
  'retention.read': ['administrator', ...records],
  'retention.configure': ['data_protection_officer'],
  // One person asks to anonymise or shorten, a different one approves (retention-review.service.ts).
  'retention.review': records,
  'legal_holds.read': ['administrator', ...records],
  'legal_holds.write': records,
  'subject_access.read': ['data_protection_officer'],
  'subject_access.write': ['data_protection_officer'],
} satisfies Record<string, Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/** How a person is tied to one child (or to one episode's alert). */
export type Tie = 'carer' | 'guardian' | 'allocated_worker' | 'alerted' | 'host';

/**
 * For these actions these roles need a tie as well as the role: a carer acts only for the children
 * placed with them; a guardian reads only the episodes of the children they guard; police and CEOP
 * read only the episodes escalated to their agency ('alerted': the episode's visible_to_roles); an
 * alert is acknowledged only by someone it went to (managers acknowledge any).
 *
 * Roles not named here act authority-wide. That includes casework (the rule for social workers,
 * team managers and senior managers): they read and act on every child of their authority, because
 * duty cover means whoever is on duty must act at once when any child goes missing. The allocation
 * (children.social_worker_id) decides who is alerted as the child's social worker, and so who may
 * acknowledge that alert, not who may open the record. The IRO is a contact, never a user.
 */
const tieRules: Partial<Record<Action, Partial<Record<Role, Tie[]>>>> = {
  'episodes.report': { carer: ['carer'] },
  'episodes.read': { guardian: ['guardian'], police: ['alerted'], ceop: ['alerted'] },
  'episodes.acknowledge': { social_worker: ['alerted'], police: ['alerted'], ceop: ['alerted'], guardian: ['alerted'] },
};

/**
 * Roles that read only the episodes escalated to their agency (visible_to_roles), whatever their other ties: a
 * guardian needs both the escalation to guardians and the guardian tie.
 */
export const escalatedOnly: readonly Role[] = ['police', 'ceop', 'guardian'];

/** The ties (any one of them) this role needs for this action; empty when the role alone decides. */
export function tiesNeeded(role: Role, action: Action): readonly Tie[] {
  return tieRules[action]?.[role] ?? [];
}

/**
 * Across authorities, by the 'host' tie alone: the users of the host authority of an out-of-area
 * placement may read the episodes of that placement (never the child's record, which stays "not found").
 */
const hostRules: Partial<Record<Action, Role[]>> = {
  'episodes.read': casework,
};

/** The decision for a caller of another authority whose only tie is 'host'. */
export function allowsAcross(role: Role, action: Action, ties: ReadonlySet<Tie>): boolean {
  return ties.has('host') && can(role, action) && !!hostRules[action]?.includes(role);
}

/** Whether this action needs a tie from this role (so the caller's ties must be read). */
export function needsTie(role: Role, action: Action): boolean {
  return !!tieRules[action]?.[role];
}

/** The decision for one child: the role must allow the action and, where the table asks, a tie must hold. */
export function allows(role: Role, action: Action, ties: ReadonlySet<Tie>): boolean {
  if (!can(role, action)) return false;
  const needed = tieRules[action]?.[role];
  return !needed || needed.some((t) => ties.has(t));
}
