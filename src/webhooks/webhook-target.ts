import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isPrivateAddress } from './domain/private-addresses';

/** Why a URL may not receive webhooks, or null when it may. */
export async function refusedTarget(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an http or https URL';
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) return 'url must be an http or https URL';
  if (parsed.username || parsed.password) return 'url must not carry a user name or password';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return `url's host ${host} cannot be resolved`;
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) return `url's host ${host} is a loopback or private address`;
  return null;
}
