// Small formatting helpers shared by the command views. Everything from outside (titles, names, sentences,
// URLs) passes through safeText / safeUrl / safeLink before it reaches Discord.
import type { APIEmbed } from 'discord.js';
import type { StanceLabel } from '../../core/types.js';
import { LIMITS } from '../limits.js';
import { safeLink, safeText } from '../render/escape.js';
import { truncate } from '../render/truncate.js';

/** Okabe-Ito colours for embeds by stance. */
export const COLOURS = { negative: 0xd55e00, neutral: 0x999999, positive: 0x009e73, info: 0x0072b2 } as const;

const PLURALS = new Intl.PluralRules('en');

/** "1 outlet", "3 outlets", "0 articles"; `many` for words whose plural is not word + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${PLURALS.select(n) === 'one' ? one : many}`;
}

/** Label counts in words: "1 negative · 0 neutral · 1 positive". */
export function labelCounts(c: { negative: number; neutral: number; positive: number }): string {
  return `${c.negative} negative · ${c.neutral} neutral · ${c.positive} positive`;
}

/** "+0.42", "−0.13" (true minus sign), "0.00": the one formatter, src/core/signed.ts. */
export { signed } from '../../core/signed.js';

export function labelIcon(label: StanceLabel | null): string {
  return label === 'negative' ? '🔴' : label === 'positive' ? '🟢' : label === 'neutral' ? '⚪' : '·';
}

/** A URL shown as a link without preview; characters that could end the link are percent-encoded. */
export function safeUrl(url: string): string {
  const href = truncate(url, 500).replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${href}>`;
}

/** A title linked to its article when there is a link, else the escaped title alone. */
export function titleLink(title: string, link: string | null | undefined, max = 150): string {
  const label = truncate(title.replace(/\s+/g, ' ').trim() || 'Untitled', max);
  return link ? safeLink(label, link) : safeText(label);
}

/** Untrusted text, whitespace collapsed, escaped and cut to `max` characters of source text. */
export function quote(text: string, max: number): string {
  return safeText(truncate(text.replace(/\s+/g, ' ').trim(), max));
}

/** Discord's own timestamp markup (rendered in each reader's time zone). */
export function when(ms: number, style: 'R' | 'f' | 'd' = 'R'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** Lines packed into embeds whose descriptions stay within the limit (lines are never cut in two). */
export function linesToEmbeds(title: string, lines: readonly string[], colour: number = COLOURS.info): APIEmbed[] {
  const max = LIMITS.embedDescription - 96;
  const embeds: APIEmbed[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    embeds.push({ title: embeds.length === 0 ? title : `${title} (continued)`, description: current.join('\n'), color: colour });
    current = [];
    size = 0;
  };
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (size + line.length + 1 > max) flush();
    current.push(line);
    size += line.length + 1;
  }
  flush();
  return embeds;
}
