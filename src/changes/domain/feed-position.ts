/**
 * A place in the change feed: the transaction that wrote a change and its sequence within the
 * feed. Both are 64-bit, kept as decimal text; positions compare as (xid, seq) pairs.
 */
export interface FeedPosition {
  xid: string;
  seq: string;
}

export const FEED_START: FeedPosition = { xid: '0', seq: '0' };

const DIGITS = /^(0|[1-9][0-9]{0,19})$/;

export function isFeedPosition(value: Record<string, unknown>): boolean {
  return typeof value.xid === 'string' && DIGITS.test(value.xid) && typeof value.seq === 'string' && DIGITS.test(value.seq) && Object.keys(value).length === 2;
}

export function compareFeedPositions(a: FeedPosition, b: FeedPosition): number {
  const byXid = BigInt(a.xid) - BigInt(b.xid);
  if (byXid !== 0n) return byXid < 0n ? -1 : 1;
  const bySeq = BigInt(a.seq) - BigInt(b.seq);
  return bySeq === 0n ? 0 : bySeq < 0n ? -1 : 1;
}

/**
 * Where the next page starts. A full page resumes after its last item; a short one has looked at
 * everything up to the last row it scanned (some rows may be outside the caller's scope), and an
 * empty scan stays where it was.
 */
export function nextFeedPosition(after: FeedPosition, items: readonly FeedPosition[], limit: number, lastScanned: FeedPosition | null): FeedPosition {
  const lastItem = items.at(-1);
  if (items.length >= limit && lastItem) return lastItem;
  return lastScanned ?? lastItem ?? after;
}
