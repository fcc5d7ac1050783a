// Local authorities: the tenants.
import type { DataSource } from 'typeorm';

import type { Clock } from '../platform/clock';
import type { Tx } from '../platform/database/transaction';
import { NotFound } from '../platform/errors';
import { AuthoritiesRepository } from './authorities.repository';
import type { LocalAuthority } from './local-authority.entity';

export class AuthoritiesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly repo = new AuthoritiesRepository(),
  ) {}

  async get(id: string): Promise<LocalAuthority> {
    const found = await this.repo.findById(this.db.manager, id);
    if (!found) throw new NotFound('No such local authority.');
    return found;
  }

  async ensure(tx: Tx, code: string, name: string, smsNumber: string | null = null): Promise<LocalAuthority> {
    const existing = await this.repo.findByCode(tx, code);
    return existing ?? this.repo.create(tx, { code, name, smsNumber, createdAt: this.clock.now() });
  }

  async bySmsNumber(tx: Tx, number: string): Promise<LocalAuthority | null> {
    return this.repo.findBySmsNumber(tx, number);
  }
}
