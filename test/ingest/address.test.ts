import { describe, expect, it } from 'vitest';
import { isAddressAllowed } from '../../src/ingest/address.js';
import { checkUrl } from '../../src/ingest/guard.js';

describe('isAddressAllowed', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:93.184.216.34'])('allows public %s', (ip) => {
    expect(isAddressAllowed(ip, false)).toBe(true);
  });

  it.each(['127.0.0.1', '10.2.3.4', '172.16.0.1', '192.168.1.1', '100.64.0.1', '::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1'])(
    'refuses private %s unless allowed',
    (ip) => {
      expect(isAddressAllowed(ip, false)).toBe(false);
      expect(isAddressAllowed(ip, true)).toBe(true);
    },
  );

  it.each(['169.254.169.254', '0.0.0.0', '224.0.0.1', '240.0.0.1', '255.255.255.255', 'fe80::1', 'ff02::1', '::', '2001:db8::1', '64:ff9b::a9fe:a9fe', '2002:a9fe:a9fe::1', 'not-an-ip'])(
    'always refuses %s',
    (ip) => {
      expect(isAddressAllowed(ip, true)).toBe(false);
    },
  );
});

describe('checkUrl', () => {
  it('accepts http(s) host names and refuses other schemes, credentials and bad literals', () => {
    expect(checkUrl('https://news.example/feed', false).ok).toBe(true);
    expect(checkUrl('gopher://x/', false)).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
    expect(checkUrl('http://user:pw@news.example/', false)).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } });
    expect(checkUrl('http://[::1]:8080/', false)).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
    expect(checkUrl('http://2130706433/', false)).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
  });
});
