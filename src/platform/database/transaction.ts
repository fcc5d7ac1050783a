// Services pass an EntityManager explicitly so a state change and its outbox rows share a transaction.
import type { DataSource, EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** Runs work in the caller's transaction if there is one, else in a new one. */
export function inTransaction<T>(db: DataSource, outer: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return outer ? work(outer) : db.transaction(work);
}
