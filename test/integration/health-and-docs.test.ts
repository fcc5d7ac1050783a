// Health checks for load balancers, and the OpenAPI documentation of every API route.
import { buildTestApp, TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

it('says the process is alive and the database reachable', async () => {
  expect((await app.server.inject('/health')).result).toEqual({ status: 'ok' });
  const ready = await app.server.inject('/health/ready');
  expect(ready.statusCode).toBe(200);
  expect(ready.result).toEqual({ status: 'ok', checks: { database: 'up' } });
});

it('answers 503 naming the database when it is down', async () => {
  const broken = await buildTestApp();
  await broken.db.dataSource.destroy();
  try {
    const res = await broken.server.inject('/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.result).toEqual({
      status: 'unavailable',
      checks: { database: 'down' },
      message: 'Not ready: database is down.',
    });
  } finally {
    await broken.close();
  }
});

it('documents every /api route in the OpenAPI JSON and serves the documentation page', async () => {
  const spec = (await app.server.inject('/swagger.json')).result as { paths: Record<string, Record<string, unknown>> };
  const documented = new Set(
    Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
  );
  const apiRoutes = app.server
    .table()
    .filter((r) => r.path.startsWith('/api/'))
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
  expect(apiRoutes.length).toBeGreaterThan(30);
  expect(apiRoutes.filter((r) => !documented.has(r))).toEqual([]);
  const page = await app.server.inject('/documentation');
  expect(page.statusCode).toBe(200);
  expect(page.payload).toContain('swagger');
});
