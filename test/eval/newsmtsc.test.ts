import { describe, expect, it } from 'vitest';
import { parseNewsTscJsonl } from '../../src/eval/newsmtsc.js';

describe('NewsTSC JSONL', () => {
  it('becomes one NewsMTSC-style record per line with the polarity code of its label', () => {
    const line = { label: 'negative', local_context: 'Critics blasted Trump.', target_local_from: 16, target_local_to: 21, target_mention: 'Trump' };
    const records = parseNewsTscJsonl(`${JSON.stringify(line)}\n\n`);
    expect(records.ok && records.value).toEqual([
      { primary_gid: 'newstsc-1', sentence_normalized: 'Critics blasted Trump.', targets: [{ from: 16, to: 21, polarity: 2 }] },
    ]);
  });

  it('reports a bad line by number', () => {
    const good = JSON.stringify({ label: 'neutral', local_context: 'x', target_local_from: 0, target_local_to: 1 });
    expect(parseNewsTscJsonl(`${good}\nnot json`)).toEqual({ ok: false, error: 'line 2: not JSON' });
    expect(parseNewsTscJsonl(JSON.stringify({ label: 'mixed', local_context: 'x', target_local_from: 0, target_local_to: 1 })).ok).toBe(false);
  });
});
