// The API-read part of the service benchmark: GET /api/v1/children/{id} with a bearer token
// against a bare hapi + pg server doing one SELECT by primary key, interleaved in the same run
// (test/bench/interleaved-load.ts), with CPU per read. Run alone with `npm run bench:reads`
// (add CPU_PROFILE=<dir> to profile the service and the baseline under that load, SERVICE_SCRIPT=<built
// main.js, relative to the project> to measure another build of the service against the same baseline).
import { DEMO_PASSWORD, demoAuthorities, demoEmail, demoRoles } from '../../seeds/demo-data';
import { createTestDatabase, TestDatabase } from '../support/database';
import { deliveryEnv } from '../support/delivery';
import { FakeTwilio } from '../support/fake-twilio';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { ServiceProcess } from '../support/service-process';
import { SmtpSink } from '../support/smtp-sink';
import { postmasterOf } from './cpu-meter';
import { interleavedLoad } from './interleaved-load';

export interface ApiReadFigures {
  apiPerSecond: number;
  barePerSecond: number;
  apiRatio: number;
  roundRatioMin: number;
  roundRatioMax: number;
  apiNodeMsPerRead: number;
  apiPostgresMsPerRead: number | null;
  bareNodeMsPerRead: number;
  barePostgresMsPerRead: number | null;
  /** Bare CPU per read (process + PostgreSQL) over the service's: the load-independent version of apiRatio. */
  apiCpuRatio: number | null;
}

/** node options that profile a process when CPU_PROFILE names a directory (service and baseline alike). */
function profileArgs(): string[] {
  return process.env.CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROFILE}`] : [];
}

export async function apiReads(
  service: ServiceProcess,
  db: TestDatabase,
  { seconds = 8, connections = 16 } = {},
): Promise<ApiReadFigures> {
  const a = demoAuthorities.find((x) => x.code === 'DEMO')!;
  const signIn = await fetch(`${service.url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: demoEmail(demoRoles.find((r) => r.role === 'social_worker')!.local, a.domain),
      password: DEMO_PASSWORD,
    }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const [{ id: childId }] = await db.dataSource.query(`SELECT id FROM children WHERE reference = 'K7Q2'`);
  const check = await fetch(`${service.url}/api/v1/children/${childId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (check.status !== 200) throw new Error(`GET /api/v1/children/{id} answered ${check.status}`);

  const bare = await ServiceProcess.start({
    script: 'dist/test/bench/bare-hapi.js',
    env: { DATABASE_URL: db.url },
    name: 'bare hapi',
    nodeArgs: profileArgs(),
  });
  try {
    const r = await interleavedLoad(
      {
        url: `${service.url}/api/v1/children/${childId}`,
        pid: service.child.pid!,
        headers: { authorization: `Bearer ${token}` },
      },
      { url: `${bare.url}/children/${childId}`, pid: bare.child.pid! },
      {
        postmaster: await postmasterOf(db.dataSource),
        connections,
        rounds: Math.max(2, Math.round(seconds)),
        windowSeconds: seconds / Math.max(2, Math.round(seconds)),
      },
    );
    const cpu = (s: typeof r.a) => (s.postgresMsPerRead === null ? null : s.processMsPerRead + s.postgresMsPerRead);
    const apiCpu = cpu(r.a);
    const bareCpu = cpu(r.b);
    return {
      apiPerSecond: r.a.perSecond,
      barePerSecond: r.b.perSecond,
      apiRatio: r.a.perSecond / r.b.perSecond,
      roundRatioMin: Math.min(...r.roundRatios),
      roundRatioMax: Math.max(...r.roundRatios),
      apiNodeMsPerRead: r.a.processMsPerRead,
      apiPostgresMsPerRead: r.a.postgresMsPerRead,
      bareNodeMsPerRead: r.b.processMsPerRead,
      barePostgresMsPerRead: r.b.postgresMsPerRead,
      apiCpuRatio: apiCpu && bareCpu ? bareCpu / apiCpu : null,
    };
  } finally {
    await bare.stop();
  }
}

async function main(): Promise<void> {
  await globalSetup();
  let db: TestDatabase | null = null;
  let service: ServiceProcess | null = null;
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start();
  try {
    db = await createTestDatabase(4);
    service = await ServiceProcess.start({
      script: process.env.SERVICE_SCRIPT,
      env: {
        ...deliveryEnv(twilio, smtp),
        DATABASE_URL: db.url,
        NODE_ENV: 'production',
        SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
        LOG_LEVEL: 'error',
      },
      nodeArgs: profileArgs(),
    });
    const figures = await apiReads(service, db, { seconds: Number(process.env.SECONDS ?? 8) });
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await service?.stop('SIGTERM');
    await twilio.stop();
    await smtp.stop();
    await db?.drop();
    await globalTeardown();
  }
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    (err: Error) => {
      process.stderr.write(`${err.stack}\n`);
      process.exit(1);
    },
  );
