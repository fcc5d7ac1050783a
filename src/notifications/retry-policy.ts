// When to try again after a transient failure: exponential backoff with jitter, so a provider
// outage does not end with every instance retrying every message at the same instant.
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs?: number;
}

/** Delay before attempt (failedAttempts + 1): base * 2^(failedAttempts-1), jittered to 50-100%. */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1), policy.maxDelayMs ?? 15 * 60_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}

export function shouldRetry(failedAttempts: number, policy: RetryPolicy): boolean {
  return failedAttempts < policy.maxAttempts;
}
