// Benchmark part, not a test: missing reports texted to the running service through the signed SMS
// webhook, in rounds of concurrent texts (the next round once the last one's webhook calls have
// answered), timed from each POST to the first police SMS for that child at the fake Twilio API
// and to the first email about that child at the SMTP server. Used by service-load.ts; run on its
// own (`node dist/test/bench/sms-reports.js`, after `npm run build`) to iterate on alert latency,
// with PROFILE_DIR=/some/dir to write the service's CPU profile there, and BENCH_DEBUG=1 to print
// each round's answers and texts and the CPU the bench and the service used.
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

import type { DataSource } from 'typeorm';

import { bulkCarerMobile, bulkChildRef, createBulkCarers } from '../support/bulk-carers';
import { createTestDatabase } from '../support/database';
import { deliveryEnv, PUBLIC_BASE_URL } from '../support/delivery';
import { FAKE_AUTH_TOKEN, FakeTwilio } from '../support/fake-twilio';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { ServiceProcess } from '../support/service-process';
import { SmtpSink } from '../support/smtp-sink';
import { textOverHttp } from '../support/twilio-sms';
import { eventually } from '../support/wait';

export const REPORTS = 200;
export const AT_A_TIME = 50;
const POLICE_MOBILE = '+447700900201';

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
export interface AlertFigures {
  sms: Spread;
  email: Spread;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function spread(latencies: number[]): Spread {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

/**
 * Environment for the service under these benchmarks: real providers pointed at the fakes, quiet logs, no rate limit in
 * the way.
 */
export function benchServiceEnv(twilio: FakeTwilio, smtp: SmtpSink, databaseUrl: string): Record<string, string> {
  return {
    ...deliveryEnv(twilio, smtp),
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
    WEBHOOK_RATE_LIMIT: '1000000',
    SIGN_IN_RATE_LIMIT: '1000',
    LOG_LEVEL: 'error',
  };
}

/**
 * Texts MISSING from carers from..from+count-1 (created with createBulkCarers), AT_A_TIME at once,
 * and waits for every first alert.
 */
export async function textMissingReports(
  serviceUrl: string,
  twilio: FakeTwilio,
  smtp: SmtpSink,
  { from = 1, count = REPORTS } = {},
): Promise<AlertFigures> {
  const sentAt = new Map<string, number>();
  const answeredAt = new Map<string, number>();
  const started = performance.now();
  for (let round = 0; round < count; round += AT_A_TIME) {
    await Promise.all(
      Array.from({ length: Math.min(AT_A_TIME, count - round) }, async (_, j) => {
        const i = from + round + j;
        sentAt.set(bulkChildRef(i), performance.timeOrigin + performance.now());
        const res = await textOverHttp(serviceUrl, bulkCarerMobile(i), 'MISSING', {
          authToken: FAKE_AUTH_TOKEN,
          publicBaseUrl: PUBLIC_BASE_URL,
        });
        if (res.status !== 200) throw new Error(`the webhook answered ${res.status}`);
        answeredAt.set(bulkChildRef(i), performance.timeOrigin + performance.now());
      }),
    );
  }
  const firstSms = new Map<string, number>();
  const firstEmail = new Map<string, number>();
  let smsSeen = 0;
  let emailSeen = 0;
  const collect = () => {
    // only what arrived since the last look: the harness must not take the CPU it measures
    for (; smsSeen < twilio.messages.length; smsSeen += 1) {
      const m = twilio.messages[smsSeen];
      const ref = m.to === POLICE_MOBILE ? /child ref (\w+)/.exec(m.body)?.[1] : undefined;
      if (ref && sentAt.has(ref) && !firstSms.has(ref)) firstSms.set(ref, m.receivedAt - sentAt.get(ref)!);
    }
    for (; emailSeen < smtp.messages.length; emailSeen += 1) {
      const m = smtp.messages[emailSeen];
      const ref = /child (\w+)/.exec(m.mail.subject ?? '')?.[1];
      if (ref && sentAt.has(ref))
        firstEmail.set(ref, Math.min(firstEmail.get(ref) ?? Infinity, m.receivedAt - sentAt.get(ref)!));
    }
    return firstSms.size >= count && firstEmail.size >= count ? true : null;
  };
  await eventually(collect, `a police SMS and an email for each of ${count} reports`, 180_000);
  if (process.env.BENCH_DEBUG) {
    for (let r = 0; r < count; r += AT_A_TIME) {
      const refs = Array.from({ length: AT_A_TIME }, (_, j) => bulkChildRef(from + r + j));
      const t0 = sentAt.get(refs[0])!;
      const ans = refs.map((x) => answeredAt.get(x)! - t0).sort((a, b) => a - b);
      const sms = refs.map((x) => firstSms.get(x)! + sentAt.get(x)! - t0).sort((a, b) => a - b);
      process.stdout.write(
        `round ${r / AT_A_TIME}: start +${Math.round(t0 - sentAt.get(bulkChildRef(from))!)} answers ${Math.round(ans[0])}..${Math.round(ans[49])} (p50 ${Math.round(ans[25])}) sms ${Math.round(sms[0])}..${Math.round(sms[49])} (p50 ${Math.round(sms[25])})\n`,
      );
    }
  }
  return {
    sms: spread([...firstSms.values()]),
    email: spread([...firstEmail.values()]),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The first burst a freshly started service meets (its code not yet compiled by the JIT), kept
 * apart from the measured reports, which find it warm as a service that has been running would be.
 */
export async function firstBurst(
  serviceUrl: string,
  twilio: FakeTwilio,
  smtp: SmtpSink,
  db: DataSource,
): Promise<AlertFigures> {
  const figures = await textMissingReports(serviceUrl, twilio, smtp, { from: REPORTS + 1, count: AT_A_TIME });
  // Its other messages (the team's copies, the carers' confirmations) go out before the measured reports start.
  await outboxDrained(db, "the first burst's messages");
  return figures;
}

/** Waits until every queued message has been sent (or has failed): nothing of a burst is left to compete. */
export async function outboxDrained(db: DataSource, what: string): Promise<void> {
  await eventually(
    async () =>
      (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE status IN ('queued', 'sending')`))[0].n === 0
        ? true
        : null,
    `${what} all sent`,
    120_000,
  );
}

/** Carers for the first burst and the measured reports. */
export const CARERS_NEEDED = REPORTS + AT_A_TIME;

export function describeAlerts(f: AlertFigures, cold?: AlertFigures): string {
  const ms = (n: number) => `${Math.round(n)} ms`.padStart(8);
  const row = (label: string, s: Spread) =>
    `${label.padEnd(36)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
  return [
    ...(cold
      ? [
          `first burst after start, ${AT_A_TIME} reports (not counted below)`,
          row('report -> first police SMS', cold.sms),
        ]
      : []),
    `${REPORTS} SMS reports, ${AT_A_TIME} at a time (${f.seconds.toFixed(1)} s until the last first alert)`,
    row('report -> first police SMS', f.sms),
    row('report -> first email', f.email),
  ].join('\n');
}

function cpuSeconds(statFile: string, field = 13): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[field - 2]) + Number(fields[field - 1])) / 100;
}

/** CPU seconds of the PostgreSQL backends serving this database (each names it in its process title). */
function backendsCpu(database: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) total += cpuSeconds(`/proc/${pid}/stat`);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return total;
}

async function main(): Promise<void> {
  await globalSetup();
  const db = await createTestDatabase(4);
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start({ subjectOnly: true });
  let service: ServiceProcess | null = null;
  try {
    await createBulkCarers(db, CARERS_NEEDED);
    const profile = process.env.PROFILE_DIR;
    service = await ServiceProcess.start({
      env: benchServiceEnv(twilio, smtp, db.url),
      nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    });
    const cpu0 = {
      self: process.cpuUsage(),
      service: cpuSeconds(`/proc/${service.child.pid}/stat`),
      db: backendsCpu(db.name),
    };
    const cold = await firstBurst(service.url, twilio, smtp, db.dataSource);
    process.stdout.write(`${describeAlerts(await textMissingReports(service.url, twilio, smtp), cold)}\n`);
    if (process.env.BENCH_DEBUG) {
      const self = process.cpuUsage(cpu0.self);
      process.stdout.write(
        `cpu during the reports: bench ${((self.user + self.system) / 1e6).toFixed(1)} s, service ${(cpuSeconds(`/proc/${service.child.pid}/stat`) - cpu0.service).toFixed(1)} s, ` +
          `postgres backends ${(backendsCpu(db.name) - cpu0.db).toFixed(1)} s\n`,
      );
    }
  } finally {
    await service?.stop('SIGTERM');
    await twilio.stop();
    await smtp.stop();
    await db.drop();
    await globalTeardown();
    if (process.env.BENCH_DEBUG)
      process.stdout.write(
        `cpu of children in all (service, postgres): ${cpuSeconds('/proc/self/stat', 15).toFixed(1)} s\n`,
      );
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`benchmark failed: ${err.stack}\n`);
    process.exit(1);
  });
}
