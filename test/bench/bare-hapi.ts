// The baseline for the API read benchmark: the least a hapi + pg service can do for one record
// (one SELECT by primary key, no auth, no audit, no validation). Run as its own process by
// test/bench/service-load.ts; listens on 127.0.0.1:PORT, reads DATABASE_URL.
import Hapi from '@hapi/hapi';
import { Pool } from 'pg';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const server = Hapi.server({ host: '127.0.0.1', port: Number(process.env.PORT) });
  server.route({ method: 'GET', path: '/health/ready', handler: () => ({ status: 'ok' }) });
  server.route({
    method: 'GET',
    path: '/children/{id}',
    handler: async (request, h) => {
      const { rows } = await pool.query('SELECT * FROM children WHERE id = $1', [request.params.id]);
      return rows[0] ?? h.response({ message: 'not found' }).code(404);
    },
  });
  await server.start();
  process.on(
    'SIGTERM',
    () =>
      void server
        .stop()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}

main().catch((err: Error) => {
  process.stderr.write(`bare hapi failed: ${err.stack}\n`);
  process.exit(1);
});
