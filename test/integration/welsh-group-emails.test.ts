// The operational group's emails in each member's language (issue 29), as they arrive by real SMTP: a
// member who chose Cymraeg gets the agenda pack and a meeting's change in Welsh only; one whose language
// is not recorded gets both, the authority's first language first.
import { bearer } from '../support/app';
import { buildDeliveryTestApp, DeliveryTestApp } from '../support/delivery';
import { at, days, nextMeeting } from '../support/group-fixtures';

let t: DeliveryTestApp;
afterEach(async () => {
  await t.close();
});

/** The mails with a calendar invitation (the pack, then each change) a member has received, in order. */
const mailTo = (address: string) =>
  t.smtp
    .to(address)
    .map((m) => m.mail)
    .filter((m) => m.attachments.some((a) => a.contentType === 'text/calendar'));

it('sends a Welsh-speaking member the pack and a change of place in Welsh, and the list both languages', async () => {
  t = await buildDeliveryTestApp({ TOKEN_TTL_HOURS: String(24 * 90) });
  const { app } = t;
  await app.db.dataSource.query(`UPDATE users SET language = 'cy' WHERE email = 'police@demo-borough.example.org'`);
  await app.db.dataSource.query(
    `UPDATE local_authorities SET language = 'welsh_first' WHERE id = (SELECT authority_id FROM users WHERE email = $1)`,
    ['police@demo-borough.example.org'],
  );
  await app.db.dataSource.query(`UPDATE contacts SET language = NULL WHERE email = 'group@example.org'`);

  const meeting = await nextMeeting(app);
  app.clock.set(at(meeting.startsAt, -days(7) + 60_000));
  await app.services.operationalGroupCycle.run();
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(4);

  const [welsh] = mailTo('police@demo-borough.example.org');
  expect(welsh.subject).toMatch(/: pecyn agenda ar gyfer y cyfarfod ar /);
  expect(welsh.subject).not.toMatch(/agenda pack/);
  expect(welsh.html).toMatch(/^<!doctype html>\s*<html lang="cy">/);
  expect(welsh.text).toContain('1. PLANT A AETH AR GOLL ERS Y CYFARFOD DIWETHAF');
  expect(welsh.text).toContain('E-H7KQ');
  expect(welsh.text).not.toMatch(/CHILDREN STILL MISSING|This message contains/);
  expect(welsh.attachments).toHaveLength(1);

  const [both] = mailTo('group@example.org');
  expect(both.subject).toMatch(/pecyn agenda .* \/ .*agenda pack/);
  const text = String(both.text);
  expect(text.indexOf('PLANT SY')).toBeLessThan(text.indexOf('CHILDREN STILL MISSING'));
  expect(both.html).toMatch(/<div lang="cy">[\s\S]*<hr>\s*<div lang="en">/);

  const res = await app.server.inject({
    method: 'PATCH',
    url: `/api/v1/operational-group/meetings/${meeting.id}`,
    payload: { location: 'Ystafell 5, Canolfan Ddinesig' },
    headers: bearer(await app.tokenFor('team_manager')),
  });
  expect(res.statusCode).toBe(200);
  await app.services.dispatcher.drain();
  await t.smtp.waitFor(7);
  const change = mailTo('police@demo-borough.example.org')[1];
  expect(change.subject).toMatch(/: mae'r cyfarfod wedi newid, bellach /);
  expect(change.text).toContain("Mae'r cyfarfod bellach ar");
  expect(change.text).toContain('Ystafell 5, Canolfan Ddinesig');
  expect(change.text).not.toMatch(/meeting has changed|The attached invitation/);
});
