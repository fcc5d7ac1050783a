// What a provider's failure means for the dispatcher: try again later (transient) or give up on this
// channel and fall back to the next one (permanent). Unknown errors count as transient: retrying a
// message we could have abandoned costs a few attempts; abandoning one we could have sent costs more.
export type FailureKind = 'transient' | 'permanent';

export class DeliveryError extends Error {
  constructor(readonly kind: FailureKind, message: string) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Network failures that say nothing about the message itself. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH',
  'EAI_AGAIN', 'ENOTFOUND', 'ESOCKET', 'ECONNECTION', 'EDNS', 'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isNetworkError(err: { code?: unknown }): boolean {
  return typeof err.code === 'string' && NETWORK_CODES.has(err.code);
}

export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError('transient', message.slice(0, 300));
}
