// The service wired to the real twilio SDK (pointed at the fake Twilio API) and real SMTP (the
// sink), plus helpers to queue messages and to register a duty manager contact.
import { DEMO_EPISODE_REFERENCE } from '../../seeds/demo-data';
import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import { Fallback, Notification } from '../../src/notifications/notification.entity';
import { NotificationsRepository } from '../../src/notifications/notifications.repository';
import { buildTestApp, TestApp } from './app';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, FAKE_FROM_NUMBER, FakeTwilio } from './fake-twilio';
import { SmtpSink } from './smtp-sink';

export const PUBLIC_BASE_URL = 'https://alerts.example.org';

export interface DeliveryTestApp {
  app: TestApp;
  twilio: FakeTwilio;
  smtp: SmtpSink;
  authorityId: string;
  otherAuthorityId: string;
  close(): Promise<void>;
}

export function deliveryEnv(twilio: FakeTwilio, smtp: SmtpSink): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
    TWILIO_FROM_NUMBER: FAKE_FROM_NUMBER,
    TWILIO_API_BASE_URL: twilio.url,
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL,
    MAIL_FROM: 'Alerts <alerts@example.org>',
  };
}

export async function buildDeliveryTestApp(env: Record<string, string> = {}): Promise<DeliveryTestApp> {
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start();
  const app = await buildTestApp({ ...deliveryEnv(twilio, smtp), PROVIDER_TIMEOUT_SECONDS: '2', ...env });
  const authorities = app.db.dataSource.getRepository(LocalAuthority);
  return {
    app,
    twilio,
    smtp,
    authorityId: (await authorities.findOneByOrFail({ code: 'DEMO' })).id,
    otherAuthorityId: (await authorities.findOneByOrFail({ code: 'OTHER' })).id,
    async close() {
      await app.services.providers.email.close?.();
      await app.close();
      await twilio.stop();
      await smtp.stop();
    },
  };
}

export const alertData = (episodeRef: string) => ({
  childRef: 'K7Q2',
  episodeRef,
  lastSeen: '23 Nov 01:40',
  link: 'https://alerts.example.org/p/abcdefghijklmnopqrstuvwx',
  authorityName: 'Demo Borough',
  riskLabel: 'High risk',
  discoveredAt: '23 Nov 2026 02:00',
  linkExpires: '30 Nov 2026',
});

export interface AlertOptions {
  authorityId: string;
  channel: 'sms' | 'email';
  address: string;
  episodeRef?: string;
  episodeId?: string | null;
  name?: string;
  fallbacks?: Fallback[];
  needsAck?: boolean;
}

/** Queues one missing alert through the outbox, as the escalation engine does. */
export async function queueAlert(app: TestApp, o: AlertOptions): Promise<Notification> {
  const n = await app.db.dataSource.transaction((tx) =>
    app.services.outbox.enqueue(tx, {
      authorityId: o.authorityId,
      episodeId: o.episodeId ?? null,
      stepKey: 'report#0',
      channel: o.channel,
      template: 'missing-alert',
      data: alertData(o.episodeRef ?? 'E-TEST'),
      needsAck: o.needsAck ?? true,
      fallbacks: o.fallbacks ?? [],
      recipient: { type: 'contact', id: null, name: o.name ?? 'Police control room', address: o.address },
    }),
  );
  return n!;
}

export async function addDutyManager(
  app: TestApp,
  authorityId: string,
  c: { name: string; mobile?: string; email?: string },
): Promise<string> {
  const now = app.clock.now();
  const [row] = await app.db.dataSource.query(
    `INSERT INTO contacts (authority_id, name, organisation, role, mobile, email, active, created_at, updated_at)
     VALUES ($1, $2, 'Children''s services', 'duty_manager', $3, $4, true, $5, $5) RETURNING id`,
    [authorityId, c.name, c.mobile ?? null, c.email ?? null, now],
  );
  return row.id;
}

export async function reload(app: TestApp, id: string): Promise<Notification> {
  return app.db.dataSource.getRepository(Notification).findOneByOrFail({ id });
}

/** The statuses a person sees in the message's history (the delivery view), oldest first. */
export async function history(app: TestApp, id: string): Promise<string[]> {
  const n = await reload(app, id);
  const lines = (await new NotificationsRepository().historyOf(app.db.dataSource.manager, [n])).get(id)!;
  return lines.map((l) => l.status);
}

let copies = 0;
/** A new closed episode (a copy of the demo one for child M4RT, earlier in time) to hang messages on. */
export async function anEpisode(t: DeliveryTestApp): Promise<string> {
  copies += 1;
  const [row] = await t.app.db.dataSource.query(
    `
    INSERT INTO missing_episodes (authority_id, child_id, reference, kind, state, discovered_at, reported_at, reported_via, reported_by_name,
      high_risk_from_start, trafficking_status, closed_at, policy_snapshot, created_at, updated_at)
    SELECT e.authority_id, c.id, 'E-T' || $1::text, 'M', 'closed', e.discovered_at - ($1::int * interval '3 days'), e.reported_at - ($1::int * interval '3 days'),
      'web', 'Test', true, 'suspected', e.closed_at - ($1::int * interval '3 days') - interval '1 day', e.policy_snapshot, now(), now()
    FROM missing_episodes e JOIN children c ON c.reference = 'M4RT' AND c.authority_id = e.authority_id
    WHERE e.reference = $2 RETURNING id`,
    [copies, DEMO_EPISODE_REFERENCE],
  );
  return row.id;
}
