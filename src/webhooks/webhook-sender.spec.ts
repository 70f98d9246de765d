import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusedTarget } from './webhook-target';
import { sendWebhook } from './webhook-sender';

describe('sending a webhook', () => {
  let port: number;
  const server = createServer((_req, res) => res.writeHead(204).end());
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve())).then(() => (port = (server.address() as AddressInfo).port)));
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('checks the address it connects to, so a name that now points inward is refused', async () => {
    const refused = await sendWebhook(`http://localhost:${port}/x`, {}, '{}', { timeoutMs: 1000, allowPrivate: false });
    expect(refused).toEqual({ ok: false, status: null, error: 'the target resolves to a private address' });
    expect((await sendWebhook(`http://127.0.0.1:${port}/x`, {}, '{}', { timeoutMs: 1000, allowPrivate: false })).error).toBe('the target is a private address');
    expect(await sendWebhook(`http://localhost:${port}/x`, {}, '{}', { timeoutMs: 1000, allowPrivate: true })).toEqual({ ok: true, status: 204, error: null });
  });

  it('refuses targets by scheme, credentials and address before subscribing', async () => {
    expect(await refusedTarget('file:///etc/passwd', false)).toMatch(/http or https/);
    expect(await refusedTarget('https://u:p@example.org/', true)).toMatch(/user name or password/);
    expect(await refusedTarget('http://127.0.0.1/', false)).toMatch(/private/);
    expect(await refusedTarget('http://127.0.0.1/', true)).toBeNull();
    expect(await refusedTarget('http://203.0.114.9/', false)).toBeNull();
  });
});
