// The database round trip /health makes.
import type { DataSource } from 'typeorm';

export class HealthRepository {
  async ping(db: DataSource): Promise<void> {
    await db.query('SELECT 1');
  }
}
