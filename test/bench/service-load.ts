// Benchmark, not a test: the built service as its own process against a throwaway PostgreSQL.
// (1) 50 carers text MISSING at once through the signed webhook; latency from each POST to the
// first police SMS for that child at the fake Twilio API. (2) GET /api/v1/children/{id} with a
// bearer token under a keep-alive load loop, against a bare hapi + pg server doing one SELECT by
// primary key, interleaved in the same run (test/bench/api-reads.ts). (3) The service's peak RSS. Run through `npm run bench`.
import { performance } from 'node:perf_hooks';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { createTestDatabase } from '../support/database';
import { FakeTwilio, FAKE_AUTH_TOKEN } from '../support/fake-twilio';
import { SmtpSink } from '../support/smtp-sink';
import { deliveryEnv, PUBLIC_BASE_URL } from '../support/delivery';
import { ServiceProcess } from '../support/service-process';
import { bulkCarerMobile, bulkChildRef, createBulkCarers } from '../support/bulk-carers';
import { textOverHttp } from '../support/twilio-sms';
import { eventually } from '../support/wait';
import { apiReads, ApiReadFigures } from './api-reads';

export const REPORTS = 50;
const POLICE_MOBILE = '+447700900201';

export interface ServiceFigures extends ApiReadFigures {
  alertP50: number; alertP95: number; alertP99: number; alertMax: number;
  peakRssMb: number; loadSeconds: number; connections: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function serviceBench({ seconds = 8, connections = 16 } = {}): Promise<ServiceFigures> {
  await globalSetup();
  const db = await createTestDatabase(4);
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start();
  const running: ServiceProcess[] = [];
  try {
    await createBulkCarers(db.dataSource, REPORTS);
    const service = await ServiceProcess.start({ env: {
      ...deliveryEnv(twilio, smtp), DATABASE_URL: db.url, NODE_ENV: 'production', SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
      WEBHOOK_RATE_LIMIT: '1000000', SIGN_IN_RATE_LIMIT: '1000', LOG_LEVEL: 'error',
    } });
    running.push(service);

    const sentAt = new Map<string, number>();
    await Promise.all(Array.from({ length: REPORTS }, async (_, i) => {
      sentAt.set(bulkChildRef(i + 1), performance.timeOrigin + performance.now());
      const res = await textOverHttp(service.url, bulkCarerMobile(i + 1), 'MISSING', { authToken: FAKE_AUTH_TOKEN, publicBaseUrl: PUBLIC_BASE_URL });
      if (res.status !== 200) throw new Error(`the webhook answered ${res.status}`);
    }));
    await eventually(() => (twilio.to(POLICE_MOBILE).length >= REPORTS ? true : null), `${REPORTS} police SMS`, 60_000);
    const first = new Map<string, number>();
    for (const m of twilio.to(POLICE_MOBILE)) {
      const ref = /child ref (\w+)/.exec(m.body)?.[1];
      if (ref && sentAt.has(ref) && !first.has(ref)) first.set(ref, m.receivedAt - sentAt.get(ref)!);
    }
    const latencies = [...first.values()].sort((a, b) => a - b);

    const api = await apiReads(service, db, { seconds, connections });
    const peakRssMb = service.peakRssMb();
    return {
      alertP50: percentile(latencies, 50), alertP95: percentile(latencies, 95), alertP99: percentile(latencies, 99), alertMax: latencies[latencies.length - 1],
      ...api, peakRssMb, loadSeconds: seconds, connections,
    };
  } finally {
    await Promise.all(running.map((s) => s.stop('SIGTERM')));
    await twilio.stop();
    await smtp.stop();
    await db.drop();
    await globalTeardown();
  }
}
