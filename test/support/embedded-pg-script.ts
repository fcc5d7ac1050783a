// Runs the embedded PostgreSQL in a process of its own, for test/integration/embedded-postgres.test.ts:
// `node --import tsx embedded-pg-script.ts <dataDir> <port>` prints {"url": ...} once the server is
// up and stops it cleanly on SIGTERM. The test SIGKILLs it to leave an orphaned server behind.
import { EmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { createLogger } from '../../src/platform/logger';

const [dataDir, port] = process.argv.slice(2);
const pg = new EmbeddedPostgres({ dataDir, port: Number(port), database: 'probe', logger: createLogger('silent') });

process.on('SIGTERM', () => {
  pg.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});

pg.start().then(
  (url) => process.stdout.write(`${JSON.stringify({ url })}\n`),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
