// A private database per test file, cloned from the migrated, demo-seeded template. The service's
// connection (url, dataSource) is the least-privilege role, as in production; `asOwner` is for the
// few tests that change the schema or switch a trigger off to stage a failure.
import { randomBytes } from 'node:crypto';

import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';

const TEMPLATE_DB = 'mc_test_template';

function envUrl(name: 'TEST_PG_ADMIN_URL' | 'TEST_PG_APP_URL'): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run tests through jest so global setup starts PostgreSQL`);
  return url;
}

function inDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  /** The service's role on this database. */
  url: string;
  /** The owner (superuser) on this database. */
  ownerUrl: string;
  name: string;
  dataSource: DataSource;
  /** Runs one statement as the owner and returns its rows. */
  asOwner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const name = `mc_test_${randomBytes(5).toString('hex')}`;
  await withClient(envUrl('TEST_PG_ADMIN_URL'), (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const url = inDatabase(envUrl('TEST_PG_APP_URL'), name);
  const ownerUrl = inDatabase(envUrl('TEST_PG_ADMIN_URL'), name);
  const dataSource = createDataSource(url, entities, poolSize);
  await dataSource.initialize();
  return {
    url,
    ownerUrl,
    name,
    dataSource,
    asOwner: (sql, params) => withClient(ownerUrl, async (c) => (await c.query(sql, params)).rows),
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withClient(envUrl('TEST_PG_ADMIN_URL'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
