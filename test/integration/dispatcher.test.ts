// The dispatcher against the real twilio SDK (fake Twilio API) and a real SMTP server: each message
// arrives once, transient failures are retried until they succeed, and permanent failures fall back
// to the next channel or contact and tell the duty manager.
import {
  addDutyManager,
  buildDeliveryTestApp,
  DeliveryTestApp,
  history,
  PUBLIC_BASE_URL,
  queueAlert,
  reload,
} from '../support/delivery';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.twilio.reset();
  t.smtp.reset();
});

const drain = () => t.app.services.dispatcher.drain();
/** Past any backoff the retry policy could choose for the attempts so far. */
const afterBackoff = () => t.app.clock.advanceMinutes(20);

describe('happy path', () => {
  it('sends an SMS once through the Twilio API and records its sid', async () => {
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900501',
      episodeRef: 'E-HAPPY',
    });
    const counts = await drain();
    expect(counts).toMatchObject({ claimed: 1, sent: 1 });
    expect(t.twilio.messages).toHaveLength(1);
    const [sms] = t.twilio.messages;
    expect(sms).toMatchObject({
      to: '+447700900501',
      from: '+447700900999',
      statusCallback: `${PUBLIC_BASE_URL}/webhooks/twilio/status`,
    });
    expect(sms.body).toContain('E-HAPPY');
    const after = await reload(t.app, n.id);
    expect(after).toMatchObject({
      status: 'sent',
      providerId: sms.sid,
      attempts: 1,
      claimedUntil: null,
      bodyText: sms.body,
    });
    expect(await history(t.app, n.id)).toEqual(['queued', 'sending', 'sent']);
    expect(await drain()).toMatchObject({ claimed: 0 });
    expect(t.twilio.messages).toHaveLength(1);
  });

  it('sends an email once over SMTP with a Message-ID made from the notification id', async () => {
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'email',
      address: 'police@example.org',
      episodeRef: 'E-MAIL',
    });
    await drain();
    expect(t.smtp.messages).toHaveLength(1);
    const { mail, to } = t.smtp.messages[0];
    expect(to).toEqual(['police@example.org']);
    expect(mail.subject).toBe('MISSING: child K7Q2, episode E-MAIL (High risk)');
    expect(mail.messageId).toBe(`<${n.id}@alerts.example.org>`);
    expect(mail.text).toContain('Episode reference: E-MAIL');
    expect(mail.html).toContain('Open the missing profile');
    expect(await reload(t.app, n.id)).toMatchObject({ status: 'sent', providerId: `<${n.id}@alerts.example.org>` });
  });
});

describe('transient failures', () => {
  it('retries after Twilio answers 500, with backoff, and delivers exactly once', async () => {
    t.twilio.failNext(2, 500);
    const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900502' });
    expect(await drain()).toMatchObject({ claimed: 1, retrying: 1 });
    const waiting = await reload(t.app, n.id);
    expect(waiting.status).toBe('queued');
    expect(waiting.lastError).toBe('Twilio answered 500 (error 20500)');
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(t.app.clock.now().getTime());
    expect(await drain()).toMatchObject({ claimed: 0 });

    afterBackoff();
    expect(await drain()).toMatchObject({ retrying: 1 });
    afterBackoff();
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(t.twilio.to('+447700900502')).toHaveLength(1);
    expect(await reload(t.app, n.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(await history(t.app, n.id)).toEqual(['queued', 'sending', 'queued', 'sending', 'queued', 'sending', 'sent']);
  });

  it('gives up on a request that hangs, then delivers once when Twilio recovers', async () => {
    t.twilio.hangNext(1, 5_000);
    const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900503' });
    expect(await drain()).toMatchObject({ retrying: 1 });
    expect((await reload(t.app, n.id)).lastError).toMatch(/^Twilio (could not be reached|request failed)/);
    afterBackoff();
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(t.twilio.to('+447700900503')).toHaveLength(1);
  });

  it('retries while the mail server answers 421, then delivers exactly once', async () => {
    t.smtp.refuseNext(3);
    const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'email', address: 'mispers@example.org' });
    for (let i = 0; i < 3; i += 1) {
      expect(await drain()).toMatchObject({ retrying: 1 });
      afterBackoff();
    }
    expect((await reload(t.app, n.id)).lastError).toBe('the mail server answered 421');
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(t.smtp.to('mispers@example.org')).toHaveLength(1);
    expect(t.smtp.messages[0].mail.messageId).toBe(`<${n.id}@alerts.example.org>`);
  });

  it('retries while the mail server refuses connections, then delivers exactly once', async () => {
    await t.smtp.goDown();
    const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'email', address: 'mash@example.org' });
    try {
      expect(await drain()).toMatchObject({ retrying: 1 });
      afterBackoff();
      expect(await drain()).toMatchObject({ retrying: 1 });
      expect((await reload(t.app, n.id)).lastError).toMatch(/^the mail server could not be reached/);
    } finally {
      await t.smtp.comeBack();
    }
    afterBackoff();
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(t.smtp.to('mash@example.org')).toHaveLength(1);
  });
});

describe('permanent failures', () => {
  it('falls back to the next channel and tells the duty manager, naming no child', async () => {
    await addDutyManager(t.app, t.authorityId, {
      name: 'Duty Manager Dee',
      mobile: '+447700900500',
      email: 'duty@demo-borough.example.org',
    });
    t.twilio.rejectNumber('+447700900504');
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900504',
      name: 'Police control room',
      episodeRef: 'E-FALL',
      fallbacks: [
        {
          channel: 'email',
          address: 'control@police.example.org',
          recipientType: 'contact',
          recipientId: null,
          recipientName: 'Police control room',
        },
        {
          channel: 'sms',
          address: '+447700900505',
          recipientType: 'contact',
          recipientId: null,
          recipientName: 'Missing persons unit',
        },
      ],
    });
    const counts = await drain();
    expect(counts).toMatchObject({ failed: 1 });
    expect(await reload(t.app, n.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'Twilio answered 400 (error 21211)',
    });

    const fallback = t.smtp.to('control@police.example.org');
    expect(fallback).toHaveLength(1);
    expect(fallback[0].mail.subject).toBe('MISSING: child K7Q2, episode E-FALL (High risk)');
    const [row] = await t.app.db.dataSource.query(
      `SELECT id, fallbacks, needs_ack FROM notifications WHERE fallback_of = $1`,
      [n.id],
    );
    expect(row.needs_ack).toBe(true);
    expect(row.fallbacks).toEqual([expect.objectContaining({ address: '+447700900505' })]);

    const duty = t.twilio.to('+447700900500');
    expect(duty).toHaveLength(1);
    expect(duty[0].body).toBe(
      'ALERT NOT DELIVERED: a message to Police control room by SMS failed. Trying email to Police control room. Check failed notifications.',
    );
    expect(duty[0].body.length).toBeLessThanOrEqual(160);
    expect(duty[0].body).not.toMatch(/Amira|Example/);
  });

  it('fails after the configured number of transient failures and falls back', async () => {
    t.twilio.failNext(6, 503);
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900506',
      fallbacks: [
        {
          channel: 'email',
          address: 'ceop@example.org',
          recipientType: 'contact',
          recipientId: null,
          recipientName: 'CEOP duty desk',
        },
      ],
    });
    for (let i = 0; i < 5; i += 1) {
      expect(await drain()).toMatchObject({ retrying: 1 });
      afterBackoff();
    }
    expect(await drain()).toMatchObject({ failed: 1 });
    expect(await reload(t.app, n.id)).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'Twilio answered 503 (error 20500) (gave up after 6 attempts)',
    });
    expect(t.smtp.to('ceop@example.org')).toHaveLength(1);
    expect(t.twilio.to('+447700900506')).toHaveLength(0);
  });

  it('tells the duty manager of the failure, and again when the fallback cannot be written for its channel', async () => {
    t.twilio.rejectNumber('+447700900507');
    const n = await t.app.db.dataSource.transaction((tx) =>
      t.app.services.outbox.enqueue(tx, {
        authorityId: t.authorityId,
        channel: 'sms',
        template: 'missing-alert',
        needsAck: false,
        data: { childRef: 'K7Q2', episodeRef: 'E-SMSONLY', lastSeen: '01:40', link: 'https://alerts.example.org/p/x' },
        recipient: { type: 'contact', id: null, name: 'Force control room', address: '+447700900507' },
        fallbacks: [
          {
            channel: 'email',
            address: 'fcr@police.example.org',
            recipientType: 'contact',
            recipientId: null,
            recipientName: 'Force control room',
          },
        ],
      }),
    );
    // The email's template needs data this SMS-only message lacks: it fails when its turn comes, without an attempt at
    // SMTP.
    expect(await drain()).toMatchObject({ failed: 2 });
    expect((await reload(t.app, n!.id)).status).toBe('failed');
    expect(t.smtp.to('fcr@police.example.org')).toHaveLength(0);
    expect(t.twilio.to('+447700900500').map((m) => m.body)).toEqual([
      expect.stringContaining('a message to Force control room by SMS failed'),
      expect.stringContaining('a message to Force control room by email failed'),
    ]);
  });
});
