// Hostile strings and the checks every Discord payload the bot sends must pass: no mention survives as markup,
// no injected heading, code fence or masked link renders, no control or bidi-override character reaches Discord,
// allowed_mentions is empty, and every call stayed within Discord's limits.
import { expect } from 'vitest';
import type { InteractionHandle, RecordedRequest } from '../fake-discord/index.js';

export const SNOWFLAKE = '123456789012345678';
export const MENTIONS = `@everyone @here <@&${SNOWFLAKE}> <@${SNOWFLAKE}> <@!${SNOWFLAKE}> <#${SNOWFLAKE}> </feeds add:${SNOWFLAKE}>`;
export const MARKDOWN = '# Heading\n```js\nfence\n``` [link](https://evil.example) **bold** ||spoiler|| > quote -# small';
export const CONTROLS = 'a\u0000b\u0007c\u001b[31md\u007fe\u0085f\r\ng';
export const INVISIBLE = 'pay\u202etxt.exe\u202c \u2066iso\u2069 z\u200bw\u200dj\u2060w\ufeffb @\u200beveryone';

/** Variants of one option value, cut to the option's maximum length (the longest is exactly at it). */
export function hostileValues(maxLength: number | undefined): string[] {
  const max = maxLength ?? 6000;
  const longest = `${MENTIONS} ${MARKDOWN} `.repeat(Math.ceil(max / 100)).slice(0, max);
  return [MENTIONS, MARKDOWN, CONTROLS, INVISIBLE, longest].map((v) => v.slice(0, max));
}

/** The message-bearing part of a request body (interaction callbacks wrap it in `data`). */
export function messageOf(r: RecordedRequest): Record<string, unknown> | null {
  const b = r.body;
  if (b === null || typeof b !== 'object') return null;
  const record = b as Record<string, unknown>;
  const inner = 'type' in record && record['data'] && typeof record['data'] === 'object' ? (record['data'] as Record<string, unknown>) : record;
  return 'content' in inner || 'embeds' in inner ? inner : null;
}

/** Every piece of visible text in a message body: content, embed titles, descriptions, fields, footers, authors. */
export function visibleText(m: Record<string, unknown>): string {
  const embeds = (m['embeds'] ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string }; author?: { name: string } }[];
  const parts = [String(m['content'] ?? '')];
  for (const e of embeds) parts.push(e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '', e.author?.name ?? '');
  return parts.join('\n');
}

const CONTROL = /\p{Cc}/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** Problems in text shown by Discord that came from hostile input. */
export function renderProblems(text: string): string[] {
  const problems: string[] = [];
  if (/(^|[^\u200b])@(everyone|here)/.test(text)) problems.push('@everyone/@here');
  if (new RegExp(`<(@[!&]?|#|/[^>]*:)${SNOWFLAKE}>`).test(text)) problems.push('user/role/channel/command mention');
  if (/(^|\n)#{1,3} Heading/.test(text)) problems.push('heading');
  if (/(^|[^\\])```js/.test(text)) problems.push('code fence');
  if (/(^|[^\\])\[link\]\(/.test(text)) problems.push('masked link');
  if (/(^|[^\\])\|\|spoiler/.test(text)) problems.push('spoiler');
  if (/(^|\n)-# small/.test(text)) problems.push('subtext');
  if (CONTROL.test(text.replace(/\n/g, ''))) problems.push('control character');
  if (BIDI.test(text)) problems.push('bidi override');
  return problems;
}

/** The bot's REST calls pass the checks: accepted by the limits, no mentions allowed, nothing hostile rendered. */
export function expectSafe(requests: readonly RecordedRequest[], what: string): void {
  for (const r of requests) {
    expect(r.status, `${what}: ${r.method} ${r.path} answered ${r.status}`).toBeLessThan(400);
    const m = messageOf(r);
    if (m === null) continue;
    expect(m['allowed_mentions'], `${what}: allowed_mentions`).toEqual({ parse: [] });
    const bad = visibleText(m).split('\n').filter((l) => renderProblems(l).length > 0);
    expect(renderProblems(visibleText(m)), `${what}: ${JSON.stringify(bad).slice(0, 600)}`).toEqual([]);
  }
}

/** Waits for the answer of a handle, then checks everything it sent; returns the visible text of its messages. */
export async function expectSafeAnswer(handle: InteractionHandle, what: string): Promise<string> {
  await handle.answer(15_000);
  const requests = handle.requests();
  expectSafe(requests, what);
  const text = requests.map(messageOf).filter((m) => m !== null).map(visibleText).join('\n');
  expect(text, what).not.toContain('Something went wrong');
  return text;
}
