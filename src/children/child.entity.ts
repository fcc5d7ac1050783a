// A child in the authority's care. The reference (e.g. K7Q2) is what carers text; it names no one.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const traffickingStatuses = ['suspected', 'confirmed', 'not_trafficked', 'unknown'] as const;
export const identifiedBy = ['border_referral', 'police', 'self_presented', 'other'] as const;

@Entity('children')
export class Child {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('text') reference!: string;
  @Column('text') localId!: string;
  @Column('text') firstNames!: string;
  @Column('text') lastName!: string;
  @Column('text', { array: true }) aliases!: string[];
  @Column('date') dateOfBirth!: string;
  @Column('boolean') dobEstimated!: boolean;
  @Column('boolean') ageDisputed!: boolean;
  @Column('smallint') sex!: 1 | 2;
  @Column('text', { nullable: true }) gender!: string | null;
  @Column('text', { nullable: true }) nationality!: string | null;
  @Column('text', { nullable: true }) firstLanguage!: string | null;
  @Column('boolean') interpreterNeeded!: boolean;
  @Column('boolean') uasc!: boolean;
  @Column('date', { nullable: true }) arrivalDate!: string | null;
  @Column('text', { nullable: true }) arrivalPort!: string | null;
  @Column('text', { nullable: true }) identifiedBy!: (typeof identifiedBy)[number] | null;
  @Column('text') traffickingStatus!: (typeof traffickingStatuses)[number];
  @Column('uuid', { nullable: true }) socialWorkerId!: string | null;
  @Column('timestamptz') careStartedAt!: Date;
  @Column('timestamptz', { nullable: true }) careEndedAt!: Date | null;
  @Column('text', { nullable: true }) careEndReason!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
