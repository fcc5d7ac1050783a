// /api/v1 missing episodes: report, read, and the changes an episode goes through. Thin handlers.
import type { ObjectSchema } from 'joi';

import type { RequestContext } from '../platform/auth/actor';
import type { Action } from '../platform/auth/permissions';
import { contextOf } from '../platform/http/context';
import { recordPost } from '../platform/http/record-post';
import { idParam } from '../platform/http/schemas';
import { type AppRoute, route } from '../platform/http/types';
import { presentEpisode, presentEpisodeDetail, presentEpisodeSummary } from './episode.presenter';
import type {
  EpisodeUpdatesService,
  PoliceInput,
  ReturnInput,
  ReturnInterviewInput,
  SightingInput,
} from './episode-updates.service';
import {
  acknowledgeSchema,
  changeToMissingSchema,
  closeSchema,
  listEpisodesQuery,
  policeSchema,
  reportSchema,
  returnInterviewSchema,
  returnSchema,
  sightingSchema,
  undoReturnSchema,
} from './missing.schemas';
import type { MissingEpisode } from './missing-episode.entity';
import type { EpisodeFilter } from './missing-episodes.repository';
import type { ReportInput } from './report-missing.service';

const tags = ['api', 'missing'];
type Update<P> = (updates: EpisodeUpdatesService, ctx: RequestContext, id: string, input: P) => Promise<MissingEpisode>;

function update<P extends object>(
  path: string,
  description: string,
  run: Update<P>,
  payload: ObjectSchema,
  action: Action = 'episodes.update',
): AppRoute {
  return recordPost<P>({
    path: `/api/v1/episodes/{id}/${path}`,
    tags,
    description,
    action,
    payload,
    handler: async (request) =>
      presentEpisode(
        await run(request.server.app.services.episodeUpdates, contextOf(request), request.params.id, request.payload),
      ),
  });
}

export const missingRoutes: AppRoute[] = [
  route<{ Payload: ReportInput }>({
    method: 'POST',
    path: '/api/v1/children/{id}/episodes',
    options: {
      tags,
      description:
        'Report a child missing (M) or away without authorisation (A); alerts go out at once. With returnedAt, a past episode is recorded and sends nothing',
      app: { action: 'episodes.report' },
      validate: { params: idParam, payload: reportSchema },
      handler: async (request, h) => {
        const episode = await request.server.app.services.reportMissing.report(
          contextOf(request),
          request.params.id,
          request.payload,
        );
        return h.response(presentEpisode(episode)).code(201).location(`/api/v1/episodes/${episode.id}`);
      },
    },
  }),
  route<{ Query: EpisodeFilter }>({
    method: 'GET',
    path: '/api/v1/episodes',
    options: {
      tags,
      description: 'List missing episodes (police and CEOP see only those escalated to them)',
      app: { action: 'episodes.read' },
      validate: { query: listEpisodesQuery },
      handler: async (request) => {
        const { items, total } = await request.server.app.services.missingEpisodes.list(
          contextOf(request),
          request.query,
        );
        return { items: items.map(presentEpisodeSummary), total };
      },
    },
  }),
  {
    method: 'GET',
    path: '/api/v1/episodes/{id}',
    options: {
      tags,
      description: 'One episode with its timeline and every escalation step fired or skipped, with reasons (audited)',
      app: { action: 'episodes.read' },
      validate: { params: idParam },
      handler: async (request) =>
        presentEpisodeDetail(
          await request.server.app.services.missingEpisodes.get(contextOf(request), request.params.id),
        ),
    },
  },
  update(
    'police',
    'Record the police report, reference and risk grade (with the reason for a change)',
    (u, ctx, id, input: PoliceInput) => u.informPolice(ctx, id, input),
    policeSchema,
    'episodes.police_update',
  ),
  update(
    'sightings',
    'Add a sighting while the child is missing',
    (u, ctx, id, input: SightingInput) => u.addSighting(ctx, id, input),
    sightingSchema,
  ),
  update(
    'return',
    'Record the child found or returned; the return-interview clock starts',
    (u, ctx, id, input: ReturnInput) => u.recordReturn(ctx, id, input),
    returnSchema,
  ),
  update(
    'change-to-missing',
    'Change an away episode (whereabouts known) to missing (whereabouts unknown): the missing ladder starts now',
    (u, ctx, id, input: { reason: string }) => u.changeToMissing(ctx, id, input),
    changeToMissingSchema,
  ),
  update(
    'return-interview',
    'Record the return interview: offered, held, declined or why not held',
    (u, ctx, id, input: ReturnInterviewInput) => u.recordReturnInterview(ctx, id, input),
    returnInterviewSchema,
  ),
  update(
    'close',
    'A manager closes an episode with a reason (after the return interview, or ending the search); escalation stops',
    (u, ctx, id, input: { reason: string }) => u.close(ctx, id, input.reason),
    closeSchema,
    'episodes.close',
  ),
  recordPost<{ reason: string }>({
    path: '/api/v1/episodes/{id}/return/undo',
    tags,
    description:
      'A manager undoes a return recorded by mistake, with a reason; everyone told of the return is told "still missing"',
    action: 'episodes.undo_return',
    payload: undoReturnSchema,
    handler: async (request) =>
      presentEpisode(
        await request.server.app.services.undoReturn.undoReturn(
          contextOf(request),
          request.params.id,
          request.payload.reason,
        ),
      ),
  }),
  update(
    'acknowledge',
    "Acknowledge a step's alert so it is not repeated",
    (u, ctx, id, input: { stepKey: string }) => u.acknowledge(ctx, id, input.stepKey),
    acknowledgeSchema,
    'episodes.acknowledge',
  ),
];
