// A National Referral Mechanism referral of a child, and its reasonable-grounds and
// conclusive-grounds decisions. rgDueOn is computed by the service (see nrm-deadlines.ts).
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { DecisionMaker, NrmDecision } from './nrm-deadlines';

@Entity('nrm_referrals')
export class NrmReferral {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('date') referredOn!: string;
  @Column('text') firstResponder!: string;
  @Column('text', { nullable: true }) reference!: string | null;
  @Column('text') decisionMaker!: DecisionMaker;
  @Column('date') rgDueOn!: string;
  @Column('text') rgDecision!: NrmDecision;
  @Column('date', { nullable: true }) rgDecidedOn!: string | null;
  @Column('text') cgDecision!: NrmDecision;
  @Column('date', { nullable: true }) cgDecidedOn!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
