// A scheduled job that one instance runs in each slot, however many are running: node-cron with a
// Postgres run key (run-coordinator.ts). Each run logs its counts and duration when it did something
// and its error when it failed, and never throws, so a job cannot crash the process.
import { performance } from 'node:perf_hooks';

import cron, { ScheduledTask } from 'node-cron';
import type { DataSource } from 'typeorm';

import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { PostgresRunCoordinator } from './run-coordinator';

export interface CoordinatedJob<T extends object> {
  name: string;
  cron: string;
  run(): Promise<T>;
  /** Whether the run is worth a log line (a quiet run is most runs). */
  didSomething(result: T): boolean;
  /** The log line's words, and those of a failure ("...; the next minute retries"). */
  done: string;
  failed: string;
}

export function scheduleCoordinated<T extends object>(
  db: DataSource,
  clock: Clock,
  logger: Logger,
  job: CoordinatedJob<T>,
): ScheduledTask {
  const log = logger.child({ job: job.name });
  return cron.schedule(
    job.cron,
    async () => {
      const started = performance.now();
      const ms = () => Math.round(performance.now() - started);
      try {
        const result = await job.run();
        if (job.didSomething(result))
          log.info({ ...(result as object), ms: ms() } as Record<string, unknown>, job.done);
      } catch (err) {
        log.error({ err, ms: ms() }, job.failed);
      }
    },
    { name: job.name, noOverlap: true, distributed: true, runCoordinator: new PostgresRunCoordinator(db, clock) },
  );
}
