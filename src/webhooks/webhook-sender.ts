import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './domain/private-addresses';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Resolves as Node would, but refuses a private address: checked at connect time, so a name that
 * resolved to a public address when the subscription was made cannot later be pointed inward.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    if (allowed.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    return callback(null, allowed[0].address, allowed[0].family);
  });
};

/** One POST of a signed body; never follows redirects, never waits longer than `timeoutMs`. */
export function sendWebhook(url: string, headers: Record<string, string>, body: string, options: { timeoutMs: number; allowPrivate: boolean }): Promise<SendResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) return finish({ ok: false, status: null, error: 'the target is a private address' });
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'rcf-webhooks/1', ...headers },
        lookup: options.allowPrivate ? undefined : publicOnlyLookup,
      },
      (response) => {
        // The answer's body is not needed: read and drop it, so the socket is freed.
        response.resume();
        response.on('end', () => finish({ ok: (response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300, status: response.statusCode ?? null, error: null }));
        response.on('error', (error) => finish({ ok: false, status: response.statusCode ?? null, error: error.message }));
      },
    );
    // One deadline for the whole exchange: connecting, sending and the answer.
    const deadline = setTimeout(() => {
      request.destroy();
      finish({ ok: false, status: null, error: `timeout after ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, status: null, error: error.code === 'EPRIVATE' ? 'the target resolves to a private address' : `${error.code ?? 'error'}: ${error.message}`.slice(0, 300) }));
    request.end(body);
  });
}
