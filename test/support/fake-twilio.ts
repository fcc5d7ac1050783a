// A local Twilio-compatible Messages and Calls API for tests and benchmarks, driven by the real twilio
// SDK through TWILIO_API_BASE_URL. It records every message and call it accepts (a call with the URL,
// status callback and answering-machine detection it was given) and can be told to misbehave:
// answer 500 for a while, hang, or refuse a number as Twilio does (400, error 21211).
import { randomBytes } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

import { eventually } from './wait';

export const FAKE_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
export const FAKE_AUTH_TOKEN = 'fake-twilio-auth-token';
export const FAKE_FROM_NUMBER = '+447700900999';

export interface FakeSms {
  sid: string;
  to: string;
  from?: string;
  body: string;
  statusCallback?: string;
  receivedAt: number;
}
/** A call as the Calls resource received it (POST Calls.json). */
export interface FakeCall {
  sid: string;
  to: string;
  from?: string;
  url: string;
  method?: string;
  statusCallback?: string;
  statusCallbackEvents: string[];
  machineDetection?: string;
  timeout?: string;
  receivedAt: number;
}
/**
 * record: the fake counts the message as received; respond: it answers after ms (a slow send), rather than dropping the
 * connection.
 */
interface Hang {
  ms: number;
  record: boolean;
  respond?: boolean;
}

export class FakeTwilio {
  readonly messages: FakeSms[] = [];
  readonly calls: FakeCall[] = [];
  requests = 0;
  private failures: number[] = [];
  private hangs: (Hang | null)[] = [];
  private readonly rejected = new Map<string, number>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTwilio> {
    // eslint-disable-next-line prefer-const -- assigned once the server exists; its handler reads it later
    let fake!: FakeTwilio;
    // A client killed mid-request resets the connection; the fake drops that request as Twilio would.
    const server = http.createServer((req, res) => void fake.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeTwilio(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  /** Answer the next n message requests with this status (500 by default) without sending. */
  failNext(n: number, status = 500): void {
    this.failures.push(...Array<number>(n).fill(status));
  }
  /**
   * After answering `after` requests normally, hold the next n for ms, then drop the connection.
   * With record, each message was accepted before the answer was lost (the crash-test case).
   */
  hangNext(n: number, ms: number, { record = false, after = 0 } = {}): void {
    this.hangs.push(...Array<null>(after).fill(null), ...Array<Hang>(n).fill({ ms, record }));
  }
  /** The next n requests are answered, successfully, only after ms: a provider that is slow but works. */
  slowNext(n: number, ms: number): void {
    this.hangs.push(...Array<Hang>(n).fill({ ms, record: false, respond: true }));
  }
  /** Refuse this number as Twilio refuses an invalid one. */
  rejectNumber(to: string, code = 21211): void {
    this.rejected.set(to, code);
  }
  reset(): void {
    this.failures = [];
    this.hangs = [];
    this.rejected.clear();
    this.messages.length = 0;
    this.calls.length = 0;
    this.requests = 0;
  }
  to(address: string): FakeSms[] {
    return this.messages.filter((m) => m.to === address);
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    await eventually(
      () => (this.messages.length >= count ? true : null),
      `${count} messages at fake Twilio`,
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/(Messages|Calls)\.json$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match)
      return this.json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const expected = `Basic ${Buffer.from(`${match[1]}:${FAKE_AUTH_TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected)
      return this.json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    this.requests += 1;
    const form = new URLSearchParams(Buffer.concat(chunks).toString());
    if (match[2] === 'Calls') return this.call(res, match[1], form);
    const message: FakeSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: form.get('To') ?? '',
      from: form.get('From') ?? undefined,
      body: form.get('Body') ?? '',
      statusCallback: form.get('StatusCallback') ?? undefined,
      receivedAt: Date.now(),
    };
    const hang = this.hangs.shift();
    if (hang?.respond) await new Promise((resolve) => setTimeout(resolve, hang.ms));
    else if (hang) {
      if (hang.record) this.messages.push(message);
      setTimeout(() => req.socket.destroy(), hang.ms).unref();
      return;
    }
    const failure = this.failures.shift();
    if (failure) return this.json(res, failure, { code: 20500, message: 'Internal Server Error', status: failure });
    const code = this.rejected.get(message.to);
    if (code)
      return this.json(res, 400, {
        code,
        message: `The 'To' number is not a valid phone number.`,
        status: 400,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
      });
    this.messages.push(message);
    this.json(res, 201, {
      sid: message.sid,
      account_sid: match[1],
      to: message.to,
      from: message.from ?? null,
      body: message.body,
      status: 'queued',
      messaging_service_sid: form.get('MessagingServiceSid'),
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${match[1]}/Messages/${message.sid}.json`,
    });
  }

  private call(res: ServerResponse, accountSid: string, form: URLSearchParams): void {
    const failure = this.failures.shift();
    if (failure) return this.json(res, failure, { code: 20500, message: 'Internal Server Error', status: failure });
    const call: FakeCall = {
      sid: `CA${randomBytes(16).toString('hex')}`,
      to: form.get('To') ?? '',
      from: form.get('From') ?? undefined,
      url: form.get('Url') ?? '',
      method: form.get('Method') ?? undefined,
      statusCallback: form.get('StatusCallback') ?? undefined,
      statusCallbackEvents: form.getAll('StatusCallbackEvent'),
      machineDetection: form.get('MachineDetection') ?? undefined,
      timeout: form.get('Timeout') ?? undefined,
      receivedAt: Date.now(),
    };
    const code = this.rejected.get(call.to);
    if (code)
      return this.json(res, 400, { code, message: `The 'To' number is not a valid phone number.`, status: 400 });
    this.calls.push(call);
    this.json(res, 201, {
      sid: call.sid,
      account_sid: accountSid,
      to: call.to,
      from: call.from ?? null,
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${accountSid}/Calls/${call.sid}.json`,
    });
  }

  private json(res: ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** server.inject options for a status callback signed as Twilio signs it (or with the signature given). */
export function signedStatusCallback(publicBaseUrl: string, params: Record<string, string>, signature?: string | null) {
  const path = '/webhooks/twilio/status';
  const sig =
    signature === undefined ? getExpectedTwilioSignature(FAKE_AUTH_TOKEN, publicBaseUrl + path, params) : signature;
  return {
    method: 'POST' as const,
    url: path,
    payload: new URLSearchParams(params).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(sig === null ? {} : { 'x-twilio-signature': sig }),
    },
  };
}
