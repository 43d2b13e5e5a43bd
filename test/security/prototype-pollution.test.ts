// Hostile feed documents must not pollute Object.prototype through the XML parser (rss-parser -> xml2js 0.5:
// the advisory GHSA-776f-qx25-q3cc and the 2026 report of `<__proto__>` element names, see SECURITY.md).
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';

const KEYS = ['polluted', 'pollutedItem', 'pollutedAttr', 'pollutedAtom', 'pollutedCtor'];

const DOCUMENTS: Record<string, string> = {
  'RSS channel element': '<rss version="2.0"><channel><title>x</title><__proto__><polluted>yes</polluted></__proto__><item><title>a</title><guid>g1</guid></item></channel></rss>',
  'RSS item elements': '<rss version="2.0"><channel><title>x</title><item><title>a</title><guid>g2</guid><__proto__><pollutedItem>yes</pollutedItem></__proto__>' +
    '<constructor><prototype><pollutedCtor>yes</pollutedCtor></prototype></constructor></item></channel></rss>',
  attributes: '<rss version="2.0" __proto__="x"><channel><title>x</title><item __proto__="y" pollutedAttr="z"><title>a</title><guid>g3</guid></item></channel></rss>',
  'Atom feed': '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><__proto__><pollutedAtom>yes</pollutedAtom></__proto__><entry><title>e</title><id>i</id></entry></feed>',
};

afterEach(() => {
  for (const key of KEYS) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('prototype pollution through feed XML', () => {
  for (const [name, xml] of Object.entries(DOCUMENTS)) {
    it(`${name}: parsed (or refused) without touching Object.prototype`, async () => {
      const result = await parseFeedDocument(Buffer.from(`<?xml version="1.0"?>${xml}`), { contentType: 'application/rss+xml' });
      if (result.ok) expect(result.value.items.length).toBe(1);
      const probe: Record<string, unknown> = {};
      for (const key of KEYS) expect(probe[key], key).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => KEYS.includes(k))).toEqual([]);
    });
  }
});
