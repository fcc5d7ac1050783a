// Every minute: send the bed checks that have come due, the second texts and the duty managers'
// alerts. One instance runs each minute's slot (the Postgres run key the other jobs use); the unique
// (child, time) row and the claimed follow-ups make even an overlapping run harmless. Logs duration
// and counts; never crashes the process.
import { performance } from 'node:perf_hooks';
import cron, { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import type { BedCheckRound } from '../src/bed-checks/bed-check-round.service';
import { PostgresRunCoordinator } from '../src/platform/scheduler/run-coordinator';

export function scheduleBedChecks(db: DataSource, clock: Clock, round: BedCheckRound, logger: Logger): ScheduledTask {
  const log = logger.child({ job: 'bed-checks' });
  return cron.schedule('* * * * *', async () => {
    const started = performance.now();
    try {
      const counts = await round.run();
      if (counts.sent || counts.reminded || counts.escalated) log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'bed checks');
    } catch (err) {
      log.error({ err, ms: Math.round(performance.now() - started) }, 'bed checks failed; the next minute retries');
    }
  }, { name: 'bed-checks', noOverlap: true, distributed: true, runCoordinator: new PostgresRunCoordinator(db, clock) });
}
