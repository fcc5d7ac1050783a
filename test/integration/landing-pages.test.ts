// Each demo role's landing page answers "what needs me now" while K7Q2 is missing: police and CEOP
// see the episodes alerted to them with Acknowledge (CEOP never reads "No child is missing" while one
// is), the administrator the whole authority, carers and guardians their children, group members the
// next pack and their actions; and the child's own pages open with the missing banner.
import { fieldsFor } from '../../src/platform/views/date-time-fields';
import { buildTestApp, TestApp } from '../support/app';
import { PageSession, pageSession } from '../support/pages';
import { demoChildId } from '../support/records';

const HOUR = 3_600_000;
let app: TestApp;
let sw: PageSession;
let childId: string;
let episodeId: string;
let reference: string;
beforeAll(async () => {
  app = await buildTestApp();
  sw = await pageSession(app, 'social_worker');
  childId = await demoChildId(app, 'K7Q2');
  const reported = await sw.post(`/children/${childId}/report-missing`, {
    kind: 'M',
    ...fieldsFor(app.clock.now(), 'Europe/London', 'discovered'),
    lastSeenWhere: 'Bus stop',
  });
  episodeId = /^\/episodes\/([0-9a-f-]{36})/.exec(String(reported.headers.location))![1];
  reference = /Episode (E-[A-Z0-9]+)/.exec((await sw.get(`/episodes/${episodeId}`)).payload)![1];
  await app.services.escalation.sweep();
});
afterAll(async () => {
  await app.close();
});

const section = (page: string, id: string) => new RegExp(`id="${id}"[\\s\\S]*?(?=<h2|$)`).exec(page)?.[0] ?? '';

describe('before CEOP is alerted (under 48 hours)', () => {
  it("CEOP's landing page says nothing has been escalated to CEOP, never that no child is missing", async () => {
    const page = (await (await pageSession(app, 'ceop')).get('/')).payload;
    expect(page).toContain('Missing children alerted to you');
    expect(page).toContain('No missing child has been escalated to CEOP.');
    expect(page).not.toContain('No child is missing');
  });

  it('the police landing page lists the alerted episode with an Acknowledge button that works', async () => {
    const police = await pageSession(app, 'police');
    const page = (await police.get('/')).payload;
    expect(section(page, 'missing-now')).toContain('Child K7Q2');
    expect(page).toContain(`Acknowledge episode ${reference}`);
    expect(page).toContain('Waiting for you to acknowledge: Police control room told');
    const ack = await police.post(`/episodes/${episodeId}/acknowledge`, { stepKey: 'report_police' });
    expect(ack.statusCode).toBe(303);
    expect((await police.get('/')).payload).not.toContain(`Acknowledge episode ${reference}`);
  });

  it("the administrator's landing page shows the whole authority: the child missing, by reference only", async () => {
    const page = (await (await pageSession(app, 'administrator')).get('/')).payload;
    expect(page).not.toContain('No child is missing');
    expect(section(page, 'missing-now')).toContain('Child K7Q2');
    expect(section(page, 'missing-now')).not.toContain('Amira');
    expect(page).not.toContain(`href="/episodes/${episodeId}"`);
    expect(section(page, 'needs-you')).toContain('1 missing now');
  });

  it('the carer sees their child missing with the episode, and no report link for her', async () => {
    const page = (await (await pageSession(app, 'carer')).get('/')).payload;
    const cared = section(page, 'cared-for') || page;
    expect(cared).toMatch(
      new RegExp(
        `Amira Example \\(K7Q2\\):\\s*<strong class="govuk-tag govuk-tag--red">Missing now</strong> Episode ${reference}`,
      ),
    );
    expect(page).not.toContain('Report Amira Example missing');
  });

  it('the guardian sees the children they guard, K7Q2 missing now with a link to the episode', async () => {
    const page = (await (await pageSession(app, 'guardian')).get('/')).payload;
    expect(section(page, 'guarded')).toMatch(/K7Q2:\s*<strong class="govuk-tag govuk-tag--red">Missing now<\/strong>/);
    expect(section(page, 'guarded')).toContain(`Episode ${reference}`);
  });

  it('a group member sees the next meeting (its pack) and their actions', async () => {
    const page = (await (await pageSession(app, 'group_member')).get('/')).payload;
    expect(section(page, 'next-meeting')).toMatch(/href="\/operational-group\/meetings\/[0-9a-f-]{36}"/);
    expect(page).toContain('id="my-actions"');
  });

  it('a team manager sees what needs them now, counted, before the lists', async () => {
    const page = (await (await pageSession(app, 'team_manager')).get('/')).payload;
    expect(section(page, 'needs-you')).toContain('1 missing now');
    expect(page.indexOf('id="needs-you"')).toBeLessThan(page.indexOf('id="missing-now"'));
  });
});

describe("the child's own pages", () => {
  it('open with the missing banner before the heading, and no red "Report missing" on her record', async () => {
    for (const path of ['', '/missing-profile', '/plans/new', '/edit']) {
      const page = (await sw.get(`/children/${childId}${path}`)).payload;
      const banner = page.indexOf('id="missing-banner"');
      expect(banner).toBeGreaterThan(-1);
      expect(banner).toBeLessThan(page.indexOf('<h1'));
      expect(page).toContain(`Missing now: episode ${reference}`);
      expect(page).toContain(`href="/episodes/${episodeId}"`);
    }
    const record = (await sw.get(`/children/${childId}`)).payload;
    expect(record).toMatch(/Risk: High from the first minute/);
    expect(record).not.toContain('Report Amira Example missing');
  });

  it('is not shown on the pages of a child who is not missing, nor on a refusal', async () => {
    const other = (await sw.get(`/children/${await demoChildId(app, 'M4RT')}`)).payload;
    expect(other).not.toContain('id="missing-banner"');
    expect(other).toMatch(/Report [^<]+ missing/);
    const refused = await (await pageSession(app, 'group_member')).get(`/children/${childId}/plans/new`);
    expect(refused.statusCode).toBe(403);
    expect(refused.payload).not.toContain('id="missing-banner"');
  });

  it('answers a child path that is not an id (a NUL, a word) with the page for bad input, never a 500', async () => {
    for (const id of ['%00', 'not-an-id', '%E2%80%AE']) {
      for (const path of ['', '/edit', '/plans/new']) {
        const res = await sw.get(`/children/${id}${path}`);
        expect([400, 404]).toContain(res.statusCode);
        expect(res.payload).not.toContain('id="missing-banner"');
      }
    }
  });
});

describe('after 48 hours still missing', () => {
  it("CEOP's landing page lists the child with Acknowledge", async () => {
    app.clock.advance(48 * HOUR + 60_000);
    await app.services.escalation.sweep();
    const page = (await (await pageSession(app, 'ceop')).get('/')).payload;
    expect(section(page, 'missing-now')).toContain('Child K7Q2');
    expect(page).toContain(`Acknowledge episode ${reference}`);
    expect(page).toContain('CEOP and senior manager told (missing 48 hours)');
    expect(page).not.toContain('No missing child has been escalated to CEOP.');
  });
});
