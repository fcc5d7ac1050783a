// One GOV.UK form page as a GET and a POST: Joi at the edge with the error summary on failure,
// domain errors shown the same way, and post/redirect/get with 303 on success so a refresh never
// submits twice.
import type { Request as HapiRequest, ResponseToolkit } from '@hapi/hapi';
import type { Schema } from 'joi';

import { Joi } from '../http/joi';
import type { AppRefs } from '../http/types';
export type PageRequest = HapiRequest<AppRefs>;
type Request = PageRequest;
import type { Action } from '../auth/permissions';
import { Conflict, DomainError, Invalid } from '../errors';
import { idParam } from '../http/schemas';
import { type AppRoute, pageFailAction } from '../http/types';
import { failAction } from '../http/validation';
import { pageErrors } from './forms';

type Values = Record<string, string>;
export interface FormPageDef {
  path: string;
  view: string;
  action: Action;
  description: string;
  /** The form's fields (crumb is added); messages are the GOV.UK error copy. */
  fields: Record<string, Schema>;
  /** What the page shows around the form (loaded again when the form is shown with errors). */
  context(request: Request): Promise<object>;
  /** The values the empty form starts with (a checkbox group's, the list of ticked values). */
  defaults?(request: Request, context: object): Record<string, string | string[]>;
  /** The form field that shows a service's error about one of its input fields, e.g. reviewOn -> reviewDay. */
  fieldIds?: Record<string, string>;
  /** Saves the form and returns where to go next. */
  submit(request: Request, values: Values): Promise<string>;
}

const firstField = (fields: Record<string, Schema>) => Object.keys(fields)[0];

async function render(
  def: FormPageDef,
  request: Request,
  h: ResponseToolkit<AppRefs>,
  values: Values,
  problems: { field: string; message: string }[],
) {
  const context = await def.context(request);
  const view = h.view(def.view, { ...context, values, ...pageErrors(problems), formAction: request.path });
  return problems.length ? view.code(400) : view;
}

export function formPage(def: FormPageDef): AppRoute[] {
  const payload = Joi.object({ ...def.fields, crumb: Joi.string() });
  const params = def.path.includes('{id}') ? idParam : undefined;
  return [
    {
      method: 'GET',
      path: def.path,
      options: {
        auth: 'session',
        app: { action: def.action },
        description: def.description,
        validate: params && { params },
        handler: async (request, h) => {
          const context = await def.context(request);
          return h.view(def.view, {
            ...context,
            values: def.defaults?.(request, context) ?? {},
            ...pageErrors([]),
            formAction: request.path,
          });
        },
      },
    },
    {
      method: 'POST',
      path: def.path,
      options: {
        auth: 'session',
        app: { action: def.action },
        description: def.description,
        validate: {
          params,
          payload,
          failAction: pageFailAction(async (request, h, err) => {
            if (!err || !Joi.isError(err) || params?.validate(request.params).error) return failAction(request, h, err);
            const values = { ...(request.payload as Values) };
            delete values.crumb;
            const problems = err.details.map((d) => ({ field: d.path.join('.'), message: d.message }));
            return (await render(def, request, h, values, problems)).takeover();
          }),
        },
        handler: async (request, h) => {
          const values = { ...(request.payload as Values) };
          delete values.crumb;
          try {
            return h.redirect(await def.submit(request, values)).code(303);
          } catch (err) {
            if (!(err instanceof DomainError) || !(err instanceof Invalid || err instanceof Conflict)) throw err;
            const listed = err.details?.errors as { field: string; message: string }[] | undefined;
            const problems = listed?.length
              ? listed.map((p) => ({ ...p, field: def.fieldIds?.[p.field] ?? p.field }))
              : [{ field: firstField(def.fields), message: err.message }];
            return render(def, request, h, values, problems);
          }
        },
      },
    },
  ];
}
