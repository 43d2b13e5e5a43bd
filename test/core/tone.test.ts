// The tone scorer scores its token list itself, as `sentiment`'s analyze would after joining and re-tokenising
// it: checked against the package on real news text (NewsMTSC, PerSenT, the seed op-ed), with the same lexicon.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileLexicon, scoreTokens } from '../../src/core/lexicon.js';
import { normaliseText, splitSentences, tokenize } from '../../src/core/text.js';
import { createToneScorer, emptyToneText, type ToneText } from '../../src/core/tone.js';
import { loadAnalyserResources } from '../../src/resources.js';

const shared = (path: string): string => readFileSync(new URL(`../../../shared/${path}`, import.meta.url), 'utf8');

const lexicon = compileLexicon(loadAnalyserResources().lexicon);
const scorer = createToneScorer(lexicon);

function toneText(text: string): ToneText {
  const out = emptyToneText();
  for (const sentence of splitSentences(normaliseText(text))) {
    const tokens = tokenize(sentence);
    scorer.add(tokens, scoreTokens(tokens, lexicon), out);
  }
  return out;
}

function texts(): string[] {
  const news = shared('data/newsmtsc/train.jsonl').split('\n').filter(Boolean)
    .map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized);
  const groups: string[] = [];
  for (let i = 0; i + 5 <= news.length && groups.length < 600; i += 5) groups.push(news.slice(i, i + 5).join(' '));
  const persent = shared('data/persent/dev.csv').split(/\n\s*\n/).slice(0, 200);
  return [shared('seed/sino-russian-strategic-engagement.txt'), ...groups, ...persent, '', 'Not good. Never bad, but not great: "terrible"!'];
}

describe('tone scorer', () => {
  it('gives the same tone as the package analysing the joined text', () => {
    let polar = 0;
    for (const text of texts()) {
      const plain = toneText(text);
      expect(plain.plain).toBe(true);
      const viaPackage = scorer.score({ ...plain, plain: false });
      expect(scorer.score(plain)).toEqual(viaPackage);
      if (viaPackage.score !== 0) polar++;
    }
    expect(polar).toBeGreaterThan(500);
  });

  it('hands a text with a part the package would change to the package', () => {
    const out = emptyToneText();
    scorer.add(tokenize('it was terrible'), scoreTokens(tokenize('it was terrible'), lexicon), out);
    out.parts.push('Good!');
    out.plain = false;
    expect(scorer.score(out).score).toBe(scorer.score({ ...out, parts: [...out.parts.slice(0, -1), 'good'] }).score);
  });
});
