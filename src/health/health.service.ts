// Checks each dependency with a short timeout so a hung database shows as down, not as a hang.
import type { DataSource } from 'typeorm';

import { HealthRepository } from './health.repository';

export class HealthService {
  constructor(
    private readonly db: DataSource,
    private readonly repo = new HealthRepository(),
  ) {}

  async check(): Promise<Record<string, boolean>> {
    return { database: await this.database() };
  }

  private async database(): Promise<boolean> {
    if (!this.db.isInitialized) return false;
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref());
    const query = this.repo.ping(this.db).then(
      () => true,
      () => false,
    );
    return Promise.race([query, timeout]);
  }
}
