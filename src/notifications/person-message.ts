// A notice to one person or contact outside the ladder's steps (a duty manager, a social worker): by
// SMS where they have a mobile, by email otherwise, and email as the fallback of a failed SMS. The one
// place that choice is made, so every such notice reaches people the same way.
import type { RecipientType } from './notification.entity';
import type { OutboxMessage } from './outbox';

export interface Addressee {
  id: string | null;
  name: string;
  mobile: string | null;
  email: string | null;
}
export type PersonMessage = Omit<OutboxMessage, 'channel' | 'recipient' | 'fallbacks'>;

/** The message to this person, or null when they have neither a mobile nor an email. */
export function messageToPerson(person: Addressee, type: RecipientType, message: PersonMessage): OutboxMessage | null {
  const address = person.mobile ?? person.email;
  if (!address) return null;
  const fallbacks =
    person.mobile && person.email
      ? [
          {
            channel: 'email' as const,
            address: person.email,
            recipientType: type,
            recipientId: person.id,
            recipientName: person.name,
          },
        ]
      : [];
  return {
    ...message,
    channel: person.mobile ? 'sms' : 'email',
    recipient: { type, id: person.id, name: person.name, address },
    fallbacks,
  };
}

export const reachable = (messages: (OutboxMessage | null)[]): OutboxMessage[] =>
  messages.filter((m): m is OutboxMessage => m !== null);
