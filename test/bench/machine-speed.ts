// This machine's CPU speed moves by half from minute to minute (the same loop took 0.70 s and
// 1.18 s five seconds apart), so every figure is printed with the time a fixed JavaScript workload
// took at that moment: figures from runs whose workload times differ are not comparable.
import { performance } from 'node:perf_hooks';

/** Median milliseconds of five runs of a fixed workload: objects, JSON and strings, as the service's own work is. */
export function machineSpeedMs(): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    let length = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const message = {
        id: i,
        reference: `E-${i.toString(36)}`,
        risk: i % 3 ? 'high' : 'medium',
        at: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
      };
      length +=
        JSON.parse(JSON.stringify(message)).reference.length +
        `${message.reference} is ${message.risk} risk at ${message.at}`.length;
    }
    times.push(performance.now() - started + (length < 0 ? 1 : 0));
  }
  return Math.round(times.sort((a, b) => a - b)[2] * 10) / 10;
}
