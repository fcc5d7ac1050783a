// What casework staff see of deliveries, scoped to their authority, and the acknowledgement primitive.
import { randomUUID } from 'node:crypto';

import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

import { bearer } from '../support/app';
import {
  anEpisode,
  buildDeliveryTestApp,
  DeliveryTestApp,
  PUBLIC_BASE_URL,
  queueAlert,
  reload,
} from '../support/delivery';
import { FAKE_AUTH_TOKEN, signedStatusCallback } from '../support/fake-twilio';

let t: DeliveryTestApp;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
});
afterAll(async () => {
  await t.close();
});

const get = async (
  url: string,
  role: Parameters<DeliveryTestApp['app']['tokenFor']>[0] = 'social_worker',
  authority: 'DEMO' | 'OTHER' = 'DEMO',
) => t.app.server.inject({ method: 'GET', url, headers: bearer(await t.app.tokenFor(role, authority)) });

describe('GET /api/v1/episodes/{id}/notifications', () => {
  it("lists an episode's messages with their history, without bodies, and audits the read", async () => {
    const episodeId = await anEpisode(t);
    t.twilio.rejectNumber('+447700900701');
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900701',
      episodeId,
      fallbacks: [
        {
          channel: 'email',
          address: 'control@police.example.org',
          recipientType: 'contact',
          recipientId: null,
          recipientName: 'Police control room',
        },
      ],
    });
    await t.app.services.dispatcher.drain();
    const res = await get(`/api/v1/episodes/${episodeId}/notifications`);
    expect(res.statusCode).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads fields of a JSON answer
    const items = res.result as Record<string, any>[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      id: n.id,
      channel: 'sms',
      status: 'failed',
      lastError: 'Twilio answered 400 (error 21211)',
      recipient: { name: 'Police control room', address: '+447700900701' },
    });
    expect(items[0].history.map((h: { status: string }) => h.status)).toEqual(['queued', 'sending', 'failed']);
    expect(items[1]).toMatchObject({ channel: 'email', status: 'sent', fallbackOf: n.id });
    expect(items[0].fallbackId).toBe(items[1].id);
    expect(items[2]).toMatchObject({ template: 'delivery-failed', recipient: { type: 'duty', name: 'Duty manager' } });
    expect(JSON.stringify(items)).not.toContain('/p/abcdefghijklmnopqrstuvwx');
    const audits = await t.app.db.dataSource.query(
      `SELECT actor_role FROM audit_events WHERE entity_type = 'episode_notifications' AND entity_id = $1`,
      [episodeId],
    );
    expect(audits).toEqual([{ actor_role: 'social_worker' }]);
  });

  it("hides one authority's episode from another, and refuses roles that may not read deliveries", async () => {
    const episodeId = await anEpisode(t);
    await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900702', episodeId });
    expect((await get(`/api/v1/episodes/${episodeId}/notifications`, 'social_worker', 'OTHER')).statusCode).toBe(404);
    expect((await get(`/api/v1/episodes/${randomUUID()}/notifications`)).statusCode).toBe(404);
    expect((await get(`/api/v1/episodes/${episodeId}/notifications`, 'carer')).statusCode).toBe(403);
    expect((await get('/api/v1/episodes/not-an-id/notifications')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/notifications/failed', () => {
  it("lists failed messages of the caller's authority only", async () => {
    t.twilio.rejectNumber('+447700900703');
    const demo = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900703' });
    const other = await queueAlert(t.app, {
      authorityId: t.otherAuthorityId,
      channel: 'sms',
      address: '+447700900703',
    });
    await t.app.services.dispatcher.drain();
    const demoIds = ((await get('/api/v1/notifications/failed', 'team_manager')).result as { id: string }[]).map(
      (n) => n.id,
    );
    const otherIds = (
      (await get('/api/v1/notifications/failed', 'team_manager', 'OTHER')).result as { id: string }[]
    ).map((n) => n.id);
    expect(demoIds).toContain(demo.id);
    expect(demoIds).not.toContain(other.id);
    expect(otherIds).toEqual([other.id]);
    expect((await get('/api/v1/notifications/failed?limit=0')).statusCode).toBe(400);
  });
});

describe('acknowledge', () => {
  it('acknowledges the alert sent to the replying address, once, and keeps it acknowledged', async () => {
    const episodeId = await anEpisode(t);
    const n = await queueAlert(t.app, {
      authorityId: t.authorityId,
      channel: 'sms',
      address: '+447700900704',
      episodeId,
    });
    await t.app.services.dispatcher.drain();
    const ack = (from: string) =>
      t.app.db.dataSource.transaction((tx) =>
        t.app.services.notifications.acknowledge(tx, { ackCode: n.ackCode!, fromAddress: from }),
      );
    expect(await ack('+447700900999')).toBeNull();
    const acked = await ack('+447700900704');
    expect(acked).toMatchObject({ id: n.id, episodeId, stepKey: 'report#0', status: 'acknowledged' });
    expect(await ack('+447700900704')).toBeNull();
    const sid = (await reload(t.app, n.id)).providerId!;
    await t.app.server.inject(signedStatusCallback(PUBLIC_BASE_URL, { MessageSid: sid, MessageStatus: 'delivered' }));
    expect((await reload(t.app, n.id)).status).toBe('acknowledged');
  });
});

describe('ACK by SMS', () => {
  it('acknowledges the alert when the notified number texts ACK and its code', async () => {
    const n = await queueAlert(t.app, { authorityId: t.authorityId, channel: 'sms', address: '+447700900705' });
    await t.app.services.dispatcher.drain();
    const params = {
      MessageSid: `SM${'a'.repeat(32)}`,
      AccountSid: 'AC00000000000000000000000000000001',
      From: '+447700900705',
      To: '+447700900000',
      Body: `ack ${n.ackCode}`,
      NumMedia: '0',
    };
    const url = '/webhooks/twilio/sms';
    const res = await t.app.server.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': getExpectedTwilioSignature(FAKE_AUTH_TOKEN, PUBLIC_BASE_URL + url, params),
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.payload).toContain('Alert acknowledged.');
    expect(await reload(t.app, n.id)).toMatchObject({ status: 'acknowledged' });
  });
});
