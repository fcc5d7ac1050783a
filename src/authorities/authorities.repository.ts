// Reads and writes local authorities (the tenants).
import type { Tx } from '../platform/database/transaction';
import type { AuthorityLanguage } from '../platform/i18n/language';
import { LocalAuthority } from './local-authority.entity';

export class AuthoritiesRepository {
  findById(tx: Tx, id: string): Promise<LocalAuthority | null> {
    return tx.findOneBy(LocalAuthority, { id });
  }

  findByCode(tx: Tx, code: string): Promise<LocalAuthority | null> {
    return tx.findOneBy(LocalAuthority, { code });
  }

  /** The authority that owns this SMS number (E.164), if any. */
  findBySmsNumber(tx: Tx, smsNumber: string): Promise<LocalAuthority | null> {
    return tx.findOneBy(LocalAuthority, { smsNumber });
  }

  async setLanguage(tx: Tx, id: string, language: AuthorityLanguage): Promise<void> {
    await tx.update(LocalAuthority, { id }, { language });
  }

  create(
    tx: Tx,
    authority: Pick<LocalAuthority, 'code' | 'name' | 'smsNumber' | 'createdAt'>,
  ): Promise<LocalAuthority> {
    return tx.save(LocalAuthority, tx.create(LocalAuthority, authority));
  }
}
