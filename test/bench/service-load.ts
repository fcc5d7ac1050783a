// Benchmark, not a test: the built service as its own process against a throwaway PostgreSQL.
// (1) 200 carers text MISSING through the signed webhook, 50 at a time (sms-reports.ts); latency
// from each POST to the first police SMS for that child at the fake Twilio API and to the first
// email about that child at the SMTP server. (2) GET /api/v1/children/{id} with a
// bearer token under a keep-alive load loop, against a bare hapi + pg server doing one SELECT by
// primary key, interleaved in the same run (test/bench/api-reads.ts). (3) The service's peak RSS. Run through `npm run
// bench`.
import { createBulkCarers } from '../support/bulk-carers';
import { createTestDatabase } from '../support/database';
import { FakeTwilio } from '../support/fake-twilio';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { ServiceProcess } from '../support/service-process';
import { SmtpSink } from '../support/smtp-sink';
import { ApiReadFigures, apiReads } from './api-reads';
import { benchServiceEnv, CARERS_NEEDED, firstBurst, outboxDrained, textMissingReports } from './sms-reports';

export { AT_A_TIME, REPORTS } from './sms-reports';

export interface ServiceFigures extends ApiReadFigures {
  /** The first burst of AT_A_TIME reports after the service started, before its code is compiled. */
  coldP99: number;
  coldMax: number;
  alertP50: number;
  alertP95: number;
  alertP99: number;
  alertMax: number;
  emailP50: number;
  emailP95: number;
  emailP99: number;
  emailMax: number;
  /** Peak RSS during the read load, and (burstPeakRssMb) from the start through the alert bursts. */
  peakRssMb: number;
  burstPeakRssMb: number;
  loadSeconds: number;
  connections: number;
}

export async function serviceBench({ seconds = 8, connections = 16 } = {}): Promise<ServiceFigures> {
  await globalSetup();
  const db = await createTestDatabase(4);
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start({ subjectOnly: true });
  const running: ServiceProcess[] = [];
  try {
    await createBulkCarers(db, CARERS_NEEDED);
    const service = await ServiceProcess.start({ env: benchServiceEnv(twilio, smtp, db.url) });
    running.push(service);
    const cold = await firstBurst(service.url, twilio, smtp, db.dataSource);
    const alerts = await textMissingReports(service.url, twilio, smtp);

    // The reads are measured on their own: the team's copies and confirmations the reports queued (which
    // give way to the police alerts, so most are still waiting when the last police text is out) go first.
    await outboxDrained(db.dataSource, "the reports' messages");
    // The memory goal is for the read load; the bursts before it are reported on their own.
    const burstPeakRssMb = service.peakRssMb();
    service.resetPeakRss();
    const api = await apiReads(service, db, { seconds, connections });
    const peakRssMb = service.peakRssMb();
    return {
      coldP99: cold.sms.p99,
      coldMax: cold.sms.max,
      alertP50: alerts.sms.p50,
      alertP95: alerts.sms.p95,
      alertP99: alerts.sms.p99,
      alertMax: alerts.sms.max,
      emailP50: alerts.email.p50,
      emailP95: alerts.email.p95,
      emailP99: alerts.email.p99,
      emailMax: alerts.email.max,
      ...api,
      peakRssMb,
      burstPeakRssMb,
      loadSeconds: seconds,
      connections,
    };
  } finally {
    await Promise.all(running.map((s) => s.stop('SIGTERM')));
    await twilio.stop();
    await smtp.stop();
    await db.drop();
    await globalTeardown();
  }
}
