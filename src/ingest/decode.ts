// Bytes -> text for feeds and pages: gzip/deflate/brotli by header or magic bytes, then the charset chosen by
// byte-order mark, then the HTTP charset, then the document's own declaration, then UTF-8 (iconv-lite).
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { err, ok, type Result } from '../core/result.js';

export type CharsetSource = 'bom' | 'header' | 'document' | 'default';

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
  warnings: string[];
}

/** Decompresses a body per its Content-Encoding, or by gzip magic bytes when the header is missing. */
export function decompress(raw: Buffer, contentEncoding: string | undefined, maxBytes: number): Result<Buffer, string> {
  const coding = (contentEncoding ?? '').trim().toLowerCase();
  const gzipMagic = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  const opts = { maxOutputLength: maxBytes };
  try {
    if (gzipMagic || coding === 'gzip' || coding === 'x-gzip') return ok(gunzipSync(raw, opts));
    if (coding === 'deflate') return ok(inflateSync(raw, opts));
    if (coding === 'br') return ok(brotliDecompressSync(raw, opts));
  } catch (e) {
    const tooLarge = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError;
    return err(tooLarge ? 'TOO_LARGE' : `cannot decompress ${coding || 'gzip'} body`);
  }
  return ok(raw);
}

/** Decodes bytes to text following BOM > header charset > document declaration > UTF-8. */
export function decodeText(bytes: Buffer, contentType?: string): Decoded {
  const warnings: string[] = [];
  const bom = bomCharset(bytes);
  const chosen = bom
    ? { charset: bom.charset, source: 'bom' as const }
    : pickDeclared(headerCharset(contentType), documentCharset(bytes), warnings);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const text = iconv.decode(body, chosen.charset);
  if (chosen.charset === 'utf-8' && text.includes('\uFFFD') && !body.includes(Buffer.from('\uFFFD'))) {
    warnings.push('invalid UTF-8 sequences were replaced');
  }
  return { text: text.replace(/^\uFEFF/, ''), charset: chosen.charset, source: chosen.source, warnings };
}

function pickDeclared(
  header: string | undefined,
  inDocument: string | undefined,
  warnings: string[],
): { charset: string; source: CharsetSource } {
  for (const [name, source] of [[header, 'header'], [inDocument, 'document']] as const) {
    if (!name) continue;
    const charset = normaliseCharset(name);
    if (iconv.encodingExists(charset)) return { charset, source };
    warnings.push(`unknown charset "${name}" declared in ${source}; trying next source`);
  }
  return { charset: 'utf-8', source: 'default' };
}

function bomCharset(bytes: Buffer): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

export function headerCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1];
}

/** The charset an XML prolog (`encoding="..."`) or an HTML `<meta>` declares in the first 2 KiB. */
function documentCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1];
}

/** Superset decoders, as browsers use them: Latin-1/ASCII labels are really windows-1252, GB2312 is GBK. */
const SUPERSETS: Record<string, string> = {
  'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
  gb2312: 'gbk', 'x-gbk': 'gbk', utf8: 'utf-8',
};

function normaliseCharset(name: string): string {
  const lower = name.trim().toLowerCase();
  return SUPERSETS[lower] ?? lower;
}
