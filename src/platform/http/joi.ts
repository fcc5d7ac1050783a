// The Joi every request schema is built with: plain Joi, except that a string refuses control
// characters. A NUL byte cannot be stored by PostgreSQL, and ESC, CR or LF in a name or a subject
// line can rewrite a terminal, a log line or an email header, so such text is refused at the edge
// with a sentence, on every route and form alike. Long text a person types (notes, reasons, the
// address box) opts in to line breaks and tabs with `.multiline()`.
import BaseJoi from 'joi';

// C0 controls and DEL, C1 controls, and the Unicode line and paragraph separators.
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// The same less tab, line feed and carriage return (a browser sends a textarea's line breaks as CR LF).
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

export interface AppStringSchema extends BaseJoi.StringSchema {
  /** Allow line breaks and tabs (long text typed into a textarea); other control characters are still refused. */
  multiline(): this;
}

type AppJoiRoot = Omit<BaseJoi.Root, 'string'> & { string(): AppStringSchema };

export const Joi = BaseJoi.extend((joi: BaseJoi.Root) => ({
  type: 'string',
  base: joi.string(),
  messages: {
    'string.control':
      '{{#label}} contains a character that cannot be stored (a control character): type it again without it',
    'string.lineBreak': '{{#label}} must be on one line (no line breaks or tabs)',
  },
  rules: {
    multiline: {
      method(this: BaseJoi.Schema) {
        return this.$_setFlag('multiline', true);
      },
    },
  },
  validate(value: unknown, helpers: BaseJoi.CustomHelpers) {
    if (typeof value !== 'string') return { value };
    if (CONTROL_BUT_LINE_BREAKS.test(value)) return { value, errors: helpers.error('string.control') };
    if (!helpers.schema.$_getFlag('multiline') && ANY_CONTROL.test(value))
      return { value, errors: helpers.error('string.lineBreak') };
    return { value };
  },
})) as unknown as AppJoiRoot;
