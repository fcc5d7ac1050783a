// The real service as `npm start` runs it, with its own embedded PostgreSQL: a start that fails after
// the database is up (here: the port is taken) stops that PostgreSQL and says why on stderr, and
// SIGTERM lets a request in flight finish before everything stops and exits 0.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../support/ports';
import { serviceNodeFlags, ServiceProcess } from '../support/service-process';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '..', '..');
const dataDirs: string[] = [];

function scratchDataDir(): string {
  const dir = path.join(os.tmpdir(), `mc-start-stop-${randomBytes(4).toString('hex')}`);
  dataDirs.push(dir);
  return dir;
}

/** Processes whose command line names the data directory: the postgres server and its workers. */
function postgresFor(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
      } catch {
        return false; // ended while we looked
      }
    })
    .map(Number);
}

const serviceEnv = async (dataDir: string) => ({
  EMBEDDED_PG_DIR: dataDir,
  EMBEDDED_PG_PORT: String(await freePort()),
  DEMO_DATA: '0',
  NODE_ENV: 'development',
});

afterAll(() => {
  for (const dir of dataDirs) {
    for (const pid of postgresFor(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.password`, { force: true });
    rmSync(`${dir}.app-password`, { force: true });
  }
});

it('stops its embedded PostgreSQL and exits non-zero, saying why, when the port is taken', async () => {
  const blocker = net.createServer();
  const port = await new Promise<number>((resolve) =>
    blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
  );
  const dataDir = scratchDataDir();
  try {
    const child = spawn(
      process.execPath,
      [...serviceNodeFlags(), '--import', 'tsx', path.join(root, 'src', 'main.ts')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LOG_LEVEL: 'warn',
          ...(await serviceEnv(dataDir)),
          HOST: '127.0.0.1',
          PORT: String(port),
        },
      },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    expect(code).toBe(1);
    expect(stderr).toMatch(/The service could not start: .*(EADDRINUSE|address already in use)/);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true); // the database had started
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(postgresFor(dataDir)).toEqual([]);
  } finally {
    blocker.close();
  }
});

it('on SIGTERM finishes the request in flight, then stops everything and exits 0', async () => {
  const dataDir = scratchDataDir();
  const service = await ServiceProcess.start({
    env: await serviceEnv(dataDir),
    fromSource: true,
    name: 'start-and-stop',
  });
  expect(postgresFor(dataDir).length).toBeGreaterThan(0);

  const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the password at all' });
  const socket = net.connect(service.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let answer = '';
  socket.on('data', (c: Buffer) => {
    answer += c;
  });
  const closed = new Promise((resolve) => socket.once('close', resolve));
  // Headers and half the body: hapi has the request, and is waiting for the rest when SIGTERM arrives.
  socket.write(
    `POST /api/v1/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const exited = service.stop('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(service.alive).toBe(true); // draining, not gone
  socket.write(body.slice(10)); // not end(): a half-closed client has its request aborted by node
  await closed;

  expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  await exited;
  expect(service.child.exitCode).toBe(0);
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  expect(postgresFor(dataDir)).toEqual([]);
});

it('refuses to start on an embedded PostgreSQL another running service is using, and leaves that service working', async () => {
  const dataDir = scratchDataDir();
  const env = await serviceEnv(dataDir);
  const first = await ServiceProcess.start({ env, fromSource: true, name: 'first' });
  try {
    const second = spawn(
      process.execPath,
      [...serviceNodeFlags(), '--import', 'tsx', path.join(root, 'src', 'main.ts')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LOG_LEVEL: 'warn',
          ...env,
          PORT: String(await freePort()),
        },
      },
    );
    let stderr = '';
    second.stderr.on('data', (c: Buffer) => {
      stderr += c;
    });
    second.stdout.resume();
    // Without the guard the second would take the database over and keep running: wait a bounded time.
    const code = await Promise.race([
      new Promise<number | null>((resolve) => second.once('exit', resolve)),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running after 90 s'), 90_000).unref()),
    ]);
    if (second.exitCode === null) second.kill('SIGKILL');

    expect(code).toBe(1);
    expect(stderr).toMatch(/Another service \(process \d+\) is using the embedded PostgreSQL/);
    // The first service's database was not stopped: it still reaches it.
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
  } finally {
    await first.stop('SIGTERM');
  }
});
