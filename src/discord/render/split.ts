import type { APIEmbed } from 'discord.js';
import { LIMITS } from '../limits.js';
import { truncate } from './truncate.js';

/**
 * Splits text into chunks of at most `max` characters, preferring line breaks, then spaces; a single
 * unbreakable run is cut hard. Joining the chunks with the separators they were cut at restores the text.
 */
export function splitContent(text: string, max: number = LIMITS.content): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = breakPoint(window, max);
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

function breakPoint(window: string, max: number): number {
  const newline = window.lastIndexOf('\n');
  if (newline > 0) return newline;
  const space = window.lastIndexOf(' ');
  if (space > 0) return space;
  const code = window.charCodeAt(max);
  return code >= 0xdc00 && code <= 0xdfff ? max - 1 : max;
}

/** Characters that count towards the 6,000 per-message embed total. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((acc, f) => acc + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields +
    (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
}

/** Clamps every part of an embed to its limit, then drops trailing fields and shortens the description to fit 6,000. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer !== undefined) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footerText) };
  if (out.author !== undefined) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.authorName) };
  if (out.fields !== undefined) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue),
    }));
  }
  while (embedLength(out) > LIMITS.embedTotal && (out.fields?.length ?? 0) > 0) out.fields = out.fields?.slice(0, -1);
  const excess = embedLength(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description !== undefined) {
    out.description = truncate(out.description, Math.max(0, out.description.length - excess));
  }
  return out;
}

/** Groups embeds (each fitted first) into messages of at most 10 embeds and 6,000 characters. */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds.map(fitEmbed)) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length === LIMITS.embedsPerMessage || size + length > LIMITS.embedTotal)) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
