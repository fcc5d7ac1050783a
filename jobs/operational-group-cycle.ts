// Every ten minutes: keep each operational group's next meeting scheduled, send agenda packs that
// are due (7 days ahead by default) and chase overdue actions. One instance runs each slot (the
// same Postgres run key as the escalation sweep); row locks and dedupe keys make even an overlap
// harmless. Logs duration and counts; never crashes the process.
import { performance } from 'node:perf_hooks';
import cron, { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import type { OperationalGroupCycle } from '../src/operational-group/operational-group-cycle.service';
import { PostgresRunCoordinator } from '../src/platform/scheduler/run-coordinator';

export function scheduleOperationalGroupCycle(db: DataSource, clock: Clock, cycle: OperationalGroupCycle, logger: Logger): ScheduledTask {
  const log = logger.child({ job: 'operational-group-cycle' });
  return cron.schedule('*/10 * * * *', async () => {
    const started = performance.now();
    try {
      const counts = await cycle.run();
      if (counts.scheduled || counts.packsSent || counts.actionsChased) log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'operational group cycle');
    } catch (err) {
      log.error({ err, ms: Math.round(performance.now() - started) }, 'operational group cycle failed; the next run retries');
    }
  }, { name: 'operational-group-cycle', noOverlap: true, distributed: true, runCoordinator: new PostgresRunCoordinator(db, clock) });
}
