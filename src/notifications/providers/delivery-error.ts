// What a provider's failure means for the dispatcher: try again later (transient) or give up on this
// channel and fall back to the next one (permanent). Unknown errors count as transient: retrying a
// message we could have abandoned costs a few attempts; abandoning one we could have sent costs more.
export type FailureKind = 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Network failures that say nothing about the message itself. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ESOCKET',
  'ECONNECTION',
  'EDNS',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isNetworkError(err: { code?: unknown }): boolean {
  return typeof err.code === 'string' && NETWORK_CODES.has(err.code);
}

/** A provider's own error text can quote the number or address; it is stored and logged without them. */
export function withoutContactDetails(text: string): string {
  return text
    .replace(/[^\s<>"']+@[^\s<>"']+/g, '[address]')
    .replace(/\+?\d[\d ()-]{6,}\d/g, '[number]')
    .slice(0, 300);
}

export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  return new DeliveryError('transient', withoutContactDetails(err instanceof Error ? err.message : String(err)));
}
