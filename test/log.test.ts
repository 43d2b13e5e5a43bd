import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../src/log.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.fakeTokenValueForTestsOnly_0123456789abcdefgh';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } });
  return { stream, text: () => chunks.join('') };
}

describe('logger', () => {
  it('never writes the Discord token or database password, wherever they appear', () => {
    const out = capture();
    const log = createLogger({ level: 'trace', secrets: [TOKEN, 'pa:ss word'], destination: out.stream });
    log.info({ token: TOKEN }, 'by key');
    log.info({ config: { discord: { token: TOKEN } } }, 'nested key');
    log.warn({ detail: `login failed for ${TOKEN}` }, 'inside a value');
    log.error({ err: new Error(`Authorization: Bot ${TOKEN}`) }, 'inside an error');
    log.child({ feed: 'x' }).info({ url: `postgres://u:${encodeURIComponent('pa:ss word')}@h/db` }, 'url-encoded password');
    log.info(`message with ${TOKEN}`);
    const text = out.text();
    expect(text.split('\n').filter(Boolean)).toHaveLength(6);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('pa:ss word');
    expect(text).not.toContain(encodeURIComponent('pa:ss word'));
    expect(text).toContain('[redacted]');
  });

  it('writes JSON lines with a constant message and structured fields', () => {
    const out = capture();
    createLogger({ level: 'info', destination: out.stream }).child({ feedId: 7 }).info({ items: 3 }, 'feed refreshed');
    const line = JSON.parse(out.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'feed refreshed', feedId: 7, items: 3, level: 30 });
  });

  it('scrub replaces every occurrence', () => {
    expect(scrub('a SECRET b SECRET', ['SECRET'])).toBe('a [redacted] b [redacted]');
  });
});
