// Benchmark, not a test: how long a missing alert takes from the commit that queues it to the
// (fake) Twilio API receiving the SMS and the (real) SMTP server receiving the email, with the
// dispatcher woken by LISTEN/NOTIFY as in the service. Queues 200 alerts, 50 transactions at a time,
// each with one SMS and one email, after five single alerts on an idle service. Everything (the
// dispatcher, PostgreSQL, the fake Twilio API, the SMTP server) shares one machine, so the figures
// are an upper bound. Prints p50/p95/p99. Run: npm run bench:alerts
import { performance } from 'node:perf_hooks';

import { LocalAuthority } from '../../src/authorities/local-authority.entity';
import { loadConfig } from '../../src/config';
import { systemClock } from '../../src/platform/clock';
import { createServices } from '../../src/services';
import { createTestDatabase } from '../support/database';
import { alertData, deliveryEnv } from '../support/delivery';
import { FakeTwilio } from '../support/fake-twilio';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { testLogger } from '../support/quiet-logger';
import { SmtpSink } from '../support/smtp-sink';

const ALERTS = 200;
const AT_A_TIME = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function line(label: string, latencies: number[]): string {
  const s = [...latencies].sort((a, b) => a - b);
  const f = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  return `${label.padEnd(22)} n=${s.length}  p50 ${f(percentile(s, 50))}  p95 ${f(percentile(s, 95))}  p99 ${f(percentile(s, 99))}  max ${f(s[s.length - 1])}`;
}

async function main(): Promise<void> {
  await globalSetup();
  const db = await createTestDatabase(20);
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start();
  const config = loadConfig({ NODE_ENV: 'test', ...deliveryEnv(twilio, smtp) });
  const services = createServices({ db: db.dataSource, clock: systemClock, config, logger: testLogger() });
  await services.dispatcher.start();
  const authorityId = (await db.dataSource.getRepository(LocalAuthority).findOneByOrFail({ code: 'DEMO' })).id;
  const committedAt = new Map<string, number>();

  const queue = async (i: number) => {
    const episodeRef = `E-${String(i).padStart(4, '0')}`;
    const recipient = { type: 'contact' as const, id: null, name: 'Police control room' };
    await db.dataSource.transaction(async (tx) => {
      const common = {
        authorityId,
        stepKey: 'report#0',
        template: 'missing-alert',
        data: alertData(episodeRef),
        needsAck: true,
      };
      await services.outbox.enqueue(tx, {
        ...common,
        channel: 'sms',
        recipient: { ...recipient, address: '+447700900800' },
      });
      await services.outbox.enqueue(tx, {
        ...common,
        channel: 'email',
        recipient: { ...recipient, address: 'control@police.example.org' },
      });
      committedAt.set(episodeRef, performance.timeOrigin + performance.now());
    });
  };

  // One alert on an idle service first: the 3 a.m. case.
  const idle: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await queue(9000 + i);
    await twilio.waitFor(i + 1);
    idle.push(twilio.messages[i].receivedAt - committedAt.get(`E-${9000 + i}`)!);
  }
  await smtp.waitFor(5);
  twilio.reset();
  smtp.reset();

  const started = performance.now();
  for (let i = 0; i < ALERTS; i += AT_A_TIME) {
    await Promise.all(Array.from({ length: AT_A_TIME }, (_, j) => queue(i + j)));
  }
  await twilio.waitFor(ALERTS, 120_000);
  await smtp.waitFor(ALERTS, 120_000);
  const elapsed = performance.now() - started;

  const sms = twilio.messages.map((m) => m.receivedAt - committedAt.get(/episode ([\w-]+)\)/.exec(m.body)![1])!);
  const email = smtp.messages.map(
    (m) => m.receivedAt - committedAt.get(/episode ([\w-]+) /.exec(m.mail.subject ?? '')![1])!,
  );
  process.stdout.write(
    [
      `alert latency from commit (${ALERTS} alerts, ${AT_A_TIME} transactions at a time, each one SMS + one email; ${(elapsed / 1000).toFixed(1)} s in all)`,
      line('idle: commit -> Twilio', idle),
      line('commit -> Twilio API', sms),
      line('commit -> SMTP server', email),
      '',
    ].join('\n'),
  );

  await services.dispatcher.stop();
  await twilio.stop();
  await smtp.stop();
  await db.drop();
  await globalTeardown();
}

main().catch((err: Error) => {
  process.stderr.write(`benchmark failed: ${err.stack}\n`);
  process.exit(1);
});
