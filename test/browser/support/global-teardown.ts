// Stops the service the way an operator would (SIGTERM), which also stops its PostgreSQL.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

import type { FakeTwilio } from '../../support/fake-twilio';
import type { SmtpSink } from '../../support/smtp-sink';

interface Service {
  child: ChildProcess;
  dataDir: string;
  twilio: FakeTwilio;
  smtp: SmtpSink;
  deliveries: NodeJS.Timeout;
}

export default async function globalTeardown(): Promise<void> {
  const service = (globalThis as Record<string, unknown>).__SERVICE__ as Service | undefined;
  if (!service) return;
  if (service.child.exitCode === null) {
    const exited = new Promise((r) => service.child.once('exit', r));
    service.child.kill('SIGTERM');
    // The timer is cleared once the service has gone, or jest waits the whole 15 s for it to fire.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      exited,
      new Promise((r) => {
        timer = setTimeout(r, 15000);
      }),
    ]);
    clearTimeout(timer);
  }
  service.child.stdout?.destroy();
  service.child.stderr?.destroy();
  rmSync(path.dirname(service.dataDir), { recursive: true, force: true });
  clearInterval(service.deliveries);
  await service.twilio.stop();
  await service.smtp.stop();
}
