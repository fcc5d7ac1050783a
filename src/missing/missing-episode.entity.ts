// A missing episode (M: whereabouts unknown; A: away without authorisation), its timeline and the
// history of the police risk grade. See migrations/1732300000300-missing-episodes.ts.
import { Column, Entity, PrimaryGeneratedColumn, VirtualColumn } from 'typeorm';

import type { PolicySnapshot, RiskGrade } from '../escalation/escalation-policy';
import type { TimelineText } from './timeline-text';

export const episodeKinds = ['M', 'A'] as const;
export const reportedVia = ['sms', 'web', 'phone'] as const;
export const episodeStates = [
  'reported',
  'police_informed',
  'returned',
  'return_interview_due',
  'return_interview_held',
  'closed',
] as const;
export type EpisodeState = (typeof episodeStates)[number];

@Entity('missing_episodes')
export class MissingEpisode {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('uuid', { nullable: true }) placementId!: string | null;
  @Column('text') reference!: string;
  @Column('text') kind!: (typeof episodeKinds)[number];
  @Column('text') state!: EpisodeState;
  @Column('timestamptz') discoveredAt!: Date;
  @Column('timestamptz', { nullable: true }) lastSeenAt!: Date | null;
  @Column('text', { nullable: true }) lastSeenWhere!: string | null;
  @Column('text', { nullable: true }) lastSeenBy!: string | null;
  @Column('text', { nullable: true }) lastSeenClothing!: string | null;
  @Column('timestamptz') reportedAt!: Date;
  @Column('text') reportedVia!: (typeof reportedVia)[number];
  @Column('uuid', { nullable: true }) reportedByUserId!: string | null;
  @Column('text') reportedByName!: string;
  @Column('text', { nullable: true }) reportedByMobile!: string | null;
  @Column('timestamptz', { nullable: true }) reportedToPoliceAt!: Date | null;
  @Column('text', { nullable: true }) policeReference!: string | null;
  @Column('text', { nullable: true }) riskGrade!: RiskGrade | null;
  @Column('timestamptz', { nullable: true }) riskHighAt!: Date | null;
  @Column('boolean') highRiskFromStart!: boolean;
  @Column('text') traffickingStatus!: string;
  @Column('timestamptz', { nullable: true }) placementStartedAt!: Date | null;
  @Column('integer') repeatCount!: number;
  @Column('text', { nullable: true }) parentNoticeSuppressedReason!: string | null;
  /**
   * When an away episode (A) became missing (M): the missing ladder is measured from it. Null for an episode reported
   * missing.
   */
  @Column('timestamptz', { nullable: true }) missingSince!: Date | null;
  @Column('timestamptz', { nullable: true }) returnedAt!: Date | null;
  @Column('text', { nullable: true }) returnedWhere!: string | null;
  @Column('text', { nullable: true }) returnedBy!: string | null;
  @Column('timestamptz', { nullable: true }) preventionInterviewAt!: Date | null;
  @Column('text', { nullable: true }) preventionInterviewBy!: string | null;
  @Column('timestamptz', { nullable: true }) returnInterviewOfferedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) returnInterviewHeldAt!: Date | null;
  @Column('text', { nullable: true }) returnInterviewBy!: string | null;
  @Column('boolean') returnInterviewDeclined!: boolean;
  @Column('integer') returnInterviewAttempts!: number;
  @Column('text', { nullable: true }) returnInterviewReasonNotHeld!: string | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
  @Column('text', { nullable: true }) closeReason!: string | null;
  @Column('uuid', { nullable: true }) policyId!: string | null;
  /**
   * The episode's own copy of its policy, kept only where it opened under no saved version (older
   * and demo episodes). A saved version is never changed (the database refuses it), so policyId is
   * the copy: repeating its 1.4 kB on every episode made it seven eighths of the row.
   */
  @Column('jsonb', { name: 'policy_snapshot', nullable: true }) policyCopy!: PolicySnapshot | null;
  /** The escalation policy the episode runs under: its own copy, or the saved version it names. */
  @VirtualColumn({
    type: 'jsonb',
    query: (alias) => `SELECT coalesce(${alias}.policy_snapshot, (SELECT jsonb_build_object('version', p.version,
    'settings', p.settings, 'steps', p.steps) FROM escalation_policies p WHERE p.id = ${alias}.policy_id))`,
  })
  policy!: PolicySnapshot;
  @Column('text', { array: true }) visibleToRoles!: string[];
  /** When the sweep looks at it next (escalation_schedule, written only by the runner); null once closed. */
  @VirtualColumn({
    type: 'timestamptz',
    query: (alias) => `SELECT s.next_at FROM escalation_schedule s WHERE s.episode_id = ${alias}.id`,
  })
  nextEscalationAt!: Date | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
  /** Not a column: the child's short reference, attached by the repository for presenters. */
  childReference?: string;
}

@Entity('episode_events')
export class EpisodeEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('uuid') episodeId!: string;
  @Column('uuid') authorityId!: string;
  @Column('timestamptz') at!: Date;
  @Column('text') type!: string;
  @Column('uuid', { nullable: true }) actorUserId!: string | null;
  @Column('text', { nullable: true }) actorName!: string | null;
  @Column('text', { nullable: true }) stepKey!: string | null;
  @Column('integer', { nullable: true }) repeat!: number | null;
  @Column('text') summary!: string;
  /** The line as a timeline.* message and its parameters, for pages in either language (null on older lines). */
  @Column('text', { nullable: true }) summaryKey!: string | null;
  @Column('jsonb', { nullable: true }) summaryParams!: TimelineText['params'] | null;
  @Column('jsonb', { nullable: true }) data!: object | null;
}

@Entity('episode_risk_grades')
export class RiskGradeChange {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') episodeId!: string;
  @Column('uuid') authorityId!: string;
  @Column('text') grade!: RiskGrade;
  @Column('text', { nullable: true }) previousGrade!: RiskGrade | null;
  @Column('text') reason!: string;
  @Column('uuid', { nullable: true }) gradedByUserId!: string | null;
  @Column('text') gradedByName!: string;
  @Column('timestamptz') gradedAt!: Date;
}
