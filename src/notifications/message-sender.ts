// Sends one claimed message through its channel's provider: writes its words from the template and
// the data it was queued with (plus what it gains at send time), then texts, emails or calls. A
// failure is thrown as a DeliveryError for the dispatcher to record; nothing here touches the outbox.
import type { Notification } from './notification.entity';
import { DeliveryError } from './providers/delivery-error';
import type { EmailProvider } from './providers/email.provider';
import type { SmsProvider } from './providers/sms.provider';
import type { VoiceProvider } from './providers/voice.provider';
import { MessageContent, renderEmailHtml, renderMessage } from './templates';
import { alertTwiml, callKeysPath, callStatusPath, callTwimlPath } from './voice/call-twiml';
import { alertWords, callWords } from './voice/call-words';

export interface MessageSenderDeps {
  sms: SmsProvider;
  email: EmailProvider;
  /** Without one, a call fails at once and falls back (the dispatcher of a test that sends no calls). */
  voice?: VoiceProvider;
  /** What a message's data gains when it is sent (the signed link its data names); nothing if not given. */
  dataAtSend?: (n: Notification) => object;
}

/** What a send produced: the provider's id for it and the words sent (kept on the row as its record). */
export interface SendResult {
  providerId: string;
  content: MessageContent;
}

export const statusCallbackPath = '/webhooks/twilio/status';

/** The same Message-ID on every attempt at one notification. */
export function messageIdFor(notificationId: string, publicBaseUrl: string): string {
  return `<${notificationId}@${new URL(publicBaseUrl).hostname}>`;
}

export class MessageSender {
  constructor(
    private readonly deps: MessageSenderDeps,
    private readonly publicBaseUrl: string,
  ) {}

  /** Sends `n`; resolves with the provider's id and the words sent, or throws why it could not. */
  async send(n: Notification): Promise<SendResult> {
    const data = this.dataOf(n);
    const content = contentOf(n, data);
    const { providerId } = await this.sendVia(n, content, data);
    return { providerId, content };
  }

  /** The data a message is written from: as queued, with what it gains at send and its ack code. */
  private dataOf(n: Notification): object {
    return { ...n.data, ...this.deps.dataAtSend?.(n), ackCode: n.ackCode };
  }

  private sendVia(n: Notification, content: MessageContent, data: object) {
    const base = this.publicBaseUrl;
    if (n.channel === 'sms')
      return this.deps.sms.send({ to: n.address, body: content.text, statusCallback: base + statusCallbackPath });
    if (n.channel === 'voice') return this.call(n, content, data);
    // Rows queued before the HTML part moved to send time still carry it.
    const html = n.bodyHtml ?? renderEmailHtml(n.template, data, n.language ?? 'en');
    return this.deps.email.send({
      to: n.address,
      subject: content.subject ?? '',
      html,
      text: content.text,
      messageId: messageIdFor(n.id, base),
      attachments: n.attachments ?? undefined,
    });
  }

  /** A call whose words Twilio fetches from the service's TwiML route when it is answered. */
  private call(n: Notification, content: MessageContent, data: object) {
    const { voice } = this.deps;
    if (!voice) throw new DeliveryError('permanent', 'calls are not set up in this service');
    const base = this.publicBaseUrl;
    return voice.call({
      to: n.address,
      url: base + callTwimlPath(n.id),
      statusCallback: base + callStatusPath,
      twiml: alertTwiml(
        alertWords({ ...n, bodyText: content.text }, data),
        callWords(n, 'call-prompt', data),
        base + callKeysPath(n.id),
      ),
    });
  }
}

/**
 * What the message says: rendered now from its template and its data (rows queued before rendering
 * moved to send time carry their text). A template that cannot be rendered will not render on a
 * retry either, so the message fails at once and its fallback and the duty manager's alert follow.
 */
function contentOf(n: Notification, data: object): MessageContent {
  if (n.bodyText !== null) return { subject: n.subject, text: n.bodyText };
  try {
    return renderMessage(n.channel, n.template, data, n.language ?? 'en');
  } catch (err) {
    throw new DeliveryError(
      'permanent',
      `the message could not be written from its template ${n.template}: ${(err as Error).message}`,
    );
  }
}
