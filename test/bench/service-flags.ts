// Benchmarks that run service code in their own process (the escalation sweep) run it under the
// node flags `npm start` gives the service, heap limits included, so their figures are the
// service's: a benchmark started without them starts itself again with them.
import { spawnSync } from 'node:child_process';

import { serviceNodeFlags } from '../support/service-process';

/**
 * True if this process already has the service's flags; otherwise runs `script` again with them and exits with its
 * status.
 */
export function withServiceFlags(script: string): boolean {
  const flags = serviceNodeFlags();
  if (flags.every((f) => process.execArgv.includes(f))) return true;
  const run = spawnSync(process.execPath, [...process.execArgv, ...flags, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
