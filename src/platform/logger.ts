// Structured logs through pino. Redaction is a second line of defence: code must not log personal
// data, but if a request body or phone number slips into a log object it is blanked here.
import pino, { DestinationStream, Logger } from 'pino';

export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.body',
  '*.Body',
  '*.From',
  '*.to',
  '*.phone',
  '*.mobile',
  '*.email',
  '*.name',
  '*.names',
  'payload',
];

// What a message or stack may carry that must not reach a log: phone numbers (a provider's "The 'To'
// number +44... is not valid"), email addresses, and quoted values (PostgreSQL's `invalid input
// syntax for type uuid: "..."`, a template's error quoting its data).
const PHONE = /\+?\d[\d ()-]{6,}\d/g;
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;
const QUOTED = /"[^"\n]*"|'[^'\n]*'/g;

/** A sentence with phone numbers, email addresses and quoted values blanked. */
export function scrubbed(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[number]').replace(QUOTED, '"[value]"');
}

interface LoggableError {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  status?: unknown;
  query?: unknown;
  driverError?: LoggableError & { constraint?: string; table?: string; column?: string; routine?: string };
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  cause?: unknown;
}

/**
 * How an error is logged. A database error is logged by its SQLSTATE, the constraint, table and
 * column it names and the statement's first words: never the driver's message or detail (which
 * quote the values: "Key (email)=(...) already exists"), nor the statement's parameters or rows.
 * Any other error keeps its type, code and its message and stack with personal data blanked.
 */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: scrubbed(String(err)) };
  const e = err as LoggableError;
  const pg =
    e.driverError ??
    (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.routine !== undefined ? e : undefined);
  if (pg || e.query !== undefined) {
    const sql = typeof e.query === 'string' ? e.query : '';
    return {
      type: e.name,
      code: pg?.code ?? e.code,
      constraint: pg?.constraint,
      table: pg?.table,
      column: pg?.column,
      statement: sql.replace(/\s+/g, ' ').trim().slice(0, 60) || undefined,
    };
  }
  const cause = e.cause && depth < 3 ? { cause: safeError(e.cause, depth + 1) } : {};
  return {
    type: e.name,
    code: e.code,
    status: e.status,
    message: scrubbed(e.message ?? ''),
    stack: e.stack && scrubbed(e.stack),
    ...cause,
  };
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service: 'missing-children' },
    serializers: { err: safeError, error: safeError, cause: safeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
