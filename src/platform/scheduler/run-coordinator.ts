// node-cron run coordinator backed by Postgres, for every scheduled job that must run once per slot
// across instances: the first instance to insert a slot's key runs that slot; the others see the
// conflict and skip it. Expired keys are pruned as we go. (The table keeps the name it got when the
// escalation sweep was its only user; keys carry the job's name.)
import type { DataSource } from 'typeorm';

import type { Clock } from '../clock';

export class PostgresRunCoordinator {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    await this.db.query('DELETE FROM escalation_sweep_slots WHERE expires_at < $1', [now]);
    const rows = await this.db.query(
      `INSERT INTO escalation_sweep_slots (key, expires_at) VALUES ($1, $2)
      ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, new Date(now.getTime() + Math.max(ttlMs, 3_600_000))],
    );
    return rows.length > 0;
  }
}
