// Local authorities: the tenants.
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { NotFound } from '../platform/errors';
import { LocalAuthority } from './local-authority.entity';

export class AuthoritiesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<LocalAuthority> {
    const found = await this.db.getRepository(LocalAuthority).findOneBy({ id });
    if (!found) throw new NotFound('No such local authority.');
    return found;
  }

  async ensure(tx: Tx, code: string, name: string, smsNumber: string | null = null): Promise<LocalAuthority> {
    const existing = await tx.findOneBy(LocalAuthority, { code });
    return (
      existing ??
      tx.save(LocalAuthority, tx.create(LocalAuthority, { code, name, smsNumber, createdAt: this.clock.now() }))
    );
  }

  async bySmsNumber(tx: Tx, number: string): Promise<LocalAuthority | null> {
    return tx.findOneBy(LocalAuthority, { smsNumber: number });
  }
}
