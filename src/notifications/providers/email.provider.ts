// The one thing the service needs from an email provider. Implementations throw DeliveryError.
import type { Attachment } from '../notification.entity';
import type { SentMessage } from './sms.provider';

export interface EmailMessage {
  to: string;
  subject: string;
  html: string | null;
  text: string;
  messageId: string;
  attachments?: Attachment[];
}

export interface EmailProvider {
  readonly recording: boolean;
  send(message: EmailMessage): Promise<SentMessage>;
  close?(): Promise<void>;
}
