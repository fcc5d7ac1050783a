// The sweep job's run coordinator: of several instances asking to run the same minute's slot,
// exactly one is told yes; the next slot is free again.
import { PostgresRunCoordinator } from '../../src/platform/scheduler/run-coordinator';
import { buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

it('lets one instance run each slot', async () => {
  const instances = [1, 2, 3, 4].map(() => new PostgresRunCoordinator(app.db.dataSource, app.clock));
  const first = await Promise.all(
    instances.map((c) => c.shouldRun('escalation-sweep:2026-11-23T02:00:00.000Z', 60_000)),
  );
  expect(first.filter(Boolean)).toHaveLength(1);
  const next = await Promise.all(
    instances.map((c) => c.shouldRun('escalation-sweep:2026-11-23T02:01:00.000Z', 60_000)),
  );
  expect(next.filter(Boolean)).toHaveLength(1);
});
