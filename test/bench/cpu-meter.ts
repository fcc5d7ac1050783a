// CPU time a measured stretch used, in this process and in the PostgreSQL server's processes (on
// Linux, from /proc; elsewhere PostgreSQL's share is not known). Wall time on a shared 2-core
// machine moves with whatever else runs; CPU time says what the work itself costs.
import { readdirSync, readFileSync } from 'node:fs';

import type { DataSource } from 'typeorm';

export interface CpuUse {
  nodeMs: number;
  postgresMs: number | null;
}

function statFields(pid: string): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return null;
  }
}

/** CPU ticks (user + system, 100 a second) one process has used so far; 0 once it has gone. */
export function processTicks(pid: number | string): number {
  const f = statFields(String(pid));
  return f ? Number(f[11]) + Number(f[12]) : 0;
}

/**
 * Ticks so far of each child of the postmaster: backends, walwriter, checkpointer... (fields 14 and 15 are utime and
 * stime in ticks, 100 a second).
 */
export function postgresTicksByProcess(postmaster: string): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const f = statFields(pid);
    if (f && f[1] === postmaster) ticks.set(pid, Number(f[11]) + Number(f[12]));
  }
  return ticks;
}

export function postgresTicks(postmaster: string): number {
  let ticks = 0;
  for (const t of postgresTicksByProcess(postmaster).values()) ticks += t;
  return ticks;
}

/**
 * Ticks used since `before` by the processes alive now (a backend that exited in between takes its whole count with it,
 * so it is not subtracted).
 */
export function postgresTicksSince(postmaster: string, before: Map<string, number>): number {
  let ticks = 0;
  for (const [pid, t] of postgresTicksByProcess(postmaster)) ticks += t - (before.get(pid) ?? 0);
  return ticks;
}

/** The PostgreSQL server process behind a connection (Linux only; null elsewhere). */
export async function postmasterOf(db: DataSource): Promise<string | null> {
  const [{ pid }] = await db.query('SELECT pg_backend_pid() AS pid');
  return process.platform === 'linux' ? (statFields(String(pid))?.[1] ?? null) : null;
}

export async function startCpuMeter(db: DataSource): Promise<() => CpuUse> {
  const postmaster = await postmasterOf(db);
  const pg0 = postmaster ? postgresTicks(postmaster) : 0;
  const node0 = process.cpuUsage();
  return () => {
    const node = process.cpuUsage(node0);
    return {
      nodeMs: Math.round((node.user + node.system) / 1000),
      postgresMs: postmaster ? (postgresTicks(postmaster) - pg0) * 10 : null,
    };
  };
}
