// Bytes -> text for feeds and pages: gzip/deflate/brotli by header or magic bytes, then the charset chosen by
// byte-order mark, then the HTTP charset, then the document's own declaration, then UTF-8 when the bytes are
// valid UTF-8, else the charset chardet detects (as feedparser does with Python's chardet) (iconv-lite decodes).
import { isUtf8 } from 'node:buffer';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { err, ok, type Result } from '../core/result.js';

export type CharsetSource = 'bom' | 'header' | 'document' | 'detected' | 'default';

export interface Decoded {
  text: string;
  charset: string;
  source: CharsetSource;
  warnings: string[];
}

export interface DecodeOptions {
  /** JSON: an XML prolog or `<meta charset>` in the text is content (e.g. in an HTML field), not a declaration. */
  ignoreDocumentDeclaration?: boolean;
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

/** Decodes bytes to text following BOM > header charset > document declaration > UTF-8 or detected charset. */
export function decodeText(bytes: Buffer, contentType?: string, opts: DecodeOptions = {}): Decoded {
  const warnings: string[] = [];
  const bom = bomCharset(bytes);
  const inDocument = opts.ignoreDocumentDeclaration ? undefined : documentCharset(bytes);
  const declared = bom
    ? { charset: bom.charset, source: 'bom' as const }
    : pickDeclared(headerCharset(contentType), inDocument, warnings);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const chosen = declared.source === 'default' ? detectUndeclared(body, warnings) ?? declared : declared;
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

/** Bytes sampled for detection, from just before the first non-ASCII byte (the start is often ASCII markup). */
const DETECT_SAMPLE = 64 * 1024;

/**
 * The charset of a document that declares none and is not valid UTF-8, as chardet (the ICU detectors) guesses
 * it; undefined when the bytes are UTF-8 or the guess is UTF-8 or unknown to iconv-lite.
 */
function detectUndeclared(body: Buffer, warnings: string[]): { charset: string; source: 'detected' } | undefined {
  if (isUtf8(body)) return undefined;
  const firstHigh = body.findIndex((byte) => byte >= 0x80);
  const start = Math.max(0, firstHigh - 256);
  const sample = body.subarray(start, start + DETECT_SAMPLE);
  if (mostlyUtf8(sample)) return undefined;
  const guess = chardet.detect(sample);
  if (!guess) return undefined;
  const charset = normaliseCharset(guess);
  if (charset === 'utf-8' || !iconv.encodingExists(charset)) return undefined;
  warnings.push(`no charset declared and the bytes are not UTF-8; decoded as detected ${guess}`);
  return { charset, source: 'detected' };
}

/**
 * UTF-8 with a few stray bytes: at least twice as many valid multi-byte characters as invalid sequences. Legacy
 * encodings form valid UTF-8 sequences only by chance (CJK double-byte text about one in three at most).
 */
function mostlyUtf8(sample: Buffer): boolean {
  const text = new TextDecoder('utf-8').decode(sample);
  const invalid = text.match(/\uFFFD/g)?.length ?? 0;
  const valid = text.match(/[^\p{ASCII}\uFFFD]/gu)?.length ?? 0;
  return valid >= 2 * invalid;
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
  // chardet's ISO names for text that in practice is written in the Windows supersets
  'iso-8859-8': 'windows-1255', 'iso-8859-8-i': 'windows-1255', 'iso-8859-6': 'windows-1256',
  'iso-8859-9': 'windows-1254',
};

function normaliseCharset(name: string): string {
  const lower = name.trim().toLowerCase();
  return SUPERSETS[lower] ?? lower;
}
