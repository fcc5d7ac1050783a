// Starts one throwaway embedded PostgreSQL for the whole run (or uses DATABASE_URL's server),
// migrates a template database and loads the demo data into it. Each test file then clones the
// template (CREATE DATABASE ... TEMPLATE), which takes milliseconds and isolates files run in parallel.
// As in production, the superuser migrates and owns the tables while the tests' service connects as
// a least-privilege role (TEST_PG_APP_URL); its grants and default privileges travel with the template.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { runSeeds } from '../../seeds';
import { loadConfig } from '../../src/config';
import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { migrateAsOwner } from '../../src/platform/database/migrate';
import { ensureLoginRole } from '../../src/platform/database/service-role';
import { createServices } from '../../src/services';
import { ManualClock, testClockStart } from './clock';
import { freePort } from './ports';
import { testLogger } from './quiet-logger';

export const TEMPLATE_DB = 'mc_test_template';
export const TEST_APP_ROLE = 'mc_test_app';

export default async function globalSetup(): Promise<void> {
  const logger = testLogger();
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    const pg = new EmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `mc-test-pg-${randomBytes(4).toString('hex')}`),
      port: await freePort(),
      database: 'postgres',
      logger,
      ephemeral: true,
    });
    serverUrl = await pg.start();
    (globalThis as Record<string, unknown>).__EMBEDDED_PG__ = pg;
  }
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  process.env.TEST_PG_ADMIN_URL = admin.toString();

  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const appPassword = randomBytes(18).toString('base64url');
  await ensureLoginRole(client, TEST_APP_ROLE, appPassword);
  await client.end();

  const templateUrl = new URL(admin.toString());
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await migrateAsOwner(templateUrl.toString(), TEST_APP_ROLE, logger);
  const appUrl = new URL(admin.toString());
  appUrl.username = TEST_APP_ROLE;
  appUrl.password = appPassword;
  process.env.TEST_PG_APP_URL = appUrl.toString();
  // The demo data goes in as the service's role, as `npm start` loads it.
  templateUrl.username = TEST_APP_ROLE;
  templateUrl.password = appPassword;
  const db = createDataSource(templateUrl.toString(), entities, 2);
  await db.initialize();
  const config = loadConfig({ NODE_ENV: 'test' });
  const clock = new ManualClock(testClockStart());
  await runSeeds(db, createServices({ db, clock, config, logger }), { demo: true, logger, clock });
  await db.destroy();
}
