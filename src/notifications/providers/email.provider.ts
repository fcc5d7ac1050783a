// The one thing the service needs from an email provider. Implementations throw DeliveryError.
import type { SentMessage } from './sms.provider';

export interface EmailMessage { to: string; subject: string; html: string | null; text: string; messageId: string }

export interface EmailProvider {
  readonly recording: boolean;
  send(message: EmailMessage): Promise<SentMessage>;
  close?(): Promise<void>;
}
