// Untrusted text (feed titles, article sentences, user input echoed back) must not format or ping.

const MARKDOWN = /([\\*_~`|>#\-[\]()])/g;
const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes Discord markdown so the text renders literally (including headings, lists, links and masked links). */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, '\\$1');
}

/**
 * Defuses mentions even where allowed_mentions would not apply: @everyone/@here, <@user>, <@&role>, <#channel>
 * and slash-command mentions get a zero-width space so they render as plain text.
 */
export function escapeMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, `@${ZERO_WIDTH_SPACE}$1`).replace(/<([@#/])/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/** Collapses whitespace (feed titles often carry newlines) and escapes markdown and mentions. */
export function safeText(text: string): string {
  return escapeMentions(escapeMarkdown(text.replace(/\s+/g, ' ').trim()));
}

/** A markdown link whose label is safe and whose URL cannot break out of the parentheses. */
export function safeLink(label: string, url: string): string {
  const href = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${safeText(label)}](<${href}>)`;
}
