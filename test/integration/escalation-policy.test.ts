// The escalation policy through the API: managers read it, administrators and senior managers
// save new versions, and a running episode keeps the version it started with.
import { runSeeds } from '../../seeds';
import { entities } from '../../src/entities';
import { defaultPolicy } from '../../src/escalation/default-policy';
import { MissingEpisode } from '../../src/missing/missing-episode.entity';
import { createDataSource } from '../../src/platform/database/data-source';
import { bearer, buildTestApp, TestApp } from '../support/app';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import { testLogger } from '../support/quiet-logger';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const put = async (payload: object, role: Parameters<TestApp['tokenFor']>[0] = 'administrator') =>
  app.server.inject({
    method: 'PUT',
    url: '/api/v1/escalation-policy',
    payload,
    headers: bearer(await app.tokenFor(role)),
  });
const getPolicy = async (
  role: Parameters<TestApp['tokenFor']>[0] = 'team_manager',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) =>
  app.server.inject({
    method: 'GET',
    url: '/api/v1/escalation-policy',
    headers: bearer(await app.tokenFor(role, authority)),
  });

it('starts every authority on the default ladder, version 1', async () => {
  const res = await getPolicy();
  expect(res.statusCode).toBe(200);
  expect(res.result).toMatchObject({ version: 1, settings: { newPlacementDays: 7, repeatWindowDays: 30 } });
  expect((res.result as { steps: { key: string }[] }).steps.map((s) => s.key)).toEqual(
    defaultPolicy.steps.map((s) => s.key),
  );
  expect((await getPolicy('social_worker')).statusCode).toBe(403);
});

it('seeds version 1 for each demo authority, and seeding again changes nothing', async () => {
  await runSeeds(app.db.dataSource, app.services, { demo: true, logger: testLogger(), clock: app.clock });
  const rows = await app.db.dataSource.query(
    `SELECT a.code, p.version FROM escalation_policies p JOIN local_authorities a ON a.id = p.authority_id ORDER BY a.code`,
  );
  expect(rows).toEqual([
    { code: 'CYMRU', version: 1 },
    { code: 'DEMO', version: 1 },
    { code: 'OTHER', version: 1 },
  ]);
});

it('validates a new policy and names what is wrong', async () => {
  const bad = await put({
    settings: { newPlacementDays: 7, repeatWindowDays: 30 },
    steps: [
      {
        key: 'Bad Key',
        template: 'missing-alert',
        from: 'whenever',
        recipients: ['the_pope'],
        channels: ['fax'],
        needsAck: true,
      },
    ],
  });
  expect(bad.statusCode).toBe(400);
  const fields = (bad.result as { errors: { field: string; message: string }[] }).errors;
  expect(fields.map((f) => f.field).sort()).toEqual([
    'steps.0',
    'steps.0.channels.0',
    'steps.0.from',
    'steps.0.key',
    'steps.0.recipients.0',
  ]);
  expect(fields.find((f) => f.field === 'steps.0')?.message).toBe(
    'each step needs exactly one of delayMinutes and delayWorkingDays',
  );
  const noTemplate = await put({
    ...defaultPolicy,
    steps: [{ ...defaultPolicy.steps[0], template: 'no-such-template' }],
  });
  expect(noTemplate.statusCode).toBe(400);
  expect((noTemplate.result as { message: string }).message).toBe(
    'There is no message template named no-such-template; use one under templates/sms and templates/email.',
  );
  expect((await put(defaultPolicy, 'team_manager')).statusCode).toBe(403);
});

it('sweeps an episode whose copy names no version by its own copy', async () => {
  const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const sixHours = {
    version: 1,
    ...defaultPolicy,
    steps: defaultPolicy.steps.map((s) => (s.key === 'plus_24h' ? { ...s, delayMinutes: 6 * 60 } : s)),
  };
  await app.db.dataSource.query('UPDATE missing_episodes SET policy_id = NULL, policy_snapshot = $2 WHERE id = $1', [
    episode.id,
    JSON.stringify(sixHours),
  ]);
  await app.db.dataSource.query('UPDATE escalation_schedule SET next_at = $2 WHERE episode_id = $1', [
    episode.id,
    new Date(app.clock.now().getTime() + 6 * 3_600_000),
  ]);
  app.clock.advanceHours(6);
  await app.services.escalation.sweep();
  const fired = await app.db.dataSource.query(
    `SELECT 1 FROM escalation_runs WHERE episode_id = $1 AND step_key = 'plus_24h' AND outcome = 'fired'`,
    [episode.id],
  );
  expect(fired).toHaveLength(1);
});

it('saves a new version that new episodes run under, while running episodes keep theirs', async () => {
  const running = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const quicker = {
    ...defaultPolicy,
    steps: defaultPolicy.steps.map((s) => (s.key === 'plus_24h' ? { ...s, delayMinutes: 12 * 60 } : s)),
  };
  const saved = await put(quicker, 'senior_manager');
  expect(saved.statusCode).toBe(200);
  expect(saved.result).toMatchObject({ version: 2 });
  expect((await getPolicy()).result).toMatchObject({ version: 2 });
  expect((await getPolicy('team_manager', 'OTHER')).result).toMatchObject({ version: 1 });
  const newer = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const version = async (id: string) =>
    (
      (
        await app.server.inject({
          method: 'GET',
          url: `/api/v1/episodes/${id}`,
          headers: bearer(await app.tokenFor('social_worker')),
        })
      ).result as { policyVersion: number; nextEscalationAt: string }
    ).policyVersion;
  expect(await version(running.id)).toBe(1);
  expect(await version(newer.id)).toBe(2);
  app.clock.advanceHours(12);
  await app.services.escalation.sweep();
  const fired = await app.db.dataSource.query(
    `SELECT episode_id FROM escalation_runs WHERE step_key = 'plus_24h' AND outcome = 'fired'
    AND episode_id = ANY($1)`,
    [[running.id, newer.id]],
  );
  expect(fired).toEqual([{ episode_id: newer.id }]);
  const audit = await app.db.dataSource.query(
    `SELECT actor_role, changes->>'version' AS version FROM audit_events WHERE entity_type = 'escalation_policy' AND action <> 'refused'`,
  );
  expect(audit).toEqual([{ actor_role: 'senior_manager', version: '2' }]);
});

it('refuses to change a saved policy version, so an episode that names a version keeps the same document', async () => {
  await expect(
    app.db.dataSource.query(`UPDATE escalation_policies SET steps = '[]'::jsonb WHERE version = 1`),
  ).rejects.toThrow('escalation policy versions cannot be changed; save a new version');
});

it('names the version a new episode runs under instead of copying it, and holds every episode to one or the other', async () => {
  const episode = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const [row] = await app.db.dataSource.query(
    `SELECT e.policy_snapshot, p.version FROM missing_episodes e
    JOIN escalation_policies p ON p.id = e.policy_id WHERE e.id = $1`,
    [episode.id],
  );
  expect(row.policy_snapshot).toBeNull();
  const shown = await app.server.inject({
    method: 'GET',
    url: `/api/v1/episodes/${episode.id}`,
    headers: bearer(await app.tokenFor('social_worker')),
  });
  expect((shown.result as { policyVersion: number }).policyVersion).toBe(row.version);
  await expect(
    app.db.dataSource.query('UPDATE missing_episodes SET policy_id = NULL WHERE id = $1', [episode.id]),
  ).rejects.toThrow('missing_episodes_policy_known');
});

it('on migrating, drops the copies that match their version and keeps one that differs or has no version', async () => {
  const same = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const differs = await reportMissing(app, (await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 })).id);
  const db = app.db.dataSource;
  const copyOf = async (id: string) =>
    (await db.query('SELECT policy_snapshot FROM missing_episodes WHERE id = $1', [id]))[0].policy_snapshot;
  // Back to the schema before the change (undoing any migration after it too): every episode carries a copy of its
  // version.
  // Migrations are the owner's to run; the service's role (db) only reads and writes rows.
  const owner = createDataSource(app.db.ownerUrl, entities, 2);
  await owner.initialize();
  let copied, edited;
  try {
    const applied = async () =>
      (await db.query(`SELECT 1 FROM migrations WHERE name = 'EpisodePolicyByVersion1732300000820'`)).length > 0;
    while (await applied()) await owner.undoLastMigration({ transaction: 'each' });
    copied = await copyOf(same.id);
    expect(copied).toMatchObject({ version: expect.any(Number), steps: expect.any(Array) });
    edited = { ...copied, settings: { ...copied.settings, repeatWindowDays: 7 } };
    await db.query('UPDATE missing_episodes SET policy_snapshot = $2 WHERE id = $1', [
      differs.id,
      JSON.stringify(edited),
    ]);
    await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
  expect(await copyOf(same.id)).toBeNull();
  expect(await copyOf(differs.id)).toEqual(edited);
  const orphans = await db.query(
    'SELECT count(*)::int AS n FROM missing_episodes WHERE policy_id IS NULL AND policy_snapshot IS NULL',
  );
  expect(orphans).toEqual([{ n: 0 }]);
  // The copy that differs is the one the episode runs under; the others run under their version.
  const policyOf = async (id: string) => (await db.getRepository(MissingEpisode).findOneByOrFail({ id })).policy;
  expect((await policyOf(differs.id)).settings.repeatWindowDays).toBe(7);
  expect((await policyOf(same.id)).settings.repeatWindowDays).toBe(copied.settings.repeatWindowDays);
});
