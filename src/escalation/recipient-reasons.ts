// Why each recipient of a fired step was chosen, written on the step's run (its timeline line): the
// team is read when the step fires, so the line shows whom the child's team named at that moment.
import { msg, type TimelineParam } from '../missing/timeline-text';
import type { RecipientRole } from './escalation-policy';

export const whyChosen: Record<RecipientRole, string> = {
  social_worker: "the child's allocated social worker now",
  team_manager: 'a team manager of the authority',
  senior_manager: 'a senior manager of the authority',
  ictg: "the child's current guardian (ICTG)",
  parents_with_pr: 'a parent with parental responsibility',
  carer: "a carer of the child's placement",
  alerted: 'alerted earlier in this episode',
  police_control_room: "the authority's police control room contact",
  missing_persons_unit: "the authority's missing persons unit contact",
  ceop: "the authority's CEOP contact",
  duty_manager: "the authority's duty manager contact",
  head_of_service: "the authority's head of service contact",
  director: "the authority's director contact",
  iro: "the authority's independent reviewing officer contact",
  operational_group_list: "the operational group's list",
  host_police_control_room: 'control room of the force where the child is placed (out of area)',
  host_authority_coordinator: "the host authority's published missing-children coordinator (out of area)",
};

/** "A: why; B: why" for the people a step reached, each person once. */
export function reasonsLine(reached: { role: RecipientRole; name: string }[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of reached) {
    const key = `${r.name}|${r.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(`${r.name}: ${whyChosen[r.role]}`);
  }
  return parts.length ? ` Chosen: ${parts.join('; ')}.` : '';
}

/** reasonsLine as a timeline.* message: each person's name stays as it is, each role's reason in words. */
export function reasonsText(reached: { role: RecipientRole; name: string }[]): TimelineParam {
  const seen = new Set<string>();
  const items = reached.filter((r) => !seen.has(`${r.name}|${r.role}`) && seen.add(`${r.name}|${r.role}`));
  if (!items.length) return '';
  const list = items.map((r) => msg('timeline.chosen.item', { name: r.name, why: msg(`timeline.chosen.${r.role}`) }));
  return msg('timeline.chosen', { people: { list, sep: '; ' } });
}

/** Roles in words ("police control room, CEOP"), as a list of timeline.role.* messages. */
export function rolesText(roles: RecipientRole[]): TimelineParam {
  return { list: roles.map((r) => msg(`timeline.role.${r}`)), sep: ', ' };
}
