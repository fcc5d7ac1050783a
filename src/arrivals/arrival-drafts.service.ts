// The duty social worker's unfinished arrival, kept server-side per user: every section saved as it
// is completed, so a connection dropped at the port loses nothing and /arrivals/new resumes it. A
// draft untouched for DRAFT_DAYS is deleted (it holds a child's name and photograph). Submitting
// records the arrival and deletes the draft in the same transaction.
import type { DataSource } from 'typeorm';

import { cleanPhoto } from '../missing-profiles/photo-image';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import { ArrivalDraftsRepository, type DraftRow } from './arrival-drafts.repository';
import { draftToArrival } from './arrival-input';
import type { ArrivalsService, RecordedArrival } from './arrivals.service';

export const DRAFT_DAYS = 3;
const DAY = 86_400_000;

export class ArrivalDraftsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly arrivals: ArrivalsService,
    private readonly displayTimeZone: string,
    private readonly repo = new ArrivalDraftsRepository(),
  ) {}

  private key(ctx: RequestContext) {
    return { authorityId: ctx.actor.authorityId, userId: ctx.actor.userId };
  }

  /** The caller's draft, or null; stale drafts (anyone's) are deleted first. */
  async get(ctx: RequestContext): Promise<DraftRow | null> {
    return this.db.transaction(async (tx) => {
      await this.repo.removeStale(tx, new Date(this.clock.now().getTime() - DRAFT_DAYS * DAY));
      return this.repo.get(tx, ctx.actor.authorityId, ctx.actor.userId);
    });
  }

  async saveSection(ctx: RequestContext, section: string, values: Record<string, string | string[]>): Promise<void> {
    await this.repo.putSection(this.db.manager, this.key(ctx), section, values, this.clock.now());
  }

  /** Checks and cleans the photograph now (a refused file is a sentence on the form), and keeps it with the draft. */
  async savePhoto(ctx: RequestContext, file: Buffer | null | undefined): Promise<void> {
    const photo = await cleanPhoto(file);
    await this.repo.putPhoto(this.db.manager, this.key(ctx), photo, this.clock.now());
  }

  async discard(ctx: RequestContext): Promise<void> {
    await this.repo.remove(this.db.manager, ctx.actor.authorityId, ctx.actor.userId);
  }

  /** Records the arrival the draft describes; the draft goes only if the arrival is recorded. */
  async submit(ctx: RequestContext): Promise<RecordedArrival> {
    const draft = await this.get(ctx);
    const input = draftToArrival(draft?.sections ?? {}, this.displayTimeZone);
    return this.arrivals.record(ctx, input, draft?.photo ?? null, (tx) =>
      this.repo.remove(tx, ctx.actor.authorityId, ctx.actor.userId),
    );
  }
}
