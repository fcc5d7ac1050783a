// Invitations that follow the meeting, as members' calendars receive them by real SMTP and an
// independent parser (node-ical) reads them: after the pack (SEQUENCE 0), a moved meeting and a new
// place each send an update under the same UID with a higher SEQUENCE, and a cancellation sends
// METHOD:CANCEL; the organiser is the configured coordinator, who is asked for replies.
import * as nodeIcal from 'node-ical';

import { bearer } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { at, days, nextMeeting } from '../support/group-fixtures';

let t: DeliveryTestApp;
afterEach(async () => {
  await t.close();
});

const members = ['group.member@demo-borough.example.org', 'police@demo-borough.example.org', 'group@example.org'];

interface Read {
  method: string;
  uid: string;
  sequence: number;
  start: string;
  location: string;
  status: string;
  organizer: string;
  rsvp: string[];
}

/** Every .ics the group list has received so far, in order, as node-ical reads it. */
function calendarsReceived(): Read[] {
  return t.smtp
    .to('group@example.org')
    .flatMap(({ mail }) => mail.attachments.filter((a) => a.contentType === 'text/calendar'))
    .map((a) => {
      const parsed = nodeIcal.sync.parseICS(a.content.toString('utf8'));
      const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as nodeIcal.VEvent &
        Record<string, unknown>;
      const attendees = ([] as { params: { RSVP: unknown } }[]).concat(event.attendee as never);
      return {
        method: (parsed.vcalendar as unknown as { method: string }).method,
        uid: event.uid,
        sequence: Number(event.sequence),
        start: new Date(event.start).toISOString(),
        location: String(event.location ?? ''),
        status: String(event.status),
        organizer: (event.organizer as unknown as { val: string }).val,
        rsvp: attendees.map((x) => String(x.params.RSVP).toUpperCase()),
      };
    });
}

async function patch(meetingId: string, payload: object) {
  const { app } = t;
  const res = await app.server.inject({
    method: 'PATCH',
    url: `/api/v1/operational-group/meetings/${meetingId}`,
    payload,
    headers: bearer(await app.tokenFor('team_manager')),
  });
  expect(res.statusCode).toBe(200);
  await app.services.dispatcher.drain();
}

async function packSent(): Promise<{ id: string; startsAt: Date }> {
  const { app } = t;
  const meeting = await nextMeeting(app);
  app.clock.set(at(meeting.startsAt, -days(7) + 60_000));
  await app.services.operationalGroupCycle.run();
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(3);
  return meeting;
}

it('a moved meeting and a new place send updates (same UID, higher SEQUENCE); a cancellation sends METHOD:CANCEL', async () => {
  t = await buildDeliveryTestApp({
    TOKEN_TTL_HOURS: String(24 * 90),
    GROUP_ORGANIZER_EMAIL: 'coordinator@demo-borough.example.org',
  });
  const meeting = await packSent();
  const [pack] = calendarsReceived();
  expect(pack).toMatchObject({
    method: 'REQUEST',
    sequence: 0,
    status: 'CONFIRMED',
    organizer: 'mailto:coordinator@demo-borough.example.org',
  });
  expect(pack.rsvp).toEqual(['TRUE', 'TRUE', 'TRUE']);

  // Minutes are not something a calendar holds: nothing is sent.
  await patch(meeting.id, { minutes: 'Draft agenda notes' });
  expect(calendarsReceived()).toHaveLength(1);

  const movedTo = at(meeting.startsAt, days(1));
  await patch(meeting.id, { startsAt: movedTo.toISOString() });
  await t.smtp.waitFor(6);
  await patch(meeting.id, { location: 'Room 5, Civic Centre' });
  await t.smtp.waitFor(9);
  await patch(meeting.id, { status: 'cancelled' });
  await t.smtp.waitFor(12);

  const [, moved, relocated, cancel] = calendarsReceived();
  expect(moved).toMatchObject({ method: 'REQUEST', uid: pack.uid, start: movedTo.toISOString(), status: 'CONFIRMED' });
  expect(moved.sequence).toBeGreaterThan(pack.sequence);
  expect(relocated).toMatchObject({ method: 'REQUEST', uid: pack.uid, location: 'Room 5, Civic Centre' });
  expect(relocated.sequence).toBeGreaterThan(moved.sequence);
  expect(cancel).toMatchObject({ method: 'CANCEL', uid: pack.uid, status: 'CANCELLED' });
  expect(cancel.sequence).toBeGreaterThan(relocated.sequence);

  // Every member received each one, with the copy from templates/ and the method on the attachment's type.
  const invitesTo = (address: string) =>
    t.smtp
      .to(address)
      .map((m) => m.mail)
      .filter((m) => m.attachments.some((a) => a.contentType === 'text/calendar'));
  for (const address of members) expect(invitesTo(address)).toHaveLength(4);
  const last = invitesTo('police@demo-borough.example.org')[3];
  expect(last.subject).toMatch(/: the meeting on .* is cancelled$/);
  expect((last.attachments[0].headers.get('content-type') as { params: Record<string, string> }).params.method).toBe(
    'CANCEL',
  );
  const change = invitesTo('police@demo-borough.example.org')[2];
  expect(change.text).toContain('Room 5, Civic Centre');
  expect(change.text).toContain('coordinator@demo-borough.example.org');
});

it('without GROUP_ORGANIZER_EMAIL no reply is asked, and a change before the pack goes only raises the SEQUENCE the pack carries', async () => {
  t = await buildDeliveryTestApp({ TOKEN_TTL_HOURS: String(24 * 90) });
  const meeting = await nextMeeting(t.app);
  await patch(meeting.id, { location: 'Room 7' });
  expect(t.smtp.messages).toHaveLength(0);
  await packSent();
  const [pack] = calendarsReceived();
  expect(pack).toMatchObject({
    method: 'REQUEST',
    sequence: 1,
    location: 'Room 7',
    organizer: 'mailto:alerts@example.org',
  });
  expect(pack.rsvp).toEqual(['FALSE', 'FALSE', 'FALSE']);
});
