import { MAX_RETRY_DELAY_MS, nextAttemptAt, RETRY_WINDOW_MS } from './retry-schedule';

describe('the retry schedule', () => {
  const created = new Date('2026-12-01T00:00:00Z');
  const after = (ms: number) => new Date(created.getTime() + ms);
  const wait = (attempts: number, now = created, random = 0.5) => nextAttemptAt(attempts, created, now, 5000, random)!.getTime() - now.getTime();

  it('doubles the wait with every attempt, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => wait(n))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(wait(30)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads retries by a fifth either way', () => {
    expect(wait(1, created, 0)).toBe(4000);
    expect(wait(1, created, 1)).toBe(6000);
  });

  it('keeps trying for 24 hours, then gives up', () => {
    expect(nextAttemptAt(25, created, after(RETRY_WINDOW_MS - 1), 5000)).not.toBeNull();
    expect(nextAttemptAt(26, created, after(RETRY_WINDOW_MS), 5000)).toBeNull();
  });

  it('tries about 30 times within the window', () => {
    let now = created;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt(attempts, created, now, 5000, 0.5);
      if (!next) break;
      now = next;
    }
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(40);
  });
});
