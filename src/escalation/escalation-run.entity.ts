// One executed (or deliberately skipped) escalation step. Its primary key (episode, step, repeat)
// is what makes a step run once however many instances sweep at the same moment.
import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { TimelineText } from '../missing/timeline-text';

@Entity('escalation_runs')
export class EscalationRun {
  @PrimaryColumn('uuid') episodeId!: string;
  @PrimaryColumn('text') stepKey!: string;
  @PrimaryColumn('integer') repeat!: number;
  /** 'unreached': fired, but nobody was set up to send to (shown as a failure). */
  @Column('text') outcome!: 'fired' | 'skipped' | 'unreached';
  @Column('text') reason!: string;
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('timestamptz') ranAt!: Date;
  @Column('integer') notifications!: number;
  /** The run's line on the episode's timeline (null for runs written before runs carried it). */
  @Column('text', { nullable: true }) summary!: string | null;
  /** The same line as a timeline.* message and its parameters (null on runs written before lines had keys). */
  @Column('text', { nullable: true }) summaryKey!: string | null;
  @Column('jsonb', { nullable: true }) summaryParams!: TimelineText['params'] | null;
  /** Order of writing, for runs that share ran_at. */
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
}
