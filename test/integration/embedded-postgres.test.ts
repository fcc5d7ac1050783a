// The embedded PostgreSQL as a developer meets it: a run killed with SIGKILL leaves its server
// running with postmaster.pid behind; the next run must clear it and come up on the same data.
// Each run is a real child process (node --import tsx), as `npm start` would be.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { chooseDataDir, isAlive as alive } from '../../src/platform/database/postgres-host';
import { freePort } from '../support/ports';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'test', 'support', 'embedded-pg-script.ts');
const dataDir = path.join(os.tmpdir(), `mc-embedded-test-${randomBytes(4).toString('hex')}`);
const runs: ChildProcess[] = [];
const scratch: string[] = [];

function startRun(port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  runs.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.stderr!.on('data', (c: Buffer) => {
      err += c;
    });
    child.once('exit', (code) => reject(new Error(`embedded-pg-script exited (${code}) before starting: ${err}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

const serverPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const child of runs) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (existsSync(path.join(dataDir, 'postmaster.pid')) && alive(serverPid())) process.kill(serverPid(), 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.password`, { force: true });
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

it('recovers from a run killed with SIGKILL, keeping the data, and stops cleanly', async () => {
  const port = await freePort();
  const first = await startRun(port);
  await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the crash')");
  const orphan = serverPid();

  first.child.kill('SIGKILL');
  await exited(first.child);
  expect(alive(orphan)).toBe(true); // the server outlives the killed run
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);

  const second = await startRun(port);
  expect(alive(orphan)).toBe(false);
  expect(serverPid()).not.toBe(orphan);
  expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'written before the crash' }]);

  const server = serverPid();
  second.child.kill('SIGTERM');
  expect(await exited(second.child)).toBe(0);
  expect(alive(server)).toBe(false);
  expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
}, 120_000);

describe('chooseDataDir', () => {
  const asRoot = os.userInfo().uid === 0;

  (asRoot ? it : it.skip)('moves the cluster under the temporary directory when its parent is private (0700)', () => {
    const private700 = mkdtempSync(path.join(os.tmpdir(), 'mc-private-'));
    scratch.push(private700);
    chmodSync(private700, 0o700);
    for (const preferred of [path.join(private700, 'pg'), path.join(private700, 'clone', '.data', 'pg')]) {
      const chosen = chooseDataDir(preferred);
      expect(chosen).not.toBe(preferred);
      expect(path.dirname(chosen)).toBe(os.tmpdir());
    }
  });

  it('keeps a directory the postgres user can reach, even before it exists', () => {
    const open = mkdtempSync(path.join(os.tmpdir(), 'mc-open-'));
    scratch.push(open);
    chmodSync(open, 0o755);
    const preferred = path.join(open, 'clone', '.data', 'pg');
    expect(chooseDataDir(preferred)).toBe(preferred);
  });
});
