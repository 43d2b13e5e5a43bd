// feedparser's title literal -> the plain text our documented title rule produces. Written independently of
// src/ingest/titles.ts (a shared helper would make a broken converter agree with itself).
import { decodeHTML } from 'entities';

/** feedparser's _HTMLSanitizer.acceptable_elements (HTML part), which its _looks_like_html checks tags against. */
const ACCEPTABLE = new Set(
  ('a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite code col ' +
    'colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source fieldset figcaption ' +
    'figure font footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd keygen label legend li m map menu ' +
    'meter multicol nav nextid noscript ol optgroup option output p pre progress q s samp section select small ' +
    'sound source spacer span strike strong sub sup table tbody td textarea tfoot th thead time tr tt u ul var video')
    .split(' '),
);

/** feedparser's _looks_like_html: a close tag or an entity, all tags acceptable, all entities known. */
function looksLikeHtml(s: string): boolean {
  if (!/<\/\w+>/.test(s) && !/&#?\w+;/.test(s)) return false;
  if ([...s.matchAll(/<\/?(\w+)/g)].some((m) => !ACCEPTABLE.has((m[1] as string).toLowerCase()))) return false;
  return [...s.matchAll(/&(\w+);/g)].every((m) => decodeHTML(m[0]) !== m[0]);
}

export function plainTitle(literal: string): string {
  const text = looksLikeHtml(literal) ? decodeHTML(literal.replace(/<[^>]*>/g, '')) : literal;
  return text.replace(/\s+/g, ' ').trim();
}
