// The meeting cycle as members see it: the agenda pack arrives by real SMTP 7 days before the
// meeting, once (even with two instances running the job at the same moment), with a calendar
// invitation a calendar can read; overdue actions are chased at most once a day.
import { demoChildren, demoGuardians, demoRoles, otherBoroughChild } from '../../seeds/demo-data';
import { entities } from '../../src/entities';
import { createDataSource } from '../../src/platform/database/data-source';
import { wallClock, zoneOffset } from '../../src/platform/wall-clock';
import { createServices } from '../../src/services';
import { bearer } from '../support/app';
import { ManualClock } from '../support/clock';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { at, days, episodeAt, nextMeeting } from '../support/group-fixtures';
import { component, icalUtc, parseIcal } from '../support/ical';
import { testLogger } from '../support/quiet-logger';

let t: DeliveryTestApp;
// The clock moves weeks ahead; tokens must outlive it.
beforeEach(async () => {
  t = await buildDeliveryTestApp({ TOKEN_TTL_HOURS: String(24 * 90) });
});
afterEach(async () => {
  await t.close();
});

const members = ['group.member@demo-borough.example.org', 'police@demo-borough.example.org', 'group@example.org'];
const packMails = () => t.smtp.messages.filter((m) => /agenda pack/.test(m.mail.subject ?? ''));
const names = [...demoChildren, otherBoroughChild].flatMap((c) => [c.firstNames, c.lastName]);

it('sends the pack to every member 7 days before the meeting, once, with an invitation for the meeting', async () => {
  const { app } = t;
  const meeting = await nextMeeting(app);
  app.clock.set(at(meeting.startsAt, -days(7) - 60_000));
  expect((await app.services.operationalGroupCycle.run()).packsSent).toBe(0);

  app.clock.set(at(meeting.startsAt, -days(7) + 60_000));
  expect(await app.services.operationalGroupCycle.run()).toMatchObject({ packsSent: 1, packEmails: 3 });
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(3);
  expect(
    packMails()
      .flatMap((m) => m.to)
      .sort(),
  ).toEqual([...members].sort());

  for (const { mail } of packMails()) {
    expect(mail.html).toContain('H9PX');
    expect(mail.html).toContain('CAD-1234-DEMO');
    expect(mail.text).toContain('E-H7KQ');
    for (const name of names) expect(`${mail.html} ${mail.text}`).not.toContain(name);
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0];
    expect(ics.contentType).toBe('text/calendar');
    expect((ics.headers.get('content-type') as { params: Record<string, string> }).params.method).toBe('REQUEST');
    const props = parseIcal(ics.content.toString('utf8'));
    expect(props.find((p) => p.name === 'METHOD')?.value).toBe('REQUEST');
    const event = component(props, 'VEVENT');
    expect(event.UID[0].value).toBe(`operational-group-meeting-${meeting.id}@alerts.example.org`);
    expect(icalUtc(event.DTSTART[0].value)).toEqual(meeting.startsAt);
    expect(icalUtc(event.DTEND[0].value).getTime()).toBeGreaterThan(meeting.startsAt.getTime());
    expect(event.ATTENDEE.map((a) => a.value.replace(/^mailto:/i, '')).sort()).toEqual([...members].sort());
  }

  // The job runs again (and again a day later): nothing more goes out.
  expect((await app.services.operationalGroupCycle.run()).packsSent).toBe(0);
  app.clock.advance(days(1));
  expect((await app.services.operationalGroupCycle.run()).packsSent).toBe(0);
  await app.services.dispatcher.drain();
  expect(packMails()).toHaveLength(3);

  // The pack is frozen into the meeting: the HTML endpoint shows what members received.
  const html = await app.server.inject({
    method: 'GET',
    url: `/api/v1/operational-group/meetings/${meeting.id}/pack.html`,
    headers: bearer(await app.tokenFor('group_member')),
  });
  expect(html.headers['content-type']).toMatch(/^text\/html/);
  expect(html.payload.trim()).toBe((packMails()[0].mail.html as string).trim());
});

it('the pack as members receive it names no person and carries no control character, only references and roles', async () => {
  const { app } = t;
  const meeting = await nextMeeting(app);
  const sendAt = at(meeting.startsAt, -days(7) + 60_000);
  const sql = (text: string, params: unknown[]) => app.db.dataSource.query(text, params);
  // PostgreSQL refuses NUL in text, so BEL stands for the other C0 codes here.
  const hostile = (s: string) => `${s}\u001b[2J\u0007\r\nBcc: evil@example.org\u2028END:VEVENT`;
  // Free text from an administrator, a carer's texts, a manager and the group itself.
  await sql('UPDATE operational_groups SET name = $1', [hostile('Demo group')]);
  await sql('UPDATE group_meetings SET location = $1 WHERE id = $2', [hostile('Room 2'), meeting.id]);
  await sql(`UPDATE children SET aliases = '{"Ami Alias"}' WHERE reference = 'K7Q2'`, []);
  const found = await episodeAt(app, {
    childRef: 'K7Q2',
    discovered: at(sendAt, -days(3)),
    returned: at(sendAt, -days(2)),
    closed: at(sendAt, -days(1)),
  });
  await sql('UPDATE missing_episodes SET returned_by = $1, close_reason = $2 WHERE reference = $3', [
    'Demo Carer',
    'Gwen Guardian brought her back',
    found,
  ]);
  await sql(`UPDATE group_actions SET description = $1`, [hostile('Check the phone arrangements for H9PX')]);
  await app.db.dataSource.transaction(async (tx) => {
    for (const [type, name] of [
      ['carer', 'Demo Carer'],
      ['guardian', demoGuardians.K7Q2.name],
    ] as const) {
      const n = await app.services.outbox.enqueue(tx, {
        authorityId: t.authorityId,
        channel: 'sms',
        template: 'missing-alert',
        data: {},
        recipient: { type, id: null, name, address: '+447700900101' },
      });
      await tx.query(
        `UPDATE notifications SET status = 'failed', last_error = 'Twilio reported undelivered (error 30003)', updated_at = $2 WHERE id = $1`,
        [n!.id, at(sendAt, -days(1))],
      );
    }
  });

  app.clock.set(sendAt);
  await app.services.operationalGroupCycle.run();
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(3);
  const { mail } = t.smtp.to('group@example.org')[0];
  const ics = mail.attachments[0].content.toString('utf8');
  const people = [...demoChildren, otherBoroughChild]
    .flatMap((c) => [c.firstNames, c.lastName])
    .concat(
      'Ami Alias',
      'Demo Carer',
      demoRoles.map((r) => r.name),
      Object.values(demoGuardians).map((g) => g.name),
      'Gwen',
    );
  for (const part of [mail.subject!, mail.text!, mail.html as string, ics]) {
    for (const name of people) expect(part).not.toContain(name);
  }
  for (const ref of ['H9PX', 'K7Q2', 'E-H7KQ', found, 'CAD-1234-DEMO', `CAD-${found}`])
    expect(mail.text).toContain(ref);
  expect(mail.text).toContain('owner Police,');
  expect(mail.text).toContain('sms to Foster carer or key worker (episode -)');
  expect(mail.html).toContain('sms to Guardian (episode -)');

  expect(mail.subject).toMatch(/^Demo group\[2J Bcc: evil@example.org END:VEVENT: agenda pack for the meeting on /);
  expect(mail.subject).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
  expect(mail.headers.has('bcc')).toBe(false);
  for (const body of [mail.text!, mail.html as string])
    expect(body).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/);
  expect(ics.replace(/\r\n /g, '').replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/);
  const event = component(parseIcal(ics), 'VEVENT');
  expect(event.LOCATION[0].value).toBe('Room 2[2J\\nBcc: evil@example.org\\nEND:VEVENT');
  expect(event.ATTENDEE.map((a) => a.params.CN).sort()).toEqual([
    'Operational group list',
    'Operational group member',
    'Police',
  ]);
});

it('two instances running the cycle at the same moment send the pack once', async () => {
  const { app } = t;
  const meeting = await nextMeeting(app);
  const when = at(meeting.startsAt, -days(7) + 60_000);
  app.clock.set(when);
  const otherDb = createDataSource(app.db.url, entities, 4);
  await otherDb.initialize();
  try {
    const other = createServices({
      db: otherDb,
      clock: new ManualClock(when),
      config: app.config,
      logger: testLogger(),
    });
    const [a, b] = await Promise.all([app.services.operationalGroupCycle.run(), other.operationalGroupCycle.run()]);
    await other.providers.email.close?.();
    expect(a.packsSent + b.packsSent).toBe(1);
    const rows = await app.db.dataSource.query(
      `SELECT address FROM notifications WHERE template = 'operational-group-pack' ORDER BY address`,
    );
    expect(rows.map((r: { address: string }) => r.address)).toEqual([...members].sort());
  } finally {
    await otherDb.destroy();
  }
});

it('the pack lists exactly the children of its window and the authority; later and late-committed episodes go on the next one', async () => {
  const { app } = t;
  const meeting = await nextMeeting(app);
  const sendAt = at(meeting.startsAt, -days(7) + 60_000);
  const [{ covers_to: from }] = await app.db.dataSource.query(
    `SELECT covers_to FROM group_meetings WHERE starts_at < $1 ORDER BY starts_at DESC LIMIT 1`,
    [meeting.startsAt],
  );
  // Before the window (on the last pack already), in it, still missing, another borough's, and after the pack went.
  const before = await episodeAt(app, {
    childRef: 'M4RT',
    discovered: at(from, -days(2)),
    returned: at(from, -days(1.5)),
    closed: at(from, -days(1)),
  });
  const repeat = [0, 3, 6].map((d) => at(sendAt, -days(20 - d)));
  const repeats = [];
  for (const d of repeat)
    repeats.push(
      await episodeAt(app, {
        childRef: 'M4RT',
        discovered: d,
        returned: at(d, days(1)),
        closed: at(d, days(1.5)),
        interviewHeld: true,
      }),
    );
  const stillOut = await episodeAt(app, { childRef: 'K7Q2', discovered: at(sendAt, -days(2)) });
  const overdueInterview = await episodeAt(app, {
    childRef: 'M4RT',
    discovered: at(sendAt, -days(6)),
    returned: at(sendAt, -days(5)),
  });
  const other = await episodeAt(app, {
    childRef: otherBoroughChild.reference,
    authority: 'OTHER',
    discovered: at(sendAt, -days(3)),
  });

  app.clock.set(sendAt);
  await app.services.operationalGroupCycle.run();
  const after = await episodeAt(app, { childRef: 'H9PX', discovered: at(sendAt, 60_000) });
  // Recorded a second before the pack froze, but committed after it; and a report backdated by a month.
  const lateCommit = await episodeAt(app, {
    childRef: 'K7Q2',
    discovered: at(sendAt, -days(40)),
    returned: at(sendAt, -days(39)),
    closed: at(sendAt, -days(39)),
    recorded: at(sendAt, -1000),
  });
  const backdated = await episodeAt(app, {
    childRef: 'M4RT',
    discovered: at(sendAt, -days(60)),
    returned: at(sendAt, -days(59)),
    closed: at(sendAt, -days(59)),
    recorded: at(sendAt, days(1)),
  });

  const res = await app.server.inject({
    method: 'GET',
    url: `/api/v1/operational-group/meetings/${meeting.id}/pack`,
    headers: bearer(await app.tokenFor('team_manager')),
  });
  const { pack, frozen } = res.result as {
    frozen: boolean;
    pack: Record<string, { childRef: string; episodes?: { episodeRef: string }[]; episodeRef?: string }[]>;
  };
  expect(frozen).toBe(true);
  const listed = pack.missingSinceLastMeeting
    .flatMap((c) => c.episodes!.map((e) => `${c.childRef} ${e.episodeRef}`))
    .sort();
  expect(listed).toEqual(
    [`H9PX E-H7KQ`, ...repeats.map((r) => `M4RT ${r}`), `M4RT ${overdueInterview}`, `K7Q2 ${stillOut}`].sort(),
  );
  expect(listed.join()).not.toContain(before);
  expect(listed.join()).not.toContain(other);
  expect(listed.join()).not.toContain(after);
  expect(pack.stillMissing.map((e) => `${e.childRef} ${e.episodeRef}`)).toEqual([`K7Q2 ${stillOut}`]);
  expect(pack.repeatMissers.map((c) => c.childRef)).toEqual(['M4RT']);
  expect(pack.returnInterviewsOverdue.map((e) => e.episodeRef)).toEqual([overdueInterview]);
  expect(pack.openActions).toHaveLength(1);

  // The episode opened after the pack went is on the following meeting's agenda.
  const following = at(meeting.startsAt, days(1));
  app.clock.set(following);
  await app.services.operationalGroupCycle.run();
  const next = await nextMeeting(app);
  const preview = await app.server.inject({
    method: 'GET',
    url: `/api/v1/operational-group/meetings/${next.id}/pack`,
    headers: bearer(await app.tokenFor('team_manager')),
  });
  const nextPack = preview.result as {
    frozen: boolean;
    pack: { missingSinceLastMeeting: { episodes: { episodeRef: string }[] }[] };
  };
  expect(nextPack.frozen).toBe(false);
  expect(nextPack.pack.missingSinceLastMeeting.flatMap((c) => c.episodes.map((e) => e.episodeRef)).sort()).toEqual(
    [after, lateCommit, backdated].sort(),
  );
});

it('chases an overdue action by email at most once a day, and stops when it is done', async () => {
  const { app } = t;
  const chasers = () => t.smtp.messages.filter((m) => /Overdue operational group action/.test(m.mail.subject ?? ''));
  // The demo action was chased when the demo data was loaded today.
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(0);
  // "A day" is a London calendar day: tomorrow at 09:00, then the same afternoon.
  app.clock.set(londonNineAm(app.clock.now(), 1));
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(1);
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(0);
  app.clock.advanceHours(6);
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(0);
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(1);
  expect(chasers().map((m) => m.to)).toEqual([['police@demo-borough.example.org']]);
  expect(chasers()[0].mail.text).toContain('H9PX');

  app.clock.advance(days(1));
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(1);
  const [{ id }] = await app.db.dataSource.query('SELECT id FROM group_actions WHERE completed_at IS NULL');
  const done = await app.server.inject({
    method: 'POST',
    url: `/api/v1/operational-group/actions/${id}/complete`,
    payload: { note: 'Checked' },
    headers: bearer(await app.tokenFor('group_member')),
  });
  expect(done.statusCode).toBe(200);
  app.clock.advance(days(1));
  expect((await app.services.operationalGroupCycle.run()).actionsChased).toBe(0);
});

/** 09:00 in London, `daysLater` calendar days after the London date of `from`. */
function londonNineAm(from: Date, daysLater: number): Date {
  const local = wallClock(from, 'Europe/London');
  const guess = Date.UTC(local.year, local.month - 1, local.day + daysLater, 9);
  return new Date(guess - zoneOffset(new Date(guess), 'Europe/London'));
}
