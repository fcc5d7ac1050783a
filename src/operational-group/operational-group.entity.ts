// The authority's operational group, its members and its meetings. See
// migrations/1732300000500-operational-group.ts.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

@Entity('operational_groups')
export class OperationalGroup {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('text') name!: string;
  @Column('integer') cadenceDays!: number;
  @Column('integer') packDaysBefore!: number;
  @Column('timestamptz') firstMeetingAt!: Date;
  @Column('integer') durationMinutes!: number;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}

@Entity('group_members')
export class GroupMember {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') groupId!: string;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('uuid', { nullable: true }) contactId!: string | null;
  @Column('timestamptz') createdAt!: Date;
}

@Entity('group_meetings')
export class GroupMeeting {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') groupId!: string;
  @Column('timestamptz') startsAt!: Date;
  @Column('integer') durationMinutes!: number;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text') status!: MeetingStatus;
  /** The agenda pack as it was sent (frozen); null until the pack goes out. */
  @Column('jsonb', { nullable: true }) pack!: object | null;
  @Column('text', { nullable: true }) packHtml!: string | null;
  @Column('timestamptz', { nullable: true }) packSentAt!: Date | null;
  @Column('timestamptz', { nullable: true }) coversFrom!: Date | null;
  @Column('timestamptz', { nullable: true }) coversTo!: Date | null;
  @Column('text', { nullable: true }) minutes!: string | null;
  /** The invitation's SEQUENCE: rises with each change members' calendars must take (time, place, cancelled). */
  @Column('integer') sequence!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
