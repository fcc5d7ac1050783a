// A call is a message in the same outbox with the same dispatcher: two dispatchers on two
// connection pools place each call once. Without credentials the recording provider keeps each call
// and its TwiML, nothing is dialled, and the episode page shows what the call says.
import { entities } from '../../src/entities';
import { DeliveryFailureService } from '../../src/notifications/delivery-failure.service';
import { Dispatcher } from '../../src/notifications/dispatcher';
import type { RecordingProvider } from '../../src/notifications/providers/recording.provider';
import type { VoiceCall } from '../../src/notifications/providers/voice.provider';
import { createDataSource } from '../../src/platform/database/data-source';
import { createServices } from '../../src/services';
import { buildTestApp, TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { childPlaced, reportMissing } from '../support/escalation-fixtures';
import { pageSession } from '../support/pages';
import { testLogger } from '../support/quiet-logger';

function dispatcherOn(app: TestApp, services: ReturnType<typeof createServices>, db = app.db.dataSource) {
  const { sms, email, voice } = services.providers;
  return new Dispatcher(
    {
      db,
      clock: app.clock,
      sms,
      email,
      voice,
      failures: new DeliveryFailureService(services.outbox, testLogger()),
      logger: testLogger(),
    },
    {
      retry: { maxAttempts: 6, baseDelayMs: 5000 },
      leaseMs: 120_000,
      pollMs: 60_000,
      giveWayMs: app.config.dispatch.giveWayMs,
      publicBaseUrl: app.config.publicBaseUrl,
      batchSize: 3,
      concurrency: 4,
    },
  );
}

describe('through the fake Twilio API', () => {
  let t: DeliveryTestApp;
  beforeAll(async () => {
    t = await buildDeliveryTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('two dispatchers on two pools place each of 30 calls once', async () => {
    const numbers = Array.from({ length: 30 }, (_, i) => `+44207946${String(800 + i).padStart(4, '0')}`);
    await t.app.db.dataSource.transaction((tx) =>
      t.app.services.outbox.enqueueMany(
        tx,
        numbers.map((address, i) => ({
          authorityId: t.authorityId,
          stepKey: 'plus_48h#0',
          dedupeKey: `voice-pair:${i}`,
          channel: 'voice' as const,
          template: 'escalation-48h',
          data: { episodeRef: `E-P${i}`, authorityName: 'Demo Borough', riskLabel: 'High risk' },
          needsAck: true,
          recipient: { type: 'contact' as const, id: null, name: 'CEOP duty desk', address },
        })),
      ),
    );
    const secondDb = createDataSource(t.app.db.url, entities, 5);
    await secondDb.initialize();
    const second = createServices({ db: secondDb, clock: t.app.clock, config: t.app.config, logger: testLogger() });
    try {
      const [a, b] = await Promise.all([
        dispatcherOn(t.app, t.app.services).drain(),
        dispatcherOn(t.app, second, secondDb).drain(),
      ]);
      expect(a.sent + b.sent).toBe(30);
      expect(t.twilio.calls.map((c) => c.to).sort()).toEqual(numbers);
      const [{ count }] = await t.app.db.dataSource.query(
        `SELECT count(DISTINCT provider_id)::int AS count FROM notifications WHERE dedupe_key LIKE 'voice-pair:%' AND status = 'sent'`,
      );
      expect(count).toBe(30);
    } finally {
      await second.providers.email.close?.();
      await secondDb.destroy();
    }
  });
});

describe('without Twilio credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('the recording provider keeps the call and its TwiML, and the episode page shows them', async () => {
    const recording = app.services.providers.voice as RecordingProvider;
    expect(recording.recording).toBe(true);
    const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 1 });
    const episode = await reportMissing(app, child.id);
    await app.services.dispatcher.drain();
    const calls = recording.recent.filter((m): m is VoiceCall => 'twiml' in m);
    expect(calls.map((c) => c.to)).toEqual(['+442079460201']);
    expect(calls[0].twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Gather numDigits="1"/);
    expect(calls[0].twiml).toContain('A child in the care of Demo Borough is missing.');
    const [row] = await app.db.dataSource.query(
      `SELECT id, provider_id FROM notifications WHERE episode_id = $1 AND channel = 'voice'`,
      [episode.id],
    );
    expect(row.provider_id).toMatch(/^recorded-/);
    const page = (await (await pageSession(app, 'social_worker')).get(`/episodes/${episode.id}`)).payload;
    expect(page).toContain('Phone call');
    expect(page).toContain('What the call says');
    expect(page).toContain('Recorded, not dialled');
    expect(page).toContain('&lt;Gather numDigits=&quot;1&quot;');
    expect(page).toContain(`npm run demo:call -- ${row.id} ${row.provider_id} 1`);
  });
});
