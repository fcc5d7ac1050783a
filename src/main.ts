// The only file that listens and handles signals: config, database, demo data, services, jobs, server.
// Everything started is registered with one Shutdown, so SIGTERM and a start that fails part way
// both stop it all, newest first: the HTTP server (draining requests), jobs, dispatcher, pool, PostgreSQL.
import path from 'node:path';

import { scheduleBedChecks } from '../jobs/bed-checks';
import { scheduleDispatchNotifications } from '../jobs/dispatch-notifications';
import { scheduleEscalationSweep } from '../jobs/escalation-sweep';
import { scheduleOperationalGroupCycle } from '../jobs/operational-group-cycle';
import { scheduleRetentionReview } from '../jobs/retention-review';
import { runSeeds } from '../seeds';
import { Config, ConfigError, loadConfig } from './config';
import { entities } from './entities';
import { compileMessageTemplates } from './notifications/templates';
import { systemClock } from './platform/clock';
import { openDatabase } from './platform/database/database';
import { createLogger, Logger } from './platform/logger';
import { Shutdown } from './platform/shutdown';
import { createServer } from './server';
import { createServices } from './services';

const projectRoot = path.resolve(__dirname, '..', '..');
// Requests in flight get this long to finish after SIGTERM; the whole stop gets the second figure.
const DRAIN_MS = 10_000;
const STOP_DEADLINE_MS = 30_000;

async function start(config: Config, logger: Logger, shutdown: Shutdown): Promise<void> {
  const database = await openDatabase(config, logger, projectRoot, shutdown, entities);
  const services = createServices({ db: database.dataSource, clock: systemClock, config, logger });
  await shutdown.add('email transport', () => services.providers.email.close?.());
  await runSeeds(database.dataSource, services, { demo: config.demoData, logger, clock: systemClock });
  if (services.providers.sms.recording)
    logger.warn(
      'SMS is NOT being sent: Twilio is not fully configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID), so texts are only recorded in the notifications table',
    );
  if (services.providers.voice.recording)
    logger.warn(
      'Calls are NOT being placed: Twilio is not fully configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VOICE_FROM_NUMBER or TWILIO_FROM_NUMBER), so calls and their TwiML are only recorded and shown on the episode page',
    );
  if (services.providers.email.recording)
    logger.warn('Email is NOT being sent: SMTP_URL is not set, so emails are only recorded in the notifications table');
  compileMessageTemplates();
  const server = await createServer({ config, services, logger });
  if (config.jobs) {
    await services.dispatcher.start();
    await shutdown.add('dispatcher', () => services.dispatcher.stop());
    const jobs = [
      scheduleDispatchNotifications(services.dispatcher, logger),
      scheduleEscalationSweep(database.dataSource, systemClock, services.escalation, logger),
      scheduleOperationalGroupCycle(database.dataSource, systemClock, services.operationalGroupCycle, logger),
      scheduleBedChecks(database.dataSource, systemClock, services.bedCheckRound, logger),
      scheduleRetentionReview(database.dataSource, systemClock, services.retentionReview, logger),
    ];
    await shutdown.add('scheduled jobs', () => Promise.all(jobs.map((job) => job.stop())));
  } else {
    logger.warn('JOBS=false: this instance sends no notifications; another instance must run the dispatcher');
  }
  // Registered before it listens: a start that fails (port taken) still runs its onPostStop hooks.
  await shutdown.add('HTTP server', () => server.stop({ timeout: DRAIN_MS }));
  await server.start();
  logger.info({ url: server.info.uri, publicBaseUrl: config.publicBaseUrl }, `service listening on ${server.info.uri}`);
}

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (config.env === 'development' && !process.env.TWILIO_AUTH_TOKEN)
    logger.warn(
      'TWILIO_AUTH_TOKEN is not set: the SMS webhook accepts texts signed with the development token (npm run demo:text)',
    );
  if (config.sessionSecretGenerated)
    logger.warn('SESSION_SECRET is not set: using a random one, so sessions end when the service restarts');
  const shutdown = new Shutdown(logger);

  // Handled from the first moment, so a signal during migrations still stops the embedded PostgreSQL.
  const onSignal = async (signal: string) => {
    if (shutdown.stopping) return;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      process.stderr.write(
        `The service did not stop within ${STOP_DEADLINE_MS / 1000} s of ${signal}; exiting anyway.\n`,
      );
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const failures = await shutdown.run();
    if (failures.length)
      process.stderr.write(`The service stopped with errors:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
    else logger.info('stopped cleanly');
    process.exit(failures.length ? 1 : 0);
  };
  process.on('SIGINT', () => void onSignal('SIGINT'));
  process.on('SIGTERM', () => void onSignal('SIGTERM'));

  try {
    await start(config, logger, shutdown);
  } catch (err) {
    if (shutdown.stopping) return; // a signal arrived mid-start and is already stopping everything
    const failures = await shutdown.run();
    const cleanup = failures.length
      ? `\nWhile stopping what had started:\n${failures.map((f) => `  - ${f}`).join('\n')}`
      : '';
    process.stderr.write(`The service could not start: ${(err as Error).message}${cleanup}\n`);
    process.exit(1);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`The service could not start: ${err.message}\n`);
  process.exit(1);
});
