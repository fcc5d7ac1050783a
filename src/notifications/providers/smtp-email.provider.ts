// Email through nodemailer over SMTP. Every attempt at one notification carries the same
// Message-ID, so a retry after a lost answer is recognisable as the same message.
import nodemailer, { Transporter } from 'nodemailer';

import { DeliveryError, isNetworkError, withoutContactDetails } from './delivery-error';
import type { EmailMessage, EmailProvider } from './email.provider';
import type { SentMessage } from './sms.provider';

export interface SmtpSettings {
  url: string;
  from: string;
  timeoutMs: number;
}

/** SMTP 4xx is "try again later" (421 busy, 451 local error); 5xx is "this will never work". */
export function classifySmtpError(err: unknown): DeliveryError {
  const e = err as { responseCode?: number; code?: unknown; message?: string };
  if (typeof e.responseCode === 'number') {
    const what = `the mail server answered ${e.responseCode}`;
    return new DeliveryError(e.responseCode >= 500 ? 'permanent' : 'transient', what);
  }
  if (isNetworkError(e))
    return new DeliveryError('transient', `the mail server could not be reached (${e.code as string})`);
  return new DeliveryError(
    'transient',
    withoutContactDetails(`sending the email failed: ${e.message ?? 'unknown error'}`),
  );
}

export class SmtpEmailProvider implements EmailProvider {
  readonly recording = false;
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    // A small pool of open connections: a burst of alerts does not wait for a handshake each.
    this.transport = nodemailer.createTransport({
      url: settings.url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    });
  }

  async send(message: EmailMessage): Promise<SentMessage> {
    try {
      const info = await this.transport.sendMail({
        from: this.settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        messageId: message.messageId,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      return { providerId: info.messageId || message.messageId };
    } catch (err) {
      throw classifySmtpError(err);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
