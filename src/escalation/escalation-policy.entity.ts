// One version of an authority's escalation policy. Versions are never changed, only added.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { EscalationStep, PolicySettings } from './escalation-policy';

@Entity('escalation_policies')
export class EscalationPolicy {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('integer') version!: number;
  @Column('jsonb') settings!: PolicySettings;
  @Column('jsonb') steps!: EscalationStep[];
  @Column('uuid', { nullable: true }) createdBy!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
