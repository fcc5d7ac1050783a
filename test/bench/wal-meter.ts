// Write-ahead log a measured stretch wrote: the distance the WAL insert position moved, so it is
// exact, but cluster-wide (only meaningful while nothing else writes). It is what a replica or a
// WAL archive receives, a sizing figure for Operations. Straight after a checkpoint PostgreSQL logs
// the first change to each page as the whole page, so a sweep then writes the most it ever does.
import type { DataSource } from 'typeorm';

async function walPosition(db: DataSource): Promise<string> {
  const [{ lsn }] = await db.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  return lsn;
}

/** Starts measuring; the function it returns gives the kB written since. */
export async function startWalMeter(db: DataSource): Promise<() => Promise<number>> {
  const before = await walPosition(db);
  return async () => {
    const [{ bytes }] = await db.query(
      'SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::bigint AS bytes',
      [before],
    );
    return Math.round(Number(bytes) / 1024);
  };
}
