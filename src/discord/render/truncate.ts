const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` characters, at a word boundary when one is near the end (within the last
 * fifth), ending with an ellipsis. Never splits a surrogate pair and never leaves a dangling backslash escape.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1;
  const head = text.slice(0, cut);
  const space = head.search(/\s\S*$/);
  const atWord = space >= Math.floor(cut * 0.8) ? head.slice(0, space) : head;
  return `${dropDanglingEscape(atWord.trimEnd())}${ELLIPSIS}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function dropDanglingEscape(text: string): string {
  const trailing = /\\+$/.exec(text)?.[0].length ?? 0;
  return trailing % 2 === 1 ? text.slice(0, -1) : text;
}
