// A child's trafficking assessments: list and record.
import { contextOf } from '../platform/http/context';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentAssessment } from './trafficking-assessment.presenter';
import { createAssessmentSchema } from './trafficking-assessments.schemas';
import type { AssessmentInput } from './trafficking-assessments.service';

const tags = ['api', 'trafficking-assessments'];

export const traffickingAssessmentsRoutes: AppRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/children/{id}/trafficking-assessments',
    options: {
      tags,
      description: "A child's trafficking assessments, newest first (audited)",
      app: { action: 'children.read' },
      validate: { params: idParam },
      handler: async (request) =>
        (
          await request.server.app.services.traffickingAssessments.listForChild(contextOf(request), request.params.id)
        ).map(presentAssessment),
    },
  },
  route<{ Payload: AssessmentInput }>({
    method: 'POST',
    path: '/api/v1/children/{id}/trafficking-assessments',
    options: {
      tags,
      description: 'Record a trafficking assessment (indicator checklist and outcome)',
      app: { action: 'children.write' },
      validate: { params: idParam, payload: createAssessmentSchema },
      handler: async (request, h) => {
        const assessment = await request.server.app.services.traffickingAssessments.record(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentAssessment(assessment)).code(201);
      },
    },
  }),
];
