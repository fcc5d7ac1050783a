// Starts the built service (dist/) as a real process with its own embedded PostgreSQL and the demo
// data, exactly as `npm start` does, on free ports; the tests drive it through Chromium. Alerts
// really go out: through the twilio SDK to the fake Twilio API, which reports each text delivered
// with a signed status callback as Twilio does, and by SMTP to a local sink.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { deliveryEnv } from '../../support/delivery';
import { FAKE_ACCOUNT_SID, FakeSms, FakeTwilio, signedStatusCallback } from '../../support/fake-twilio';
import { freePort } from '../../support/ports';
import { SmtpSink } from '../../support/smtp-sink';

// A plain request without keep-alive, so no idle socket keeps jest alive after the run.
function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

async function waitForReady(url: string, child: { exitCode: number | null }, output: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`The service exited during start:\n${output()}`);
    if ((await statusOf(`${url}/health/ready`)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The service did not become ready:\n${output()}`);
}

/** Posts a signed "delivered" status callback for every text the fake accepts, as Twilio would. */
function reportDeliveries(twilio: FakeTwilio, baseUrl: string): NodeJS.Timeout {
  const reported = new Set<string>();
  return setInterval(() => {
    for (const m of twilio.messages.filter((x: FakeSms) => !reported.has(x.sid) && x.statusCallback)) {
      reported.add(m.sid);
      const cb = signedStatusCallback(baseUrl, {
        MessageSid: m.sid,
        MessageStatus: 'delivered',
        AccountSid: FAKE_ACCOUNT_SID,
      });
      void fetch(`${baseUrl}${cb.url}`, { method: cb.method, headers: cb.headers, body: cb.payload }).catch(() =>
        reported.delete(m.sid),
      );
    }
  }, 250).unref();
}

export default async function globalSetup(): Promise<void> {
  const twilio = await FakeTwilio.start();
  const smtp = await SmtpSink.start();
  const root = path.resolve(__dirname, '..', '..', '..');
  const port = await freePort();
  const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mc-browser-')), 'pg');
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...deliveryEnv(twilio, smtp),
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c) => {
    output = (output + c).slice(-20000);
  });
  child.stderr.on('data', (c) => {
    output = (output + c).slice(-20000);
  });
  await waitForReady(baseUrl, child, () => output);
  process.env.BROWSER_BASE_URL = baseUrl;
  const deliveries = reportDeliveries(twilio, baseUrl);
  (globalThis as Record<string, unknown>).__SERVICE__ = { child, dataDir, twilio, smtp, deliveries };
}
