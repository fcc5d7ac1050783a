// A POST that acts on one record named by its id: params and payload checked by Joi, the handler
// typed by the payload its schema lets through. The shape most changes in the API share (an
// episode's updates, retention decisions, legal holds, subject access steps).
import type { Lifecycle } from '@hapi/hapi';
import type { Schema } from 'joi';

import type { Action } from '../auth/permissions';
import { idParam } from './schemas';
import { type AppRoute, type RefsWith, route } from './types';

export interface RecordPost<P extends object> {
  path: string;
  tags: string[];
  description: string;
  action: Action;
  payload: Schema;
  /** `{ id }` as a uuid unless given. */
  params?: Schema;
  handler: Lifecycle.Method<RefsWith<{ Payload: P }>>;
}

export function recordPost<P extends object>(def: RecordPost<P>): AppRoute {
  const { path, tags, description, action, payload, params = idParam, handler } = def;
  return route<{ Payload: P }>({
    method: 'POST',
    path,
    options: { tags, description, app: { action }, validate: { params, payload }, handler },
  });
}
