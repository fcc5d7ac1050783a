// Every minute: run the escalation ladder for every open episode with something due. One instance
// runs each minute's slot (a Postgres run key); the per-step guard in escalation_runs makes even
// an overlapping run harmless. Logs duration and counts; never crashes the process.
import cron, { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import type { EscalationService } from '../src/escalation/escalation.service';
import { PostgresRunCoordinator } from '../src/platform/scheduler/run-coordinator';

export function scheduleEscalationSweep(db: DataSource, clock: Clock, escalation: EscalationService, logger: Logger): ScheduledTask {
  const log = logger.child({ job: 'escalation-sweep' });
  return cron.schedule('* * * * *', async () => {
    try {
      const result = await escalation.sweep();
      if (result.due) log.info(result, 'escalation sweep');
    } catch (err) {
      log.error({ err }, 'escalation sweep failed; the next minute retries');
    }
  }, { name: 'escalation-sweep', noOverlap: true, distributed: true, runCoordinator: new PostgresRunCoordinator(db, clock) });
}
