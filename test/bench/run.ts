// `npm run bench`: every benchmark of the project in one run, one table (figure, value, unit, goal,
// pass/fail) on stdout and the same rows as JSON in test-artifacts/bench.json, to compare runs.
// Everything runs on 127.0.0.1 against throwaway databases, bounded in count and time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sweepBench } from './escalation-sweep';
import { machineSpeedMs } from './machine-speed';
import { withServiceFlags } from './service-flags';
import { AT_A_TIME, REPORTS, serviceBench } from './service-load';

interface Row {
  figure: string;
  value: number | null;
  unit: string;
  goal: string;
  pass: boolean | null;
  note?: string;
}

const root = path.resolve(__dirname, '..', '..', '..');
const out = (line: string) => process.stdout.write(`${line}\n`);
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Rows from the returns benchmark's own lines: "<label>: 812 ms, 410 ms, 402 ms (first run cold; goal under 5000 ms)
 * MET".
 */
export function returnsFigures(output: string): Row[] {
  const rows: Row[] = [];
  for (const m of output.matchAll(
    /^(.+): ((?:\d+ ms(?:, )?)+) \(first run cold; goal under (\d+) ms\) (MET|MISSED)$/gm,
  )) {
    const times = m[2].split(', ').map((t) => Number.parseInt(t, 10));
    const worst = Math.max(...times);
    rows.push({
      figure: `${m[1]} (slowest of ${times.length})`,
      value: worst,
      unit: 'ms',
      goal: `< ${m[3]}`,
      pass: worst < Number(m[3]),
    });
  }
  return rows;
}

function returnsRows(): Row[] {
  const source = path.join(root, 'test', 'bench', 'returns.ts');
  if (!existsSync(source)) {
    return [
      {
        figure: 'SSDA903 export and figures',
        value: null,
        unit: '',
        goal: '',
        pass: null,
        note: 'not measured: returns benchmark not present',
      },
    ];
  }
  // RETURNS_SCALE bounds the generated national dataset (the returns benchmark's --scale); 0.1 by default.
  const scale = process.env.RETURNS_SCALE ?? '0.1';
  const run = spawnSync(process.execPath, [path.join(root, 'dist', 'test', 'bench', 'returns.js'), '--scale', scale], {
    encoding: 'utf8',
    timeout: 900_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(run.stdout ?? '');
  const rows = returnsFigures(run.stdout ?? '');
  if (run.status !== 0 || !rows.length) {
    return [
      {
        figure: `SSDA903 export and figures (scale ${scale})`,
        value: null,
        unit: '',
        goal: '',
        pass: false,
        note: `returns benchmark failed (exit ${run.status}): ${(run.stderr ?? '').split('\n')[0]}`,
      },
    ];
  }
  return rows.map((r) => ({ ...r, figure: `${r.figure}, scale ${scale}` }));
}

async function main(): Promise<void> {
  const started = Date.now();
  const speedAtStart = machineSpeedMs();
  const sweep = await sweepBench();
  const service = await serviceBench();
  const rows: Row[] = [
    {
      figure: `alert latency p50 (${REPORTS} SMS reports, ${AT_A_TIME} at a time -> first police SMS)`,
      value: round(service.alertP50),
      unit: 'ms',
      goal: '',
      pass: null,
    },
    { figure: 'alert latency p95', value: round(service.alertP95), unit: 'ms', goal: '', pass: null },
    {
      figure: 'alert latency p99',
      value: round(service.alertP99),
      unit: 'ms',
      goal: '< 1000',
      pass: service.alertP99 < 1000,
    },
    {
      figure: `alert latency p99, the first ${AT_A_TIME} reports after the service started (before the measured ones)`,
      value: round(service.coldP99),
      unit: 'ms',
      goal: '',
      pass: null,
    },
    { figure: 'report -> first email p50', value: round(service.emailP50), unit: 'ms', goal: '', pass: null },
    { figure: 'report -> first email p95', value: round(service.emailP95), unit: 'ms', goal: '', pass: null },
    { figure: 'report -> first email p99', value: round(service.emailP99), unit: 'ms', goal: '', pass: null },
    {
      figure: 'escalation sweep, 1,000 due of 100,000 open',
      value: sweep.due1000Of100k,
      unit: 'ms',
      goal: '< 500',
      pass: sweep.due1000Of100k < 500,
    },
    {
      figure: 'escalation sweep, 1,000 due of 10,000 open',
      value: sweep.due1000Of10k,
      unit: 'ms',
      goal: '',
      pass: null,
    },
    {
      figure: 'escalation sweep, 100 due of 100,000 open',
      value: sweep.due100Of100k,
      unit: 'ms',
      goal: '< 50',
      pass: sweep.due100Of100k < 50,
    },
    {
      figure: 'WAL one sweep of 1,000 due writes, straight after a checkpoint (sizing)',
      value: sweep.walKb,
      unit: 'kB',
      goal: '',
      pass: null,
    },
    {
      figure: `GET /api/v1/children/{id} with a bearer token (${service.connections} connections)`,
      value: round(service.apiPerSecond),
      unit: 'req/s',
      goal: '',
      pass: null,
    },
    {
      figure: 'bare hapi + pg, one SELECT by primary key (same run)',
      value: round(service.barePerSecond),
      unit: 'req/s',
      goal: '',
      pass: null,
    },
    {
      figure: 'API reads as a share of the bare baseline',
      value: round(service.apiRatio * 100, 1),
      unit: '%',
      goal: '>= 40',
      pass: service.apiRatio >= 0.4,
    },
    {
      figure: 'service peak RSS under that read load',
      value: round(service.peakRssMb),
      unit: 'MB',
      goal: '< 300',
      pass: service.peakRssMb < 300,
    },
    {
      figure: `service peak RSS from its start through the alert bursts`,
      value: round(service.burstPeakRssMb),
      unit: 'MB',
      goal: '',
      pass: null,
    },
    ...returnsRows(),
    {
      figure: 'machine speed: a fixed JavaScript workload at the start (lower is faster; compare runs only when alike)',
      value: speedAtStart,
      unit: 'ms',
      goal: '',
      pass: null,
    },
    {
      figure: 'machine speed: the same workload at the end',
      value: machineSpeedMs(),
      unit: 'ms',
      goal: '',
      pass: null,
    },
  ];
  const widths = [Math.max(...rows.map((r) => r.figure.length)), 9, 5, 8];
  out('');
  out(
    `${'figure'.padEnd(widths[0])}  ${'value'.padStart(widths[1])}  ${'unit'.padEnd(widths[2])}  ${'goal'.padEnd(widths[3])}  result`,
  );
  for (const r of rows) {
    const result = r.pass === null ? (r.note ?? '') : r.pass ? 'pass' : 'FAIL';
    out(
      `${r.figure.padEnd(widths[0])}  ${(r.value === null ? '-' : String(r.value)).padStart(widths[1])}  ${r.unit.padEnd(widths[2])}  ${r.goal.padEnd(widths[3])}  ${result}`,
    );
  }
  const machine = { cpus: os.cpus().length, loadAverage: os.loadavg().map((n) => round(n, 2)), node: process.version };
  out(
    `\nmachine: ${machine.cpus} CPUs, load average ${machine.loadAverage.join(' ')} at the end; took ${round((Date.now() - started) / 1000)} s`,
  );
  mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
  writeFileSync(
    path.join(root, 'test-artifacts', 'bench.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`,
  );
  out('written to test-artifacts/bench.json');
}

if (require.main === module && withServiceFlags(__filename)) {
  main().catch((err: Error) => {
    process.stderr.write(`benchmark failed: ${err.stack}\n`);
    process.exit(1);
  });
}
