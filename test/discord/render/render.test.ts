import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { LIMITS } from '../../../src/discord/limits.js';
import { escapeMarkdown, escapeMentions, safeLink, safeText } from '../../../src/discord/render/escape.js';
import { NO_MENTIONS, renderMessages } from '../../../src/discord/render/message.js';
import { embedLength, fitEmbed, packEmbeds, splitContent } from '../../../src/discord/render/split.js';
import { truncate } from '../../../src/discord/render/truncate.js';

describe('escaping untrusted text', () => {
  it('neutralises markdown so it renders literally', () => {
    expect(escapeMarkdown('**bold** _it_ `code` ~~x~~ ||spoiler|| > quote # head [a](b)'))
      .toBe('\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~ \\|\\|spoiler\\|\\| \\> quote \\# head \\[a\\]\\(b\\)');
  });

  it('defuses every kind of mention', () => {
    const out = escapeMentions('@everyone @here <@123> <@!123> <@&456> <#789> </cmd:1>');
    expect(out).not.toMatch(/@everyone|@here|<@|<#|<\//);
    expect(out.replace(/\u200b/g, '')).toBe('@everyone @here <@123> <@!123> <@&456> <#789> </cmd:1>');
  });

  it('safeText collapses whitespace from feed titles', () => {
    expect(safeText('  NATO\n  summit *ends*  ')).toBe('NATO summit \\*ends\\*');
  });

  it('safeLink keeps the URL inside its parentheses', () => {
    expect(safeLink('A (b)', 'https://x.test/a_(b) c')).toBe('[A \\(b\\)](<https://x.test/a_%28b%29%20c>)');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('The summit ended without agreement on enlargement', 30);
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out).toBe('The summit ended without…');
  });

  it('cuts mid-word when there is no nearby boundary', () => {
    const out = truncate('x'.repeat(50), 10);
    expect(out).toBe(`${'x'.repeat(9)}…`);
  });

  it('never splits a surrogate pair or leaves a dangling escape', () => {
    expect(truncate('ab😀😀😀', 4)).toBe('ab…');
    expect(truncate(escapeMarkdown('abcdefgh*ijk'), 10)).toBe('abcdefgh…');
  });
});

describe('splitting and packing', () => {
  it('splits content at line breaks within 2,000 characters and loses nothing', () => {
    const text = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const chunks = splitContent(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= LIMITS.content)).toBe(true);
    expect(chunks.join('\n')).toBe(text);
  });

  it('splits one long line at spaces, and an unbreakable run hard', () => {
    expect(splitContent('word '.repeat(1000).trim()).every((c) => c.length <= LIMITS.content)).toBe(true);
    expect(splitContent('y'.repeat(4500)).map((c) => c.length)).toEqual([2000, 2000, 500]);
  });

  it('fits an oversized embed to every limit including the 6,000 total', () => {
    const huge: APIEmbed = {
      title: 't'.repeat(300), description: 'd'.repeat(5000), footer: { text: 'f'.repeat(3000) },
      author: { name: 'a'.repeat(300) },
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `n${i}`.repeat(200), value: 'v'.repeat(2000) })),
    };
    const fitted = fitEmbed(huge);
    expect(fitted.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(fitted.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(fitted.footer!.text.length).toBeLessThanOrEqual(LIMITS.footerText);
    expect(fitted.author!.name.length).toBeLessThanOrEqual(LIMITS.authorName);
    expect(fitted.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    expect(fitted.fields!.every((f) => f.name.length <= LIMITS.fieldName && f.value.length <= LIMITS.fieldValue)).toBe(true);
    expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('packs embeds 10 per message and 6,000 characters per message', () => {
    const small = Array.from({ length: 23 }, (_, i) => ({ title: `e${i}` }));
    expect(packEmbeds(small).map((g) => g.length)).toEqual([10, 10, 3]);
    const big = Array.from({ length: 5 }, () => ({ description: 'd'.repeat(2500) }));
    const groups = packEmbeds(big);
    expect(groups.map((g) => g.length)).toEqual([2, 2, 1]);
    expect(groups.every((g) => g.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.embedTotal)).toBe(true);
  });

  it('renders messages with no mentions by default and files spread 10 per message', () => {
    const files = Array.from({ length: 12 }, (_, i) => ({ name: `c${i}.png`, data: Buffer.from([i]) }));
    const messages = renderMessages({ content: 'hello', embeds: [{ title: 'x' }], files });
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ content: 'hello', embeds: [{ title: 'x' }], allowedMentions: NO_MENTIONS });
    expect(messages.map((m) => m.files?.length)).toEqual([10, 2]);
    expect(messages.every((m) => m.allowedMentions === NO_MENTIONS)).toBe(true);
  });

  it('always renders at least one message', () => {
    expect(renderMessages({})).toHaveLength(1);
  });
});
