// Inserts missing episodes straight into the database (for returns and figures tests), copying
// the demo episode's required columns so a test names only what it is about.
import type { DataSource } from 'typeorm';

import { DEMO_DELIVERY_EPISODE_ID } from '../../seeds/demo-data';

export interface EpisodeRow {
  childRef: string;
  reference: string;
  kind?: 'M' | 'A';
  discoveredAt: Date;
  returnedAt?: Date | null;
  closedAt?: Date | null;
  reportedToPoliceAt?: Date | null;
}

export async function insertEpisode(db: DataSource, e: EpisodeRow): Promise<void> {
  await db.query(
    `
    INSERT INTO missing_episodes (authority_id, child_id, reference, kind, state, discovered_at, reported_at, reported_via, reported_by_name,
      reported_to_police_at, high_risk_from_start, trafficking_status, policy_snapshot, returned_at, closed_at, created_at, updated_at)
    SELECT c.authority_id, c.id, $2, $3, CASE WHEN $6::timestamptz IS NULL THEN 'reported' ELSE 'closed' END, $4, $4, 'web', 'Test',
      $7, true, c.trafficking_status, d.policy_snapshot, $5, $6, $4, $4
    FROM children c, missing_episodes d WHERE c.reference = $1 AND d.id = $8`,
    [
      e.childRef,
      e.reference,
      e.kind ?? 'M',
      e.discoveredAt,
      e.returnedAt ?? null,
      e.closedAt ?? null,
      e.reportedToPoliceAt ?? null,
      DEMO_DELIVERY_EPISODE_ID,
    ],
  );
}

export const daysBefore = (now: Date, days: number, hours = 0) =>
  new Date(now.getTime() - (days * 24 - hours) * 3_600_000);
