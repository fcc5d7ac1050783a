// The only file that listens and handles signals: config, database, demo data, services, server, jobs.
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';
import { systemClock } from './platform/clock';
import { openDatabase } from './platform/database/database';
import { createServices } from './services';
import { createServer } from './server';
import { compileMessageTemplates } from './notifications/templates';
import { runSeeds } from '../seeds';
import { scheduleDispatchNotifications } from '../jobs/dispatch-notifications';
import { scheduleEscalationSweep } from '../jobs/escalation-sweep';
import { scheduleOperationalGroupCycle } from '../jobs/operational-group-cycle';

const projectRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (config.env === 'development' && !process.env.TWILIO_AUTH_TOKEN) logger.warn('TWILIO_AUTH_TOKEN is not set: the SMS webhook accepts texts signed with the development token (npm run demo:text)');
  if (config.sessionSecretGenerated) logger.warn('SESSION_SECRET is not set: using a random one, so sessions end when the service restarts');

  const database = await openDatabase(config, logger, projectRoot);
  const services = createServices({ db: database.dataSource, clock: systemClock, config, logger });
  await runSeeds(database.dataSource, services, { demo: config.demoData, logger, clock: systemClock });
  if (services.providers.sms.recording) logger.warn('SMS is NOT being sent: Twilio is not fully configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID), so texts are only recorded in the notifications table');
  if (services.providers.email.recording) logger.warn('Email is NOT being sent: SMTP_URL is not set, so emails are only recorded in the notifications table');
  compileMessageTemplates();
  const server = await createServer({ config, services, logger });
  await server.start();
  logger.info({ url: server.info.uri, publicBaseUrl: config.publicBaseUrl }, `service listening on ${server.info.uri}`);
  const dispatchJob = config.jobs ? scheduleDispatchNotifications(services.dispatcher, logger) : null;
  if (config.jobs) await services.dispatcher.start();
  else logger.warn('JOBS=false: this instance sends no notifications; another instance must run the dispatcher');
  const sweepJob = config.jobs ? scheduleEscalationSweep(database.dataSource, systemClock, services.escalation, logger) : null;
  const groupJob = config.jobs ? scheduleOperationalGroupCycle(database.dataSource, systemClock, services.operationalGroupCycle, logger) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await server.stop({ timeout: 10_000 });
      await dispatchJob?.stop();
      await sweepJob?.stop();
      await groupJob?.stop();
      await services.dispatcher.stop();
      await services.providers.email.close?.();
      await database.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => {
  process.stderr.write(`The service could not start: ${err.message}\n`);
  process.exit(1);
});
