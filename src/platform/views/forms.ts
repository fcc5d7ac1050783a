// GOV.UK form errors: the error summary at the top links to each field; each field shows its own
// message. Used as a route's failAction so a bad form re-renders with what the person typed.
import type { Lifecycle, Request, ResponseToolkit } from '@hapi/hapi';

import { Joi } from '../http/joi';

export interface PageErrors {
  errors: { text: string; href: string }[];
  fieldErrors: Record<string, string>;
}

export function pageErrors(list: { field: string; message: string }[]): PageErrors {
  const fieldErrors: Record<string, string> = {};
  for (const e of list) fieldErrors[e.field] ??= e.message;
  return { errors: Object.entries(fieldErrors).map(([field, text]) => ({ text, href: `#${field}` })), fieldErrors };
}

/** failAction that re-renders `view` with the submitted values and GOV.UK error messages. */
export function renderFormErrors(view: string, extra: (request: Request) => object = () => ({})): Lifecycle.Method {
  return (request: Request, h: ResponseToolkit, err?: Error) => {
    const details =
      err && Joi.isError(err) ? err.details.map((d) => ({ field: d.path.join('.'), message: d.message })) : [];
    const values = { ...(request.payload as object) } as Record<string, unknown>;
    delete values.password;
    delete values.crumb;
    return h
      .view(view, { ...extra(request), values, ...pageErrors(details) })
      .code(400)
      .takeover();
  };
}
