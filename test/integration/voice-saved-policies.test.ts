// Saved policies gain voice through a new version (migration 1732300001300): an authority whose
// policy in force predates calls gets the next version with voice on the police, CEOP and duty
// manager steps and the police call rule; a policy that already calls is left alone (running it
// twice adds one version).
import { ADD_VOICE_TO_POLICIES, POLICE_CALL, VOICE_STEPS } from '../../migrations/1732300001300-voice-calls';
import { defaultPolicy } from '../../src/escalation/default-policy';
import type { EscalationStep } from '../../src/escalation/escalation-policy';
import { buildTestApp, TestApp } from '../support/app';
import { authorityId } from '../support/escalation-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

const withoutVoice = defaultPolicy.steps.map(({ call: _call, ...s }) => ({
  ...s,
  channels: s.channels.filter((c) => c !== 'voice'),
}));

async function latest(authority: string): Promise<{ version: number; steps: EscalationStep[] }> {
  const [row] = await app.db.asOwner<{ version: number; steps: EscalationStep[] }>(
    'SELECT version, steps FROM escalation_policies WHERE authority_id = $1 ORDER BY version DESC LIMIT 1',
    [authority],
  );
  return row;
}

it('a policy saved before calls gets a new version that calls; running it again adds nothing', async () => {
  const demo = await authorityId(app);
  const before = await latest(demo);
  await app.db.asOwner(
    `INSERT INTO escalation_policies (authority_id, version, settings, steps, created_at) VALUES ($1, $2, $3, $4, now())`,
    [demo, before.version + 1, JSON.stringify(defaultPolicy.settings), JSON.stringify(withoutVoice)],
  );
  await app.db.asOwner(ADD_VOICE_TO_POLICIES, [VOICE_STEPS, JSON.stringify(POLICE_CALL)]);
  const after = await latest(demo);
  expect(after.version).toBe(before.version + 2);
  expect(after.steps.map((s) => s.key)).toEqual(defaultPolicy.steps.map((s) => s.key));
  const calling = after.steps.filter((s) => s.channels.includes('voice')).map((s) => s.key);
  expect(calling).toEqual(VOICE_STEPS);
  expect(after.steps.find((s) => s.key === 'report_police')).toMatchObject({
    channels: ['sms', 'email', 'voice'],
    call: POLICE_CALL,
  });
  expect(after.steps).toEqual(defaultPolicy.steps.map((s) => expect.objectContaining(s)));

  await app.db.asOwner(ADD_VOICE_TO_POLICIES, [VOICE_STEPS, JSON.stringify(POLICE_CALL)]);
  expect((await latest(demo)).version).toBe(after.version);
});
