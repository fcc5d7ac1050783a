// The real service as a separate process (the built dist, or src through tsx), for tests and
// benchmarks that measure or kill it: waits until /health/ready answers, reads its peak memory,
// and stops it with SIGTERM or SIGKILL. Listens on 127.0.0.1 only.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { freePort } from './ports';
import { eventually } from './wait';

const root = path.resolve(__dirname, '..', '..', ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..'] : []));

export interface ServiceProcessOptions {
  env: Record<string, string>;
  fromSource?: boolean;
  port?: number;
  name?: string;
  /** Another built script to run instead of the service (a baseline server), relative to the project. */
  script?: string;
  /** Extra node options for the process, e.g. --cpu-prof to profile it under a benchmark. */
  nodeArgs?: string[];
}

export class ServiceProcess {
  private exited: Promise<void>;
  private output: string[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly name: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
  /** The last lines the process wrote, to explain a failure. */
  get tail(): string {
    return this.output.join('').split('\n').slice(-30).join('\n');
  }

  static async start(o: ServiceProcessOptions): Promise<ServiceProcess> {
    const port = o.port ?? (await freePort());
    const built = path.join(root, 'dist', 'src', 'main.js');
    const args = o.script
      ? [path.join(root, o.script)]
      : [
          ...serviceNodeFlags(),
          ...(o.fromSource || !existsSync(built) ? ['--import', 'tsx', path.join(root, 'src', 'main.ts')] : [built]),
        ];
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        ...o.env,
        HOST: '127.0.0.1',
        PORT: String(port),
      },
    });
    const service = new ServiceProcess(child, port, o.name ?? `service:${port}`);
    try {
      await eventually(
        async () => {
          if (!service.alive) throw new Error(`${service.name} exited while starting:\n${service.tail}`);
          const res = await fetch(`${service.url}/health/ready`).catch(() => null);
          return res?.ok ? true : null;
        },
        `${service.name} ready`,
        60_000,
      );
    } catch (err) {
      service.kill('SIGKILL');
      throw err;
    }
    return service;
  }

  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }

  /** Starts the peak (VmHWM) afresh from the current RSS, so the next peakRssMb() covers only what follows. */
  resetPeakRss(): void {
    writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.alive) this.child.kill(signal);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.kill(signal);
    await this.exited;
  }
}

/** The node flags `npm start` gives the service (package.json), so a test or benchmark runs it as it is run. */
export function serviceNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}
