// The address guard: URL scheme check, IP-literal check, and a DNS lookup for the HTTP agent that refuses
// disallowed addresses at connect time (so every hop, every reconnect, and DNS rebinding are covered).
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { parseHttpUrl, type HttpUrlProblem } from '../core/feed-url.js';
import { err, ok, type Result } from '../core/result.js';
import { isAddressAllowed } from './address.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (replaceable by a stub in tests). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

export interface GuardError {
  code: 'INVALID_URL' | 'ADDRESS_NOT_ALLOWED';
  message: string;
}

/** Error code set on lookup failures caused by the guard, so the fetcher can tell them from DNS failures. */
export const GUARD_REFUSED = 'ESTANCEWATCH_ADDRESS_NOT_ALLOWED';

/**
 * Parses and checks a URL before any connection. Unparseable or with credentials: INVALID_URL. Another scheme than
 * http(s), or a disallowed IP literal: ADDRESS_NOT_ALLOWED.
 */
export function checkUrl(raw: string, allowPrivate: boolean): Result<URL, GuardError> {
  const parsed = parseHttpUrl(raw);
  if (!parsed.ok) return err(guardErrorFor(parsed.error, raw));
  const url = parsed.value;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAddressAllowed(host, allowPrivate)) {
    return err({ code: 'ADDRESS_NOT_ALLOWED', message: `address ${host} is not allowed` });
  }
  return ok(url);
}

function guardErrorFor(problem: HttpUrlProblem, raw: string): GuardError {
  switch (problem.reason) {
    case 'not-a-url': return { code: 'INVALID_URL', message: `not a URL: ${raw.slice(0, 200)}` };
    // Another scheme is a target the guard refuses (file:, ftp:, gopher: reach what http cannot), not a typo.
    case 'scheme': return { code: 'ADDRESS_NOT_ALLOWED', message: `only http and https are fetched, not ${problem.protocol}` };
    case 'credentials': return { code: 'INVALID_URL', message: 'URLs with credentials are refused' };
    case 'no-host': return { code: 'INVALID_URL', message: `no host in ${raw.slice(0, 200)}` };
  }
}

/** A `lookup` for net.connect that resolves through `resolver` and refuses disallowed addresses. */
export function guardedLookup(resolver: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !isAddressAllowed(a.address, allowPrivate));
        const usable = addresses.filter((a) => options.family === undefined || options.family === 0 || a.family === options.family);
        if (refused || usable.length === 0) {
          const error = Object.assign(new Error(`${hostname} resolves to ${refused?.address ?? 'no usable address'}`), {
            code: refused ? GUARD_REFUSED : 'ENOTFOUND',
          });
          callback(error, '', 4);
        } else if (options.all) callback(null, usable);
        else callback(null, (usable[0] as ResolvedAddress).address, (usable[0] as ResolvedAddress).family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}
