// Without credentials nothing leaves the service: messages are kept and marked sent with a
// "recorded-" id, so development shows what would have gone. Half a configuration is refused.
// The minute job sends whatever is due.
import { scheduleDispatchNotifications } from '../../jobs/dispatch-notifications';
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import { loadConfig } from '../../src/config';
import { createSmsProvider } from '../../src/notifications/providers/providers';
import { buildTestApp, TestApp } from '../support/app';
import { queueAlert, reload } from '../support/delivery';
import { testLogger } from '../support/quiet-logger';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

it('records SMS and email instead of sending them when no provider is configured', async () => {
  expect(app.services.providers.sms.recording).toBe(true);
  expect(app.services.providers.email.recording).toBe(true);
  const authorityId = (await app.db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
  const sms = await queueAlert(app, { authorityId, channel: 'sms', address: '+447700900901' });
  const email = await queueAlert(app, { authorityId, channel: 'email', address: 'police@example.org' });
  expect(await app.services.dispatcher.drain()).toMatchObject({ sent: 2 });
  for (const n of [await reload(app, sms.id), await reload(app, email.id)]) {
    expect(n.status).toBe('sent');
    expect(n.providerId).toMatch(/^recorded-/);
    expect(n.bodyText).toContain('E-TEST');
  }
});

it('in production, refuses to start with Twilio half configured rather than quietly recording', () => {
  const partial = { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'secret' };
  const production = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), ...partial });
  expect(() => createSmsProvider(production)).toThrow('Twilio is not fully configured');
  expect(createSmsProvider(loadConfig({ NODE_ENV: 'test', ...partial })).recording).toBe(true);
  expect(
    createSmsProvider(
      loadConfig({
        NODE_ENV: 'production',
        SESSION_SECRET: 's'.repeat(32),
        ...partial,
        TWILIO_FROM_NUMBER: '+447700900999',
      }),
    ).recording,
  ).toBe(false);
});

it('the dispatch-notifications job sends what is due when it runs', async () => {
  const authorityId = (await app.db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
  const n = await queueAlert(app, { authorityId, channel: 'sms', address: '+447700900902' });
  const job = scheduleDispatchNotifications(app.services.dispatcher, testLogger());
  try {
    expect(job.getPattern()).toBe('* * * * *');
    await job.execute();
  } finally {
    await job.destroy();
  }
  expect((await reload(app, n.id)).status).toBe('sent');
});
