// The database a benchmark runs against: DATABASE_URL's, or a throwaway embedded PostgreSQL under
// the temp dir (tuned for bulk loading, since nothing in it needs to survive a crash). Migrated.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import type { DataSource } from 'typeorm';

import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import type { Logger } from '../../src/platform/logger';
import { freePort } from '../support/ports';

export interface BenchDatabase {
  db: DataSource;
  where: string;
  close(): Promise<void>;
}

/** bulkLoad: relax durability on a throwaway cluster (for generating data, not for timing writes). */
export async function openBenchDatabase(
  logger: Logger,
  { poolSize = 4, bulkLoad = true } = {},
): Promise<BenchDatabase> {
  let url = process.env.DATABASE_URL;
  let pg: EmbeddedPostgres | undefined;
  if (!url) {
    pg = new EmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `mc-bench-${randomBytes(4).toString('hex')}`),
      port: await freePort(),
      database: 'missing_children_bench',
      logger,
      ephemeral: true,
    });
    url = await pg.start();
  }
  const db = createDataSource(url, entities, poolSize);
  try {
    await prepare(db, Boolean(pg && bulkLoad));
  } catch (err) {
    if (db.isInitialized) await db.destroy();
    await pg?.stop();
    throw err;
  }
  return {
    db,
    where: pg ? `a throwaway embedded PostgreSQL in ${pg.dataDir}` : 'DATABASE_URL',
    async close() {
      if (db.isInitialized) await db.destroy();
      await pg?.stop();
    },
  };
}

async function prepare(db: DataSource, bulkLoad: boolean): Promise<void> {
  await db.initialize();
  if (bulkLoad) {
    await db.query(`ALTER SYSTEM SET max_wal_size = '16GB'`);
    await db.query(`ALTER SYSTEM SET synchronous_commit = 'off'`);
    await db.query(`ALTER SYSTEM SET maintenance_work_mem = '512MB'`);
    await db.query('SELECT pg_reload_conf()');
  }
  await db.runMigrations({ transaction: 'each' });
}

/** `--scale 0.01` (or SCALE=0.01); 1 when not given. */
export function scaleArgument(argv: string[]): number {
  const i = argv.indexOf('--scale');
  const raw = i >= 0 ? argv[i + 1] : (argv.find((a) => a.startsWith('--scale='))?.slice(8) ?? process.env.SCALE ?? '1');
  const scale = Number(raw);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number above 0 and at most 1, not "${raw}"`);
  return scale;
}
