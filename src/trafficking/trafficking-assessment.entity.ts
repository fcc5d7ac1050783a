// One trafficking assessment of a child: the indicators seen, the outcome, who assessed and when.
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { AssessmentOutcome, TraffickingIndicator } from './trafficking-indicators';

@Entity('trafficking_assessments')
export class TraffickingAssessment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') authorityId!: string;
  @Column('uuid') childId!: string;
  @Column('text', { array: true }) indicators!: TraffickingIndicator[];
  @Column('text') outcome!: AssessmentOutcome;
  @Column('text') assessor!: string;
  @Column('date') assessedOn!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
