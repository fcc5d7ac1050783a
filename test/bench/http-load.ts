// A small keep-alive HTTP load loop (no dependency): `connections` requests in flight for
// `seconds`, counting the 2xx answers. Enough to compare two servers on the same machine.
import http from 'node:http';

export interface LoadResult {
  requests: number;
  ok: number;
  perSecond: number;
  seconds: number;
}

export async function load(
  url: string,
  { connections = 16, seconds = 8, headers = {} as Record<string, string> } = {},
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const until = Date.now() + seconds * 1000;
  let requests = 0;
  let ok = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            requests += 1;
            if (res.statusCode! < 300) ok += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        requests += 1;
        resolve();
      });
      req.end();
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) await one();
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  return { requests, ok, perSecond: ok / elapsed, seconds: elapsed };
}
