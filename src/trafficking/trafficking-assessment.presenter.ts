// The JSON shape of a trafficking assessment; indicators carry their labels.
import type { TraffickingAssessment } from './trafficking-assessment.entity';
import { traffickingIndicators } from './trafficking-indicators';

export function presentAssessment(a: TraffickingAssessment) {
  return {
    id: a.id,
    childId: a.childId,
    outcome: a.outcome,
    assessor: a.assessor,
    assessedOn: a.assessedOn,
    notes: a.notes,
    indicators: a.indicators.map((code) => ({ code, label: traffickingIndicators[code] ?? code })),
    createdAt: a.createdAt,
  };
}
