// One version of a child's safeguarding plan. Versions are never edited: a change is a new
// version, and the highest version is the plan in force.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { BedCheckSchedule, PlanMeasure, RiskOfMissing } from './plan-measures';

@Entity('safeguarding_plans')
export class SafeguardingPlan {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('integer') version!: number;
  @Column('text') riskOfMissing!: RiskOfMissing;
  @Column('text', { array: true }) measures!: PlanMeasure[];
  @Column('text', { array: true }) agenciesToNotify!: string[];
  @Column('text') agreedBy!: string;
  @Column('date') agreedOn!: string;
  @Column('date') reviewOn!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  /** Bed checks this version sets; null: none. A new version replaces the schedule. */
  @Column('jsonb', { nullable: true }) bedChecks!: BedCheckSchedule | null;
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
