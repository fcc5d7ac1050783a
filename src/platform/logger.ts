// Structured logs through pino. Redaction is a second line of defence: code must not log personal
// data, but if a request body or phone number slips into a log object it is blanked here.
import pino, { DestinationStream, Logger } from 'pino';

export const redactPaths = [
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]', '*.password', '*.token', '*.body', '*.Body', '*.From', '*.to',
  '*.phone', '*.mobile', '*.email', '*.name', '*.names', 'payload',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: redactPaths, censor: '[redacted]' }, base: { service: 'missing-children' } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
