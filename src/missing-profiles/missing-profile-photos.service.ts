// A child's missing-profile photograph: upload (checked and cleaned first, outside any transaction)
// and read, each proving the child is the caller's and audited like the rest of the record.
import type { ChildScope } from '../children/child-scope';
import type { AuditService } from '../platform/audit/audit.service';
import type { RequestContext } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { NotFound } from '../platform/errors';
import { MissingProfilePhotosRepository, StoredPhoto } from './missing-profile-photos.repository';
import { type CleanPhoto, cleanPhoto } from './photo-image';

export class MissingProfilePhotosService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly scope: ChildScope,
    private readonly repo = new MissingProfilePhotosRepository(),
  ) {}

  async upload(ctx: RequestContext, childId: string, file: Buffer | null | undefined): Promise<void> {
    // Re-encoding takes tens of milliseconds: done before the transaction, so no row lock waits on it.
    await this.store(ctx, childId, await cleanPhoto(file));
  }

  /** Keeps a photograph already checked and cleaned by cleanPhoto (an arrival's, kept with its draft until then). */
  async store(ctx: RequestContext, childId: string, photo: CleanPhoto, outer?: Tx): Promise<void> {
    await this.scope.run(
      ctx,
      childId,
      async (tx) => {
        await this.repo.put(tx, {
          childId,
          authorityId: ctx.actor.authorityId,
          photo,
          at: this.clock.now(),
          by: ctx.actor.userId,
        });
        await this.audit.record(tx, ctx, {
          action: 'update',
          entityType: 'missing_profile_photo',
          entityId: childId,
          childId,
          changes: { contentType: photo.contentType, bytes: photo.bytes.length },
        });
      },
      outer,
    );
  }

  async get(ctx: RequestContext, childId: string): Promise<StoredPhoto> {
    const photo = await this.scope.read(ctx, childId, 'missing_profile_photo', (tx) => this.repo.get(tx, childId));
    if (!photo) throw new NotFound('This child has no photograph on file.');
    return photo;
  }

  /**
   * Whether the child has a photograph (for the pages that show it); proves the child is the caller's, reads no bytes.
   */
  async uploadedAt(ctx: RequestContext, childId: string): Promise<Date | null> {
    return this.scope.run(ctx, childId, (tx) => this.repo.uploadedAt(tx, childId));
  }
}
