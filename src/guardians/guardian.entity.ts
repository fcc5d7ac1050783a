// A child's guardian: an Independent Child Trafficking Guardian (direct worker when no one in the
// UK has parental responsibility, regional coordinator when someone does) or another guardian.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const guardianKinds = [
  'ictg_direct_worker',
  'ictg_regional_coordinator',
  'parent_with_pr',
  'special_guardian',
  'legal_representative',
  'other',
] as const;
export type GuardianKind = (typeof guardianKinds)[number];

@Entity('guardians')
export class Guardian {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('text') kind!: GuardianKind;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) organisation!: string | null;
  /** E.164. */
  @Column('text', { nullable: true }) mobile!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('date', { nullable: true }) referredOn!: string | null;
  @Column('date', { nullable: true }) allocatedOn!: string | null;
  @Column('date', { nullable: true }) endedOn!: string | null;
  /** The guardian's own user account, when they sign in: their tie to this child. */
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
