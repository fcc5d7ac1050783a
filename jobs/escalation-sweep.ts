// Every minute: run the escalation ladder for every open episode with something due. One instance
// runs each minute's slot (a Postgres run key); the per-step guard in escalation_runs makes even
// an overlapping run harmless. Logs duration and counts; never crashes the process.
import type { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';

import type { EscalationService } from '../src/escalation/escalation.service';
import type { Clock } from '../src/platform/clock';
import type { Logger } from '../src/platform/logger';
import { scheduleCoordinated } from '../src/platform/scheduler/coordinated-job';

export function scheduleEscalationSweep(
  db: DataSource,
  clock: Clock,
  escalation: EscalationService,
  logger: Logger,
): ScheduledTask {
  return scheduleCoordinated(db, clock, logger, {
    name: 'escalation-sweep',
    cron: '* * * * *',
    run: () => escalation.sweep(),
    didSomething: (r) => r.due > 0,
    done: 'escalation sweep',
    failed: 'escalation sweep failed; the next minute retries',
  });
}
