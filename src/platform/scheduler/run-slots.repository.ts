// The run keys scheduled jobs claim, one per slot across instances. (The table keeps the name it got
// when the escalation sweep was its only user; keys carry the job's name.)
import type { DataSource } from 'typeorm';

export class RunSlotsRepository {
  /** Inserts the slot's key unless another instance did; true when this caller claimed it. Prunes expired keys. */
  async claim(db: DataSource, key: string, now: Date, expiresAt: Date): Promise<boolean> {
    await db.query('DELETE FROM escalation_sweep_slots WHERE expires_at < $1', [now]);
    const rows: unknown[] = await db.query(
      `INSERT INTO escalation_sweep_slots (key, expires_at) VALUES ($1, $2)
      ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, expiresAt],
    );
    return rows.length > 0;
  }
}
