// The missing-profile photograph: uploaded on the missing profile page, checked by its bytes,
// size-limited and re-encoded without metadata, kept in PostgreSQL, served never-cached only to
// signed-in staff who may read the profile and through the episode's signed link, and never in any
// text or email. Real twilio SDK (fake Twilio API) and real SMTP.
import sharp from 'sharp';

import type { TestApp } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp, PUBLIC_BASE_URL } from '../support/delivery';
import { addContacts, childPlaced, reportMissing } from '../support/escalation-fixtures';
import { PageSession, pageSession, uploadPhoto } from '../support/pages';

let t: DeliveryTestApp;
let app: TestApp;
let worker: PageSession;
beforeAll(async () => {
  t = await buildDeliveryTestApp();
  app = t.app;
  await addContacts(app);
  worker = await pageSession(app, 'social_worker');
});
afterAll(async () => {
  await t.close();
});

const q = (sql: string, params: unknown[] = []) => app.db.dataSource.query(sql, params);
const MARKER = 'EXIF-MARKER-4c1b9e';
const tinyPng = () =>
  sharp({ create: { width: 4, height: 6, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();
const jpegWithExif = async () =>
  sharp(await tinyPng())
    .jpeg()
    .withExif({ IFD0: { ImageDescription: MARKER, Make: MARKER } })
    .toBuffer();

const upload = (session: PageSession, childId: string, file: { name: string; type: string; bytes: Buffer }) =>
  uploadPhoto(app, session, `/children/${childId}/missing-profile/photo`, file);

const stored = async (childId: string): Promise<{ content_type: string; bytes: Buffer } | undefined> =>
  (await q('SELECT content_type, bytes FROM missing_profile_photos WHERE child_id = $1', [childId]))[0];

it('takes a PNG from the missing profile page, keeps it in PostgreSQL and shows it there, never cached', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  const form = await worker.get(`/children/${child.id}/missing-profile`);
  expect(form.payload).toContain(`action="/children/${child.id}/missing-profile/photo" enctype="multipart/form-data"`);
  const res = await upload(worker, child.id, { name: 'photo.png', type: 'image/png', bytes: await tinyPng() });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toBe(`/children/${child.id}/missing-profile#photo`);
  const row = await stored(child.id);
  expect(row?.content_type).toBe('image/png');
  expect(row!.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect((await worker.get(`/children/${child.id}/missing-profile`)).payload).toContain(
    `src="/children/${child.id}/missing-profile/photo"`,
  );
  const served = await worker.get(`/children/${child.id}/missing-profile/photo`);
  expect(served.statusCode).toBe(200);
  expect(served.headers['content-type']).toBe('image/png');
  expect(served.headers['cache-control']).toBe('no-store');
  expect(Buffer.from(served.payload, 'binary').length).toBeGreaterThan(0);
  const audit = await q(
    `SELECT action FROM audit_events WHERE child_id = $1 AND entity_type = 'missing_profile_photo' ORDER BY id`,
    [child.id],
  );
  expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'read']);
  // Signed out, or a role that may not read profiles: no photograph.
  expect((await app.server.inject(`/children/${child.id}/missing-profile/photo`)).statusCode).not.toBe(200);
  const group = await pageSession(app, 'group_member');
  expect((await group.get(`/children/${child.id}/missing-profile/photo`)).statusCode).toBe(403);
});

it('refuses a file that is not an image, whatever its name and type say, with a sentence, and keeps nothing', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  const res = await upload(worker, child.id, {
    name: 'photo.png',
    type: 'image/png',
    bytes: Buffer.from('#!/bin/sh\necho not a photograph\n'),
  });
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.payload).toContain('The file must be a photograph saved as JPEG, PNG or WebP.');
  // PNG's magic bytes in front of something that is not a PNG are refused by the decoder's check.
  const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
  expect((await upload(worker, child.id, { name: 'x.png', type: 'image/png', bytes: fake })).statusCode).toBe(400);
  expect(await stored(child.id)).toBeUndefined();
});

it('refuses a photograph of 5 MB or more with a sentence, and one past the upload limit too', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  const jpeg = await jpegWithExif();
  const over = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024 + 1 - jpeg.length)]);
  const res = await upload(worker, child.id, { name: 'big.jpg', type: 'image/jpeg', bytes: over });
  expect(res.statusCode).toBe(400);
  expect(res.payload).toContain('The photograph must be smaller than 5 MB.');
  const huge = await upload(worker, child.id, {
    name: 'huge.jpg',
    type: 'image/jpeg',
    bytes: Buffer.concat([jpeg, Buffer.alloc(7 * 1024 * 1024)]),
  });
  expect(huge.statusCode).toBe(413);
  expect(huge.payload).toContain('The photograph must be smaller than 5 MB.');
  expect(await stored(child.id)).toBeUndefined();
});

it('strips EXIF from a JPEG before keeping it', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  const jpeg = await jpegWithExif();
  expect(jpeg.includes(MARKER)).toBe(true);
  expect((await upload(worker, child.id, { name: 'phone.jpg', type: 'image/jpeg', bytes: jpeg })).statusCode).toBe(303);
  const row = await stored(child.id);
  expect(row?.content_type).toBe('image/jpeg');
  expect(row!.bytes.includes(MARKER)).toBe(false);
  expect(row!.bytes.includes('Exif')).toBe(false);
  const served = await app.server.inject({
    url: `/children/${child.id}/missing-profile/photo`,
    headers: { cookie: worker.cookie() },
  });
  expect(served.rawPayload.equals(row!.bytes)).toBe(true);
});

it('shows the photograph on the signed-link page, serves it by the same link, and never puts it in a text or an email', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 2 });
  expect(
    (await upload(worker, child.id, { name: 'phone.jpg', type: 'image/jpeg', bytes: await jpegWithExif() })).statusCode,
  ).toBe(303);
  const bytes = (await stored(child.id))!.bytes;
  const episode = await reportMissing(app, child.id);
  await app.services.dispatcher.drain();
  const [police] = await q(
    `SELECT body_text FROM notifications WHERE episode_id = $1 AND step_key = 'report_police#0' AND channel = 'sms'`,
    [episode.id],
  );
  const link = new RegExp(`${PUBLIC_BASE_URL}(/p/[A-Za-z0-9_-]+)`).exec(police.body_text)![1];
  const page = await app.server.inject({ url: link });
  expect(page.statusCode).toBe(200);
  expect(page.payload).toContain(`<img class="app-profile-photo" src="${link}/photo"`);
  const photo = await app.server.inject({ url: `${link}/photo` });
  expect(photo.statusCode).toBe(200);
  expect(photo.headers['content-type']).toBe('image/jpeg');
  expect(photo.headers['cache-control']).toBe('no-store');
  expect(photo.rawPayload.equals(bytes)).toBe(true);
  expect(
    (await app.server.inject({ url: `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}/photo` })).statusCode,
  ).toBe(404);

  const rows: Record<string, unknown>[] = await q(
    `SELECT channel, subject, body_text, body_html, data::text AS data, attachments::text AS attachments
    FROM notifications WHERE episode_id = $1`,
    [episode.id],
  );
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.filter((r) => r.body_text === null)).toEqual([]);
  const base64 = bytes.subarray(0, 48).toString('base64');
  const leaks = rows.filter(
    (r) => JSON.stringify(r).match(/\/photo|data:image|<img/) || JSON.stringify(r).includes(base64),
  );
  expect(leaks).toEqual([]);
  const sms = t.twilio.messages.filter((m) => m.body.includes(episode.reference));
  expect(sms.length).toBeGreaterThan(0);
  expect(sms.filter((m) => /\/photo|data:image/.test(m.body))).toEqual([]);
  const mails = t.smtp.messages.filter((m) => `${m.mail.subject}${m.mail.text}`.includes(episode.reference));
  expect(mails.length).toBeGreaterThan(0);
  expect(
    mails.filter(
      (m) =>
        /\/photo|data:image|<img/.test(`${m.mail.text}${m.mail.html || ''}`) ||
        m.mail.attachments.some((a) => a.contentType.startsWith('image/')),
    ),
  ).toEqual([]);
});
