import type { EntityManager } from 'typeorm';

/** The limits of failed logins within the window, per what they are counted by. */
export interface ThrottleLimits {
  /** Per username and address: the owner's own typos, or a guesser at one address. */
  perUserAndAddress: number;
  /** Per address, over every username: one address guessing many accounts. */
  perAddress: number;
  /** Per username, over every address: higher, so a stranger cannot lock the owner out from everywhere. */
  perUser: number;
  windowSeconds: number;
}

export function throttleLimits(maxFailures: number, windowSeconds: number): ThrottleLimits {
  return { perUserAndAddress: maxFailures, perAddress: maxFailures * 4, perUser: maxFailures * 10, windowSeconds };
}

const keysOf = (username: string, address: string) => ({
  userAndAddress: `ua:${username}|${address}`,
  address: `a:${address}`,
  user: `u:${username}`,
});

/**
 * Failed logins counted in PostgreSQL, so every instance of the API shares them. An attempt takes
 * transaction-scoped locks on its keys before it counts and before it records, so concurrent
 * attempts are checked one after the other and none slips past the limit.
 */
export class LoginThrottle {
  constructor(private readonly limits: ThrottleLimits) {}

  /** Locks the keys, then answers the seconds to wait before trying again, or 0. */
  async check(manager: EntityManager, username: string, address: string): Promise<number> {
    const keys = keysOf(username, address);
    for (const key of [keys.user, keys.address, keys.userAndAddress].sort()) {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [key]);
    }
    const rows = await manager.query<{ key: string; failures: number; oldest: Date | null }[]>(
      `SELECT key, count(*)::int AS failures, min(failed_at) AS oldest FROM (
         SELECT key, failed_at, row_number() OVER (PARTITION BY key ORDER BY failed_at DESC) AS n
         FROM login_failures WHERE key = ANY($1) AND failed_at > now() - make_interval(secs => $2)
       ) recent
       WHERE (key = $3 AND n <= $4) OR (key = $5 AND n <= $6) OR (key = $7 AND n <= $8)
       GROUP BY key`,
      [Object.values(keys), this.limits.windowSeconds, keys.userAndAddress, this.limits.perUserAndAddress, keys.address, this.limits.perAddress, keys.user, this.limits.perUser],
    );
    const limitOf: Record<string, number> = { [keys.userAndAddress]: this.limits.perUserAndAddress, [keys.address]: this.limits.perAddress, [keys.user]: this.limits.perUser };
    let wait = 0;
    for (const row of rows) {
      if (row.failures < limitOf[row.key] || !row.oldest) continue;
      wait = Math.max(wait, Math.ceil((row.oldest.getTime() + this.limits.windowSeconds * 1000 - Date.now()) / 1000));
    }
    return Math.max(0, wait);
  }

  async recordFailure(manager: EntityManager, username: string, address: string): Promise<void> {
    const keys = Object.values(keysOf(username, address));
    await manager.query(`INSERT INTO login_failures (key, failed_at) SELECT unnest($1::text[]), now()`, [keys]);
    // Forget what has left every window, now and then, so the table stays small.
    if (Math.random() < 0.01) await manager.query(`DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)`, [this.limits.windowSeconds]);
  }

  /** A successful login forgets the owner's own failures at this address. */
  async reset(manager: EntityManager, username: string, address: string): Promise<void> {
    await manager.query('DELETE FROM login_failures WHERE key = $1', [keysOf(username, address).userAndAddress]);
  }
}
