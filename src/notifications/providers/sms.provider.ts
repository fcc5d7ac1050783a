// The one thing the service needs from an SMS provider. Implementations throw DeliveryError.
export interface SmsMessage {
  to: string;
  body: string;
  statusCallback?: string;
}
export interface SentMessage {
  providerId: string;
}

export interface SmsProvider {
  /** Recording providers keep messages instead of sending them; main.ts says so loudly. */
  readonly recording: boolean;
  send(message: SmsMessage): Promise<SentMessage>;
  close?(): Promise<void>;
}
