// The only file that listens and handles signals: config, database, demo data, services, server, jobs.
import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './platform/logger';
import { systemClock } from './platform/clock';
import { openDatabase } from './platform/database/database';
import { createServices } from './services';
import { createServer } from './server';
import { runSeeds } from '../seeds';
import { scheduleEscalationSweep } from '../jobs/escalation-sweep';

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
  if (config.sessionSecretGenerated) logger.warn('SESSION_SECRET is not set: using a random one, so sessions end when the service restarts');

  const database = await openDatabase(config, logger, projectRoot);
  const services = createServices({ db: database.dataSource, clock: systemClock, config, logger });
  await runSeeds(database.dataSource, services, { demo: config.demoData, logger });
  const server = await createServer({ config, services, logger });
  await server.start();
  logger.info({ url: server.info.uri, publicBaseUrl: config.publicBaseUrl }, `service listening on ${server.info.uri}`);
  const jobs = config.jobs ? [scheduleEscalationSweep(database.dataSource, systemClock, services.escalation, logger)] : [];

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await Promise.all(jobs.map((job) => job.stop()));
      await server.stop({ timeout: 10_000 });
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
