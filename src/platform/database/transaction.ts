// Services pass an EntityManager explicitly so a state change and its outbox rows share a transaction.
import type { EntityManager } from 'typeorm';
export type Tx = EntityManager;
