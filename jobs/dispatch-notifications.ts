// Safety net for the dispatcher: every minute, send anything due that a missed wake-up left behind
// (a retry whose time has come, a claim that lapsed when an instance died). Every instance may run
// it at once: the dispatcher's FOR UPDATE SKIP LOCKED claims give each message to one of them.
import { performance } from 'node:perf_hooks';

import cron, { ScheduledTask } from 'node-cron';

import type { Dispatcher } from '../src/notifications/dispatcher';
import type { Logger } from '../src/platform/logger';

export function scheduleDispatchNotifications(dispatcher: Dispatcher, logger: Logger): ScheduledTask {
  const log = logger.child({ job: 'dispatch-notifications' });
  return cron.schedule(
    '* * * * *',
    async () => {
      const started = performance.now();
      try {
        const counts = await dispatcher.drain();
        if (counts.claimed)
          log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'dispatched notifications');
      } catch (err) {
        log.error(
          { err, ms: Math.round(performance.now() - started) },
          'dispatching notifications failed; the next tick retries',
        );
      }
    },
    { name: 'dispatch-notifications', noOverlap: true },
  );
}
