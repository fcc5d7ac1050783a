// A real SMTP server on 127.0.0.1 that parses and keeps every message it accepts. It can answer
// 421 ("try again later") to the next connections, as a busy or restarting mail server does.
import type { AddressInfo } from 'node:net';
import { eventually } from './wait';
import { SMTPServer } from 'smtp-server';
import { simpleParser, ParsedMail } from 'mailparser';

export interface SunkMail { mail: ParsedMail; to: string[]; receivedAt: number }

export class SmtpSink {
  readonly messages: SunkMail[] = [];
  private refusals = 0;

  private constructor(private readonly server: SMTPServer, readonly url: string) {}

  static async start(): Promise<SmtpSink> {
    let sink!: SmtpSink;
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onConnect(_session, callback) {
        if (sink.refusals > 0) {
          sink.refusals -= 1;
          return callback(Object.assign(new Error('Service temporarily unavailable, try again later'), { responseCode: 421 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then((mail) => {
          sink.messages.push({ mail, to: session.envelope.rcptTo.map((r) => r.address), receivedAt: Date.now() });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    sink = new SmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  /** Answer 421 to the next n connections. */
  refuseNext(n: number): void { this.refusals = n; }
  reset(): void { this.refusals = 0; this.messages.length = 0; }
  to(address: string): SunkMail[] { return this.messages.filter((m) => m.to.includes(address)); }

  async waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    await eventually(() => (this.messages.length >= count ? true : null), `${count} messages at the SMTP sink`, timeoutMs);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
