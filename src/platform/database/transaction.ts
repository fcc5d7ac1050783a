// Services pass an EntityManager explicitly so a state change and its outbox rows share a transaction.
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** Runs work in the caller's transaction if there is one, else in a new one. */
export function inTransaction<T>(db: DataSource, outer: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return outer ? work(outer) : db.transaction(work);
}

/**
 * The node-postgres connection the caller's transaction runs on, for what TypeORM cannot say (COPY, named statements).
 */
export async function connectionOf(tx: Tx): Promise<PoolClient> {
  if (!tx.queryRunner)
    throw new Error("This needs the caller's transaction (an EntityManager from DataSource.transaction)");
  return (await tx.queryRunner.connect()) as PoolClient;
}
