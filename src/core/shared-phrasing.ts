// Shared phrasing: near-identical sentences printed by different outlets within a window (48 h by default), the way
// syndicated lines spread. Word 3-shingles, MinHash with fixed seeds and LSH banding (not exact match). Pure.
import { candidatePairs, estimateJaccard, shingles, signature } from './minhash.js';
import { normaliseText, splitSentences, tokenize } from './text.js';
import type { OutletPairCount, SharedPhrase, StoryMember } from './story-types.js';

type PhrasingInput = Pick<StoryMember, 'id' | 'outlet' | 'published' | 'text'>;

/** Shorter sentences ("He said so.") match by chance. */
export const MIN_WORDS = 8;
/** Estimated shingle Jaccard at or above which two sentences count as the same line. */
export const MIN_SIMILARITY = 0.5;

interface Sentence {
  member: PhrasingInput;
  text: string;
  sig: Uint32Array;
}

function sentencesOf(members: PhrasingInput[]): Sentence[] {
  const out: Sentence[] = [];
  for (const member of members) {
    const seen = new Set<string>();
    for (const text of splitSentences(normaliseText(member.text))) {
      const words = tokenize(text).filter((t) => !t.punct);
      if (words.length < MIN_WORDS) continue;
      const key = words.map((w) => w.text).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ member, text, sig: signature(shingles(words.map((w) => w.hash))) });
    }
  }
  return out;
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] as number;
  while (parent[i] !== root) {
    const next = parent[i] as number;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Orders members so results do not depend on the order given: published, then id. */
const byTime = (a: PhrasingInput, b: PhrasingInput): number => a.published - b.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Groups of near-identical sentences linked across outlets: a link needs two different outlets, at most `windowMs`
 * apart, with estimated Jaccard >= MIN_SIMILARITY. Same-outlet repeats are never a link. Largest groups first.
 */
export function findSharedPhrasing(members: PhrasingInput[], windowMs = 48 * 3_600_000): SharedPhrase[] {
  const sentences = sentencesOf([...members].sort(byTime));
  const parent = sentences.map((_, i) => i);
  const best = new Map<number, number>();
  for (const [i, j] of candidatePairs(sentences.map((s) => s.sig))) {
    const a = sentences[i] as Sentence;
    const b = sentences[j] as Sentence;
    if (a.member.outlet === b.member.outlet || Math.abs(a.member.published - b.member.published) > windowMs) continue;
    const similarity = estimateJaccard(a.sig, b.sig);
    if (similarity < MIN_SIMILARITY) continue;
    const ri = find(parent, i);
    const rj = find(parent, j);
    const root = Math.min(ri, rj);
    parent[Math.max(ri, rj)] = root;
    best.set(root, Math.max(similarity, best.get(ri) ?? 0, best.get(rj) ?? 0));
  }
  const groups = new Map<number, number[]>();
  sentences.forEach((_, i) => {
    const root = find(parent, i);
    if (!best.has(root)) return;
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.entries()].map(([root, list]): SharedPhrase => {
    const seen = new Set<string>();
    const occurrences = list.map((i) => (sentences[i] as Sentence).member)
      .filter((m) => !seen.has(m.id) && seen.add(m.id) !== undefined)
      .map((m) => ({ articleId: m.id, outlet: m.outlet, published: m.published }));
    return { text: (sentences[list[0] as number] as Sentence).text, similarity: best.get(root) ?? 0, occurrences };
  }).sort((a, b) => outletCount(b) - outletCount(a) || b.occurrences.length - a.occurrences.length || (a.occurrences[0]?.published ?? 0) - (b.occurrences[0]?.published ?? 0) || (a.text < b.text ? -1 : 1));
}

const outletCount = (p: SharedPhrase): number => new Set(p.occurrences.map((o) => o.outlet)).size;

/**
 * Shared lines counted per pair of outlets: a line printed by TASS, RT and KCNA counts once for each of the three
 * pairs. Adds into `into` (to count over several stories); most lines first, then by name.
 */
export function phrasingByOutletPair(shared: readonly SharedPhrase[], into: Map<string, OutletPairCount> = new Map()): OutletPairCount[] {
  for (const p of shared) {
    const outlets = [...new Set(p.occurrences.map((o) => o.outlet))].sort();
    for (let i = 0; i < outlets.length; i++) {
      for (let j = i + 1; j < outlets.length; j++) {
        const pair: [string, string] = [outlets[i] as string, outlets[j] as string];
        const key = pair.join('\u0000');
        const count = into.get(key);
        if (count) count.lines++;
        else into.set(key, { outlets: pair, lines: 1 });
      }
    }
  }
  return [...into.values()].sort((a, b) => b.lines - a.lines || a.outlets[0].localeCompare(b.outlets[0]) || a.outlets[1].localeCompare(b.outlets[1]));
}
