// The service's own database role, as every other test connects with it: it can do what the service
// does (COPY, LISTEN/NOTIFY, advisory locks, SKIP LOCKED, add to and read the audit trail) and cannot
// rewrite the audit trail, switch its trigger or every trigger off, or change the schema. A start
// whose DATABASE_URL is over-privileged is refused in production and told how to fix it.
import { Client } from 'pg';

import { loadConfig } from '../../src/config';
import { entities } from '../../src/entities';
import { openDatabase } from '../../src/platform/database/database';
import { checkServiceRole } from '../../src/platform/database/role-check';
import { Shutdown } from '../../src/platform/shutdown';
import { createTestDatabase, TestDatabase } from '../support/database';
import { testLogger } from '../support/quiet-logger';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(3);
});
afterAll(async () => {
  await db.drop();
});

const asService = (sql: string) => db.dataSource.query(sql);
const denied = /permission denied/;

describe("connected as the service's role", () => {
  it('is not the owner and not a superuser', async () => {
    const [row] =
      await asService(`SELECT rolsuper, current_user <> (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events') AS not_owner
      FROM pg_roles WHERE rolname = current_user`);
    expect(row).toEqual({ rolsuper: false, not_owner: true });
    expect(await checkServiceRole(db.dataSource)).toEqual({ role: 'mc_test_app', problems: [] });
  });

  it('cannot UPDATE, DELETE or TRUNCATE the audit trail', async () => {
    await expect(asService(`UPDATE audit_events SET action = 'nothing'`)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(asService('DELETE FROM audit_events')).rejects.toThrow(/permission denied for table audit_events/);
    await expect(asService('TRUNCATE audit_events')).rejects.toThrow(/permission denied for table audit_events/);
  });

  it("cannot switch the audit trail's trigger, or every trigger, off", async () => {
    await expect(asService('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change')).rejects.toThrow(
      /must be owner of table audit_events/,
    );
    await expect(asService('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(asService('SET session_replication_role = replica')).rejects.toThrow(denied);
    await expect(asService('DROP TRIGGER audit_events_no_change ON audit_events')).rejects.toThrow(/must be owner/);
  });

  it('cannot change the schema, nor grant itself more', async () => {
    await expect(asService('CREATE TABLE scratch (n integer)')).rejects.toThrow(denied);
    await expect(asService('CREATE SCHEMA scratch')).rejects.toThrow(denied);
    await expect(asService('ALTER TABLE children ADD COLUMN scratch text')).rejects.toThrow(/must be owner/);
    await expect(asService('CREATE ROLE scratch')).rejects.toThrow(denied);
    await expect(asService(`INSERT INTO migrations (timestamp, name) VALUES (1, 'scratch')`)).rejects.toThrow(denied);
  });

  it('adds to and reads the audit trail', async () => {
    const [{ id }] = await asService(
      `INSERT INTO audit_events (at, action, entity_type) VALUES (now(), 'read', 'probe') RETURNING id`,
    );
    expect(
      await asService(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'probe' AND id >= ${Number(id)}`,
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('takes advisory locks, claims rows with SKIP LOCKED, and hears NOTIFY', async () => {
    await db.dataSource.transaction(async (tx) => {
      expect(await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext('probe')) AS got`)).toEqual([{ got: true }]);
      await tx.query('SELECT id FROM notifications ORDER BY id LIMIT 5 FOR UPDATE SKIP LOCKED');
    });
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    try {
      const heard = new Promise<string | undefined>((resolve) =>
        listener.once('notification', (n) => resolve(n.payload)),
      );
      await listener.query('LISTEN probe_channel');
      await asService(`SELECT pg_notify('probe_channel', 'hello')`);
      expect(await heard).toBe('hello');
    } finally {
      await listener.end();
    }
  });
});

describe('opening the database for a server (DATABASE_URL and MIGRATION_DATABASE_URL)', () => {
  const open = async (env: Record<string, string>) => {
    const shutdown = new Shutdown(testLogger());
    try {
      await openDatabase(
        loadConfig({ SESSION_SECRET: 'x'.repeat(32), ...env }),
        testLogger(),
        '/nonexistent',
        shutdown,
        entities,
      );
    } finally {
      await shutdown.run();
    }
  };

  it('migrates as the owner, grants the service its role, and starts', async () => {
    await expect(
      open({ NODE_ENV: 'production', DATABASE_URL: db.url, MIGRATION_DATABASE_URL: db.ownerUrl }),
    ).resolves.toBeUndefined();
    expect(await checkServiceRole(db.dataSource)).toEqual({ role: 'mc_test_app', problems: [] });
  });

  it('refuses, in production, a DATABASE_URL that could rewrite the audit trail, and says why', async () => {
    const refused = open({ NODE_ENV: 'production', DATABASE_URL: db.ownerUrl });
    await expect(refused).rejects.toThrow(
      /The database role "\w+" in DATABASE_URL has more privilege than the service may have/,
    );
    await expect(refused).rejects.toThrow(/it is a superuser/);
    await expect(refused).rejects.toThrow(/MIGRATION_DATABASE_URL/);
  });

  it('only warns in development', async () => {
    await expect(open({ NODE_ENV: 'development', DATABASE_URL: db.ownerUrl })).resolves.toBeUndefined();
  });
});
