// Form and refusal messages are written in English where they arise (Joi schemas, domain errors);
// a page in Welsh shows each one the catalogue knows in Welsh, and any other as it was written.
import type { Translator } from '../i18n/catalogue';

interface ViewContext {
  errors?: { text: string; href?: string }[];
  fieldErrors?: Record<string, string>;
  detail?: string | null;
  backLink?: { href: string; text: string };
  [name: string]: unknown;
}

export function translateView<C extends ViewContext>(context: C, t: Translator): C {
  if (t.lang === 'en') return context;
  const out: ViewContext = { ...context };
  if (Array.isArray(context.errors)) out.errors = context.errors.map((e) => ({ ...e, text: t.sentence(e.text) }));
  if (context.fieldErrors)
    out.fieldErrors = Object.fromEntries(Object.entries(context.fieldErrors).map(([k, v]) => [k, t.sentence(v)]));
  if (typeof context.detail === 'string') out.detail = t.sentence(context.detail);
  if (context.backLink) out.backLink = { ...context.backLink, text: t.sentence(context.backLink.text) };
  return out as C;
}
