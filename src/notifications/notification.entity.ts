// One promised message and where it is on its way. See migrations/...-notifications.ts.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { Rendering } from './message-language';

export const notificationStatuses = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'undelivered',
  'failed',
  'acknowledged',
  'cancelled',
] as const;
export type NotificationStatus = (typeof notificationStatuses)[number];

/** How far a message has got: a provider's late or repeated report never moves it back (delivered stays delivered). */
export const statusRank: Record<NotificationStatus, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  undelivered: 4,
  failed: 4,
  acknowledged: 5,
  cancelled: 5,
};
export type Channel = 'sms' | 'email' | 'voice';
export type RecipientType = 'contact' | 'user' | 'carer' | 'guardian' | 'duty';

/** A file sent with an email (e.g. a calendar invitation); content is text. */
export interface Attachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Where to go next if this message cannot be delivered: another channel or another contact. */
export interface Fallback {
  channel: Channel;
  address: string;
  recipientType: RecipientType;
  recipientId: string | null;
  recipientName: string;
}

@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid', { nullable: true }) episodeId!: string | null;
  @Column('text', { nullable: true }) stepKey!: string | null;
  @Column('text', { nullable: true }) dedupeKey!: string | null;
  @Column('text') channel!: Channel;
  @Column('text') recipientType!: RecipientType;
  @Column('uuid', { nullable: true }) recipientId!: string | null;
  @Column('text') recipientName!: string;
  @Column('text') address!: string;
  @Column('text') template!: string;
  @Column('text', { nullable: true }) subject!: string | null;
  /** Null until sent: the text is rendered from template and data when the message goes. */
  @Column('text', { nullable: true }) bodyText!: string | null;
  @Column('text', { nullable: true }) bodyHtml!: string | null;
  @Column('boolean') needsAck!: boolean;
  @Column('text', { nullable: true }) ackCode!: string | null;
  @Column('timestamptz', { nullable: true }) acknowledgedAt!: Date | null;
  @Column('text') status!: NotificationStatus;
  @Column('integer') attempts!: number;
  @Column('timestamptz') nextAttemptAt!: Date;
  @Column('timestamptz', { nullable: true }) claimedUntil!: Date | null;
  @Column('text', { nullable: true }) providerId!: string | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('json') fallbacks!: Fallback[];
  @Column('uuid', { nullable: true }) fallbackOf!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  @Column('timestamptz', { nullable: true }) sentAt!: Date | null;
  @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
  /** The template data (without the ack code), so a fallback can be rendered for another channel. */
  @Column('json', { nullable: true }) data!: Record<string, unknown> | null;
  /** Email only: files sent with the message (see migrations/...-operational-group.ts). */
  @Column('jsonb', { nullable: true }) attachments!: Attachment[] | null;
  /** The language(s) it is written in ("cy+en": Welsh first); null on rows queued before: English. */
  @Column('text', { nullable: true }) language!: Rendering | null;
  /** Queue order (messages queued in one transaction share created_at); assigned by the database. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
}

@Entity('notification_events')
export class NotificationEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid') notificationId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') status!: string;
  @Column('text', { nullable: true }) detail!: string | null;
}
