import { compareFeedPositions, FEED_START, isFeedPosition, nextFeedPosition } from './feed-position';

describe('feed positions', () => {
  const at = (xid: string, seq: string) => ({ xid, seq });

  it('compares by transaction, then by sequence, beyond the range of a double', () => {
    expect(compareFeedPositions(at('9007199254740993', '1'), at('9007199254740992', '5'))).toBe(1);
    expect(compareFeedPositions(at('7', '2'), at('7', '10'))).toBe(-1);
    expect(compareFeedPositions(at('7', '2'), at('7', '2'))).toBe(0);
  });

  it('accepts only two decimal numbers', () => {
    expect(isFeedPosition({ xid: '12', seq: '0' })).toBe(true);
    expect(isFeedPosition({ xid: '012', seq: '0' })).toBe(false);
    expect(isFeedPosition({ xid: '-1', seq: '0' })).toBe(false);
    expect(isFeedPosition({ xid: '1', seq: '1', extra: 1 })).toBe(false);
    expect(isFeedPosition({ xid: 1, seq: '1' })).toBe(false);
  });

  it('resumes after a full page’s last item, after the scan of a short one, or where it was', () => {
    const items = [at('5', '1'), at('5', '2')];
    expect(nextFeedPosition(FEED_START, items, 2, at('9', '9'))).toEqual(at('5', '2'));
    expect(nextFeedPosition(FEED_START, items, 3, at('9', '9'))).toEqual(at('9', '9'));
    expect(nextFeedPosition(at('4', '4'), [], 3, null)).toEqual(at('4', '4'));
    expect(nextFeedPosition(at('4', '4'), [], 3, at('6', '1'))).toEqual(at('6', '1'));
  });
});
