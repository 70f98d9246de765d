/** Deliveries are retried for at least this long after the change, then given up (status `failed`). */
export const RETRY_WINDOW_MS = 24 * 3600_000;
/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 3600_000;

/**
 * When to try again after a failed attempt: the wait doubles with every attempt (base, 2×base, …,
 * at most an hour), spread by ±20% so that many deliveries failing together do not retry together.
 * `null` once the change is older than the retry window: give up.
 */
export function nextAttemptAt(attempts: number, createdAt: Date, now: Date, baseMs: number, random = Math.random()): Date | null {
  if (now.getTime() - createdAt.getTime() >= RETRY_WINDOW_MS) return null;
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return new Date(now.getTime() + Math.round(delay * (0.8 + 0.4 * random)));
}
