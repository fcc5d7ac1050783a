// One text received on the service's number and how it was handled.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InboundOutcome =
  | 'episode_opened'
  | 'already_open'
  | 'return_recorded'
  | 'no_open_episode'
  | 'acknowledged'
  | 'ack_not_recognised'
  | 'which_child'
  | 'help'
  | 'not_understood'
  | 'unknown_sender'
  | 'failed'
  | 'confirmation_asked'
  | 'no_confirmation'
  | 'update_added'
  | 'bed_check_home'
  | 'bed_check_bare_asked'
  | 'texts_stopped'
  | 'texts_restarted';

@Entity('inbound_messages')
export class InboundMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') messageSid!: string;
  @Column('uuid', { nullable: true }) authorityId!: string | null;
  @Column('text') fromNumber!: string;
  @Column('text', { nullable: true }) toNumber!: string | null;
  @Column('text') body!: string;
  @Column('timestamptz') receivedAt!: Date;
  @Column('text') command!: string;
  @Column('text') outcome!: InboundOutcome;
  @Column('uuid', { nullable: true }) childId!: string | null;
  @Column('uuid', { nullable: true }) episodeId!: string | null;
  @Column('text') reply!: string;
  @Column('boolean') needsAttention!: boolean;
  @Column('timestamptz', { nullable: true }) handledAt!: Date | null;
  @Column('uuid', { nullable: true }) handledBy!: string | null;
  @Column('text', { nullable: true }) handledNote!: string | null;
}
