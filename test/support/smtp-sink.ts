// A real SMTP server on 127.0.0.1 that parses and keeps every message it accepts. Like a busy or
// restarting mail server it can answer 421 ("try again later") to the next connections, or stop
// listening altogether (connections refused) and come back on the same port.
import type { AddressInfo } from 'node:net';

import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { eventually } from './wait';

export interface SunkMail {
  mail: ParsedMail;
  to: string[];
  receivedAt: number;
}
/**
 * subjectOnly: read only the Subject header (plain ASCII) instead of parsing each message, for benchmarks, where
 * parsing would take the CPU being measured.
 */
export interface SinkOptions {
  subjectOnly?: boolean;
}

/** The message's Subject header as the only field of its "parsed" mail. */
async function subjectOf(stream: AsyncIterable<Buffer>): Promise<ParsedMail> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  const head = Buffer.concat(chunks)
    .toString('latin1')
    .split(/\r?\n\r?\n/)[0];
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1].replace(/\r?\n[ \t]/g, ' ');
  if (subject?.includes('=?')) throw new Error('subjectOnly reads plain subjects only; this one is encoded');
  return { subject } as ParsedMail;
}

export class SmtpSink {
  readonly messages: SunkMail[] = [];
  private refusals = 0;
  private server: SMTPServer | null = null;
  private port = 0;

  private constructor(private readonly options: SinkOptions) {}

  static async start(options: SinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options);
    await sink.comeBack();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answer 421 to the next n connections. */
  refuseNext(n: number): void {
    this.refusals = n;
  }
  reset(): void {
    this.refusals = 0;
    this.messages.length = 0;
  }
  to(address: string): SunkMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    await eventually(
      () => (this.messages.length >= count ? true : null),
      `${count} messages at the SMTP sink`,
      timeoutMs,
    );
  }

  /** Stop listening (and drop open connections): connections are refused until comeBack(). */
  async goDown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Listen again, on the same port as before. */
  async comeBack(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onConnect: (_session, callback) => {
        if (this.refusals <= 0) return callback();
        this.refusals -= 1;
        callback(Object.assign(new Error('Service temporarily unavailable, try again later'), { responseCode: 421 }));
      },
      onData: (stream, session, callback) => {
        (this.options.subjectOnly ? subjectOf(stream) : simpleParser(stream)).then((mail) => {
          this.messages.push({ mail, to: session.envelope.rcptTo.map((r) => r.address), receivedAt: Date.now() });
          callback();
        }, callback);
      },
    });
    // A client killed mid-conversation resets its connection; a real server notes it and carries on.
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    this.server = server;
  }

  async stop(): Promise<void> {
    await this.goDown();
  }
}
