// A missing report's statements and the dispatcher's are prepared on the connections that run them
// (docs/decisions/prepared-statements.md). A migration that adds columns while an instance runs (a
// rolling deploy) must not stop the next report or its police text: a prepared statement whose
// result columns changed would fail on every connection that prepared it.
import type { EntityManager } from 'typeorm';

import { planEachStatementOnce, queryPrepared } from '../../src/platform/database/prepared';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { textService } from '../support/twilio-sms';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  await t.app.services.dispatcher.start(); // on its own pool, as in the service
});
afterAll(async () => {
  await t.app.services.dispatcher.stop();
  await t.close();
});

const text = (from: string, body: string) =>
  textService(t.app.server, from, body, { authToken: FAKE_AUTH_TOKEN, baseUrl: PUBLIC_BASE_URL });

/** Every table a report's or the dispatcher's prepared statements read or return rows of. */
const tables = [
  'children',
  'local_authorities',
  'placements',
  'placement_carers',
  'missing_episodes',
  'episode_events',
  'audit_events',
  'inbound_messages',
  'escalation_policies',
  'escalation_runs',
  'escalation_schedule',
  'users',
  'contacts',
  'guardians',
  'police_forces',
  'notifications',
  'notification_events',
  'sms_opt_outs',
];

it('texts police about the next report after a migration adds columns under the prepared statements', async () => {
  const first = await text('+447700900101', 'MISSING');
  expect(first.reply).toMatch(/^Thank you. Missing report for K7Q2 recorded/);
  await t.app.services.dispatcher.drain();
  expect(t.twilio.to('+447700900201').map((m) => m.body)).toEqual([expect.stringMatching(/^MISSING child ref K7Q2/)]);

  await t.app.db.asOwner(tables.map((name) => `ALTER TABLE ${name} ADD COLUMN added_later text`).join('; '));
  try {
    // The same connections (the pools hand back the one used last) run the same statements again.
    const second = await text('+447700900102', 'MISSING M4RT');
    expect(second.reply).toMatch(/^Thank you. Missing report for M4RT recorded/);
    await t.app.services.dispatcher.drain();
    expect(t.twilio.to('+447700900201').map((m) => m.body)).toEqual([
      expect.stringMatching(/^MISSING child ref K7Q2/),
      expect.stringMatching(/^MISSING child ref M4RT/),
    ]);
  } finally {
    await t.app.db.asOwner(tables.map((name) => `ALTER TABLE ${name} DROP COLUMN added_later`).join('; '));
  }
});

it('refuses a statement of a transaction that has ended, as tx.query does, instead of running it on its own', async () => {
  let ended: EntityManager | null = null;
  await t.app.db.dataSource.transaction(async (tx) => {
    ended = tx;
  });
  const before = await t.app.db.dataSource.query('SELECT count(*)::int AS n FROM sms_opt_outs');
  await expect(
    queryPrepared(ended!, `INSERT INTO sms_opt_outs VALUES ('+447700900777', 'STOP', 'en', now())`),
  ).rejects.toThrow(/released/i);
  expect(await t.app.db.dataSource.query('SELECT count(*)::int AS n FROM sms_opt_outs')).toEqual(before);
});

it("plans a text's statements once for the rest of its transaction, and leaves the connection as it found it", async () => {
  const runner = t.app.db.dataSource.createQueryRunner();
  await runner.connect();
  const mode = async () => (await runner.query(`SELECT current_setting('plan_cache_mode') AS mode`))[0].mode;
  try {
    await runner.startTransaction();
    await planEachStatementOnce(runner.manager);
    expect(await mode()).toBe('force_generic_plan');
    await runner.commitTransaction();
    // The pool hands this connection to the next request, whose pages need plans for their values.
    expect(await mode()).toBe('auto');
  } finally {
    await runner.release();
  }
});
