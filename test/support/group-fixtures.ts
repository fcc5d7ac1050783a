// Fixtures for operational group tests: the demo group's next meeting, episodes placed at chosen
// times (straight into the table, as if reported then), and the group's pack messages.
import type { TestApp } from './app';
import { bearer } from './app';

export async function nextMeeting(app: TestApp): Promise<{ id: string; startsAt: Date }> {
  const res = await app.server.inject({
    method: 'GET',
    url: '/api/v1/operational-group/meetings/next',
    headers: bearer(await app.tokenFor('group_member')),
  });
  if (res.statusCode !== 200) throw new Error(res.payload);
  const body = res.result as { id: string; startsAt: Date };
  return { id: body.id, startsAt: new Date(body.startsAt) };
}

let seq = 0;
export interface EpisodeAt {
  childRef: string;
  authority?: 'DEMO' | 'OTHER';
  discovered: Date;
  returned?: Date | null;
  closed?: Date | null;
  interviewHeld?: boolean;
  /** When the record was made (created_at); defaults to the discovery time. */
  recorded?: Date;
}

/** An episode of the child discovered (and returned, closed) at the given times; returns its reference. */
export async function episodeAt(app: TestApp, e: EpisodeAt): Promise<string> {
  seq += 1;
  const reference = `E-G${seq}${Math.floor(Math.random() * 1e4)}`;
  const state = e.closed ? 'closed' : e.returned ? 'returned' : 'reported';
  await app.db.dataSource.query(
    `
    INSERT INTO missing_episodes (authority_id, child_id, reference, kind, state, discovered_at, reported_at, reported_via, reported_by_name,
      high_risk_from_start, trafficking_status, returned_at, closed_at, close_reason, return_interview_held_at, police_reference, risk_grade,
      policy_snapshot, created_at, updated_at)
    SELECT c.authority_id, c.id, $1, 'M', $2, $3, $3, 'web', 'Test', true, c.trafficking_status, $4::timestamptz, $5::timestamptz,
      CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE 'Test' END, CASE WHEN $7::boolean THEN $4::timestamptz END, 'CAD-' || $1, 'medium', '{}'::jsonb, $9, $9
    FROM children c JOIN local_authorities a ON a.id = c.authority_id WHERE c.reference = $6 AND a.code = $8`,
    [
      reference,
      state,
      e.discovered,
      e.returned ?? null,
      e.closed ?? null,
      e.childRef,
      !!e.interviewHeld,
      e.authority ?? 'DEMO',
      e.recorded ?? e.discovered,
    ],
  );
  return reference;
}

export const days = (n: number) => n * 86_400_000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
