// A child's missing profile: one row per child, replaced whole when a social worker saves it.
import type { Tx } from '../platform/database/transaction';
import { MissingProfile } from './missing-profile.entity';

export class MissingProfilesRepository {
  forChild(tx: Tx, childId: string): Promise<MissingProfile | null> {
    return tx.findOneBy(MissingProfile, { childId });
  }

  exists(tx: Tx, childId: string): Promise<boolean> {
    return tx.existsBy(MissingProfile, { childId });
  }

  /** Writes the child's profile, creating it or replacing the one there (keyed by child). */
  replace(tx: Tx, profile: MissingProfile): Promise<MissingProfile> {
    return tx.save(MissingProfile, tx.create(MissingProfile, profile));
  }
}
