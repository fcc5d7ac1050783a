// The sentence refusing an overlapping episode gives its times as people read them, in the
// authority's zone (Europe/London), never as a raw UTC timestamp.
import { formatDateTime } from '../../src/platform/views/format';
import { buildTestApp, TestApp } from '../support/app';
import { childPlaced, post, reportMissing } from '../support/escalation-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

it('names the previous episode and when it ended in London time', async () => {
  const child = await childPlaced(app, { trafficking: 'suspected', daysAgo: 20 });
  const e = await reportMissing(app, child.id);
  const returnedAt = app.clock.now();
  await post(app, `/api/v1/episodes/${e.id}/return`, { returnedAt: returnedAt.toISOString() });
  const overlap = await post(app, `/api/v1/children/${child.id}/episodes`, {
    kind: 'M',
    discoveredAt: new Date(returnedAt.getTime() - 3_600_000).toISOString(),
  });
  expect(overlap.statusCode).toBe(409);
  const { message } = overlap.result as { message: string };
  expect(message).toBe(
    `Episodes cannot overlap: the child's previous episode ${e.reference} ran until ` +
      `${formatDateTime(returnedAt, 'Europe/London')}, after the discovery time given.`,
  );
  expect(message).not.toMatch(/\d{4}-\d\d-\d\dT/);
});
