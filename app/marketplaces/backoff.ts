// Retry timing for the sync queue: exponential backoff with "equal jitter" (half the delay
// fixed, half random), so a marketplace that failed for everyone is not retried by everyone
// at the same instant, and a job never retries sooner than half its nominal delay.

export type BackoffPolicy = { baseMs: number; capMs: number };

/** The delay before retry number `attempt` (1 = the first retry). `random` is in [0, 1). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: number = Math.random()): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random);
}
