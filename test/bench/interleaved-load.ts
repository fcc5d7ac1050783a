// Compares two servers fairly on a shared machine: short load windows of each in turn (both
// processes running throughout, order alternating A B B A ...), summed per server, so a burst of
// someone else's work lands on both sides instead of on whichever was measured at the time. Also
// the CPU each side's windows used, in the server process and in PostgreSQL, per successful read:
// wall-clock rates move with the machine's load, CPU per read says what a read costs.
import { postgresTicksByProcess, postgresTicksSince, processTicks } from './cpu-meter';
import { load } from './http-load';

export interface LoadTarget {
  url: string;
  pid: number;
  headers?: Record<string, string>;
}
export interface SideFigures {
  perSecond: number;
  reads: number;
  seconds: number;
  processMsPerRead: number;
  postgresMsPerRead: number | null;
}
export interface InterleavedFigures {
  a: SideFigures;
  b: SideFigures;
  roundRatios: number[];
}

interface Tally {
  ok: number;
  seconds: number;
  processTicks: number;
  postgresTicks: number;
}

async function window(
  target: LoadTarget,
  tally: Tally,
  postmaster: string | null,
  connections: number,
  seconds: number,
): Promise<number> {
  const p0 = processTicks(target.pid);
  const pg0 = postmaster ? postgresTicksByProcess(postmaster) : null;
  const r = await load(target.url, { connections, seconds, headers: target.headers });
  tally.processTicks += processTicks(target.pid) - p0;
  if (postmaster && pg0) tally.postgresTicks += postgresTicksSince(postmaster, pg0);
  tally.ok += r.ok;
  tally.seconds += r.seconds;
  return r.perSecond;
}

function figures(t: Tally, postmaster: string | null): SideFigures {
  const perRead = (ticks: number) => (t.ok ? (ticks * 10) / t.ok : NaN);
  return {
    perSecond: t.ok / t.seconds,
    reads: t.ok,
    seconds: t.seconds,
    processMsPerRead: perRead(t.processTicks),
    postgresMsPerRead: postmaster ? perRead(t.postgresTicks) : null,
  };
}

/** `rounds` rounds of one `windowSeconds` window of each target, after a warm-up of each. */
export async function interleavedLoad(
  a: LoadTarget,
  b: LoadTarget,
  { postmaster = null as string | null, connections = 16, rounds = 8, windowSeconds = 1, warmupSeconds = 2 } = {},
): Promise<InterleavedFigures> {
  await load(a.url, { connections, seconds: warmupSeconds, headers: a.headers });
  await load(b.url, { connections, seconds: warmupSeconds, headers: b.headers });
  const ta: Tally = { ok: 0, seconds: 0, processTicks: 0, postgresTicks: 0 };
  const tb: Tally = { ok: 0, seconds: 0, processTicks: 0, postgresTicks: 0 };
  const roundRatios: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    let ra: number;
    let rb: number;
    if (i % 2 === 0) {
      ra = await window(a, ta, postmaster, connections, windowSeconds);
      rb = await window(b, tb, postmaster, connections, windowSeconds);
    } else {
      rb = await window(b, tb, postmaster, connections, windowSeconds);
      ra = await window(a, ta, postmaster, connections, windowSeconds);
    }
    roundRatios.push(ra / rb);
  }
  return { a: figures(ta, postmaster), b: figures(tb, postmaster), roundRatios };
}
