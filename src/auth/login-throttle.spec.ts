import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  it('lets attempts through until the limit, then asks to wait until the window passes', () => {
    let now = 0;
    const throttle = new LoginThrottle(3, 60_000, () => now);
    const keys = ['user:amara', 'ip:127.0.0.1'];
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds(keys)).toBe(0);
      throttle.recordFailure(keys);
      now += 1000;
    }
    expect(throttle.retryAfterSeconds(keys)).toBe(57);
    now = 60_001;
    expect(throttle.retryAfterSeconds(keys)).toBe(0);
  });

  it('forgets a username after a successful login', () => {
    const throttle = new LoginThrottle(1, 60_000, () => 0);
    throttle.recordFailure(['user:amara']);
    throttle.reset('user:amara');
    expect(throttle.retryAfterSeconds(['user:amara'])).toBe(0);
  });
});
