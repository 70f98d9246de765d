import { signWebhook } from './signature';

describe('Standard Webhooks signatures', () => {
  it('match the specification’s own example', () => {
    // The example of the Standard Webhooks reference libraries.
    const signature = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('change with any byte of the body, the id or the time', () => {
    const base = signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'a', 1, '{}');
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'b', 1, '{}')).not.toBe(base);
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'a', 2, '{}')).not.toBe(base);
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'a', 1, '{ }')).not.toBe(base);
  });
});
