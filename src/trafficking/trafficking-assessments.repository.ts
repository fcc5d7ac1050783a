// A child's trafficking assessments, scoped to the authority: recorded, never edited.
import type { Tx } from '../platform/database/transaction';
import { TraffickingAssessment } from './trafficking-assessment.entity';

export class TraffickingAssessmentsRepository {
  /** The child's assessments, newest first. */
  forChild(tx: Tx, authorityId: string, childId: string): Promise<TraffickingAssessment[]> {
    return tx.find(TraffickingAssessment, {
      where: { authorityId, childId },
      order: { assessedOn: 'DESC', createdAt: 'DESC' },
    });
  }

  insert(tx: Tx, values: Omit<TraffickingAssessment, 'id'>): Promise<TraffickingAssessment> {
    return tx.save(TraffickingAssessment, tx.create(TraffickingAssessment, values));
  }
}
