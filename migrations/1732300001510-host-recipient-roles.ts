// The host roles of an escalation policy take the names the issue gives them
// (host_police_control_room, host_authority_coordinator), and every authority whose policy in force
// lacks them gains a new version that has them: the host force's control room beside the placing
// authority's police at the report, and the host coordinator beside the team. Versions are never
// changed (episodes name the version they opened under), so this adds one; the resolver still reads
// the old names on older versions.
import { MigrationInterface, QueryRunner } from 'typeorm';

type Step = { key: string; recipients: string[] };
const renamed: Record<string, string> = {
  host_police: 'host_police_control_room',
  host_coordinator: 'host_authority_coordinator',
};
const wanted: Record<string, string> = {
  report_police: 'host_police_control_room',
  report_team: 'host_authority_coordinator',
};

/** The steps with the host roles renamed and added where the default ladder has them; null when nothing changes. */
export function withHostRoles(steps: Step[]): Step[] | null {
  const next = steps.map((s) => {
    const recipients = s.recipients.map((r) => renamed[r] ?? r);
    const add = wanted[s.key];
    if (add && !recipients.includes(add)) recipients.push(add);
    return { ...s, recipients };
  });
  return JSON.stringify(next) === JSON.stringify(steps) ? null : next;
}

export class HostRecipientRoles1732300001510 implements MigrationInterface {
  name = 'HostRecipientRoles1732300001510';

  async up(q: QueryRunner): Promise<void> {
    const latest: { authority_id: string; version: number; settings: object; steps: Step[] }[] = await q.query(
      `SELECT DISTINCT ON (authority_id) authority_id, version, settings, steps FROM escalation_policies
      ORDER BY authority_id, version DESC`,
    );
    for (const p of latest) {
      const steps = withHostRoles(p.steps);
      if (!steps) continue;
      await q.query(
        `INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at)
        VALUES ($1, $2, $3, $4, now())`,
        [p.authority_id, p.version + 1, JSON.stringify(p.settings), JSON.stringify(steps)],
      );
    }
  }

  async down(): Promise<void> {
    // Versions are never removed: episodes may already name the added one.
  }
}
