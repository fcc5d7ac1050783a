// What a meeting records: who attended, a review per child and the actions agreed.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const attendanceKinds = ['present', 'apologies', 'absent'] as const;
export type AttendanceKind = (typeof attendanceKinds)[number];

@Entity('group_attendance')
export class GroupAttendance {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid', { nullable: true }) memberId!: string | null;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) organisation!: string | null;
  @Column('text') attendance!: AttendanceKind;
}

@Entity('group_reviews')
export class GroupReview {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid') childId!: string;
  @Column('uuid', { array: true }) episodeIds!: string[];
  @Column('text', { array: true }) indicatorsConsidered!: string[];
  @Column('text') decision!: string;
  @Column('text', { nullable: true }) planChanges!: string | null;
  @Column('boolean') debriefArranged!: boolean;
  @Column('text', { nullable: true }) debriefWith!: string | null;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @Column('timestamptz') createdAt!: Date;
  /** Not a column: the child's reference, attached for presenters. */
  childReference?: string;
}

@Entity('group_actions')
export class GroupAction {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') meetingId!: string;
  @Column('uuid', { nullable: true }) childId!: string | null;
  @Column('text') description!: string;
  @Column('uuid', { nullable: true }) ownerMemberId!: string | null;
  @Column('text') ownerName!: string;
  @Column('text', { nullable: true }) ownerEmail!: string | null;
  @Column('date') dueOn!: string;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('uuid', { nullable: true }) completedBy!: string | null;
  @Column('text', { nullable: true }) completionNote!: string | null;
  @Column('date', { nullable: true }) lastChasedOn!: string | null;
  @Column('timestamptz') createdAt!: Date;
  /** Not a column: the child's reference, attached for presenters. */
  childReference?: string | null;
}
