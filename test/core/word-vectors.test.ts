// Word vectors for the author model (src/core/word-vectors.ts): the meaning of a target's clause, its words looked
// up by the hash tokens carry, and the analyser's shortcut (each word's logits) equal to the features training reads.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { tokenize } from '../../src/core/text.js';
import { clauseLogits, clauseMeaning, compileWordVectors, FUNCTION_WORDS, meaningLogits, wordAt, type ClauseTokens, type WordVectorsData } from '../../src/core/word-vectors.js';
import { loadAnalyserResources } from '../../src/resources.js';

/** A list of FUNCTION_WORDS filler words, then the words given, each with a vector of `dims` components. */
function vectorsOf(entries: Array<[string, number[]]>, dims = 3): WordVectorsData {
  const filler = Array.from({ length: FUNCTION_WORDS }, (_, i) => `fw${i}`);
  const words = [...filler, ...entries.map(([w]) => w)];
  const vectors = new Int8Array(words.length * dims);
  entries.forEach(([, v], k) => v.forEach((x, d) => (vectors[(FUNCTION_WORDS + k) * dims + d] = x)));
  return { words, dims, vectors };
}

/** A sentence as clauseMeaning reads it: clauses split at commas, mentions given by token index. */
function shape(text: string, mentions: number[] = []): ClauseTokens {
  const tokens = tokenize(text);
  const clause = new Int32Array(tokens.length);
  let c = 0;
  tokens.forEach((t, i) => {
    if (t.text === ',') c++;
    clause[i] = c;
  });
  const clauseFirst = new Int32Array(c + 1).fill(-1);
  const clauseLast = new Int32Array(c + 1);
  clause.forEach((k, i) => {
    if ((clauseFirst[k] as number) < 0) clauseFirst[k] = i;
    clauseLast[k] = i;
  });
  const mention = new Uint8Array(tokens.length);
  for (const m of mentions) mention[m] = 1;
  return { tokens, clause, mention, clauseFirst, clauseLast };
}

describe('word vectors', () => {
  const wv = compileWordVectors(vectorsOf([['troublemaker', [127, 0, 0]], ['hire', [0, 127, 0]], ['peace', [0, 0, 127]]]));

  it('finds a word by the hash its token carries; the commonest words (function words) are left out', () => {
    const [troublemaker, fw] = tokenize('troublemaker fw3');
    expect(wordAt(wv.index, (troublemaker as { hash: number }).hash)).toBe(FUNCTION_WORDS);
    expect(wordAt(wv.index, (fw as { hash: number }).hash)).toBe(-1);
    expect(wordAt(wv.index, tokenize('unknownword')[0]?.hash as number)).toBe(-1);
  });

  it("reads the target's clause only, without mentions and punctuation, scaled by the root of the word count", () => {
    // Tokens: canberra(0) acts(1) as(2) a(3) troublemaker(4) for(5) hire(6) ,(7) peace(8) follows(9)
    const out = new Float64Array(3);
    const n = clauseMeaning(wv, shape('Canberra acts as a troublemaker for hire, peace follows', [0]), 0, out);
    expect(n).toBe(2);
    expect([...out].map((x) => Math.round(x * 1000) / 1000)).toEqual([0.707, 0.707, 0]);
    expect(clauseMeaning(wv, shape('Canberra acts as a troublemaker for hire, peace follows', [0]), 8, out)).toBe(1);
    expect([...out]).toEqual([0, 0, 1]);
  });

  it('a clause of unknown words has no meaning', () => {
    const out = new Float64Array(3);
    expect(clauseMeaning(wv, shape('Canberra acts quickly', [0]), 0, out)).toBe(0);
    expect(clauseLogits(meaningLogits(wv, () => [1, 1, 1]), shape('Canberra acts quickly', [0]), 0, [0, 0, 0])).toBe(false);
  });

  it("each word's logits summed give the logits of the clause's meaning: the analyser's shortcut is exact", () => {
    const weights: Array<[number, number, number]> = [[0.5, -1, 2], [1, 0.25, -0.5], [-2, 1, 0.75]];
    const s = shape('Canberra acts as a troublemaker for hire and peace', [0]);
    const meaning = new Float64Array(3);
    clauseMeaning(wv, s, 0, meaning);
    const direct = [0, 1, 2].map((k) => weights.reduce((a, w, d) => a + (w[k] as number) * (meaning[d] as number), 0));
    const out: [number, number, number] = [0, 0, 0];
    expect(clauseLogits(meaningLogits(wv, (d) => weights[d] as [number, number, number]), s, 0, out)).toBe(true);
    out.forEach((x, k) => expect(x).toBeCloseTo(direct[k] as number, 10));
  });
});

describe('the author model reads the meaning the same way in training and in analysis', () => {
  it('learned probabilities with the features (training) equal those with the logits shortcut (analysis)', () => {
    const resources = loadAnalyserResources();
    const training = createAnalyser(resources, { keepAuthorFeatures: true });
    const analysis = createAnalyser(resources);
    const text = 'Canberra has chosen to act as a troublemaker for hire in the South China Sea, and Washington applauds.';
    const a = training.stances({ text });
    const b = analysis.stances({ text });
    expect(a.length).toBeGreaterThan(1);
    a.forEach((s, i) => s.authorParts.learned.forEach((p, k) => expect(p).toBeCloseTo(b[i]?.authorParts.learned[k] as number, 9)));
  });

  it('the bundled vectors cover the words of the lexicons', () => {
    const { vectors } = loadAnalyserResources().author;
    const words = new Set(vectors?.words);
    for (const w of ['troublemaker', 'hegemony', 'admirable', 'commendable', 'provocation']) expect(words.has(w)).toBe(true);
  });
});
