// Shared phrasing (MinHash, across outlets, within 48 h), framing terms (log-odds), splits and the comparison.
import { describe, expect, it } from 'vitest';
import { countTerms, distinctiveTerms } from '../../src/core/framing-log-odds.js';
import { estimateJaccard, shingles, signature } from '../../src/core/minhash.js';
import { findSharedPhrasing } from '../../src/core/shared-phrasing.js';
import { compareStory } from '../../src/core/story-compare.js';
import type { StoryMember } from '../../src/core/story-types.js';
import { tokenize } from '../../src/core/text.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 5, 19, 8);
const LINE = 'The comprehensive strategic partnership treaty provides for mutual assistance in case of aggression against one of the parties.';
const EDITED = 'The comprehensive strategic partnership treaty provides for mutual military assistance in case of aggression against either of the parties.';

const member = (id: string, outlet: string, hours: number, text: string, actors: StoryMember['actors'] = [], voices: StoryMember['voices'] = []): StoryMember =>
  ({ id, outlet, title: `Title ${id}`, published: T0 + hours * HOUR, text, actors, voices });
const actor = (name: string, score: number): StoryMember['actors'][number] =>
  ({ actor: name, score, label: score >= 0.15 ? 'positive' : score <= -0.15 ? 'negative' : 'neutral', mentions: 2 });

describe('MinHash', () => {
  it('estimates Jaccard close to the true value, deterministically', () => {
    const a = shingles(tokenize(LINE).filter((t) => !t.punct).map((t) => t.hash));
    const b = shingles(tokenize(EDITED).filter((t) => !t.punct).map((t) => t.hash));
    const exact = [...a].filter((x) => b.has(x)).length / new Set([...a, ...b]).size;
    const estimate = estimateJaccard(signature(a), signature(b));
    expect(Math.abs(estimate - exact)).toBeLessThan(0.2);
    expect(signature(a)).toEqual(signature(a));
    expect(estimateJaccard(signature(a), signature(a))).toBe(1);
  });
});

describe('findSharedPhrasing', () => {
  it('finds a near-identical sentence printed by two outlets within 48 h', () => {
    const phrases = findSharedPhrasing([
      member('k1', 'KCNA', 0, `Pyongyang hailed the visit. ${LINE}`),
      member('t1', 'TASS', 10, `${EDITED} Putin left for Vietnam.`),
      member('r1', 'Reuters', 12, 'Russia and North Korea signed a pact. Analysts in Seoul were alarmed by the deal.'),
    ]);
    expect(phrases).toHaveLength(1);
    expect(phrases[0]?.text).toBe(LINE);
    expect(phrases[0]?.occurrences.map((o) => o.outlet)).toEqual(['KCNA', 'TASS']);
    expect(phrases[0]?.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('ignores repeats within one outlet, pairs further apart than the window and short sentences', () => {
    expect(findSharedPhrasing([member('k1', 'KCNA', 0, LINE), member('k2', 'KCNA', 1, EDITED)])).toEqual([]);
    expect(findSharedPhrasing([member('k1', 'KCNA', 0, LINE), member('t1', 'TASS', 49, LINE)])).toEqual([]);
    expect(findSharedPhrasing([member('k1', 'KCNA', 0, LINE), member('t1', 'TASS', 49, LINE)], 50 * HOUR)).toHaveLength(1);
    expect(findSharedPhrasing([member('a', 'A', 0, 'The talks went well.'), member('b', 'B', 0, 'The talks went well.')])).toEqual([]);
  });

  it('does not call two different sentences on the same subject shared', () => {
    expect(findSharedPhrasing([
      member('k1', 'KCNA', 0, LINE),
      member('r1', 'Reuters', 2, 'The treaty signed by the two leaders commits each side to help the other if it is attacked, officials said.'),
    ])).toEqual([]);
  });
});

describe('framing terms (Fightin\' Words)', () => {
  it('ranks the words one side uses much more than the other, not the shared ones', () => {
    const group = countTerms('The Kiev regime launched a terrorist attack. The Kiev regime shelled Donetsk. The regime keeps shelling civilians. The regime lies.');
    const rest = countTerms('Ukraine launched an attack on the region. Ukraine said the strike targeted military sites. Ukraine denied shelling civilians.');
    const terms = distinctiveTerms(group, rest).map((t) => t.term);
    expect(terms).toContain('regime');
    expect(terms).not.toContain('civilians');
    expect(distinctiveTerms(rest, group).map((t) => t.term)).toContain('ukraine');
  });

  it('keeps bigrams of adjacent content words and skips stop words', () => {
    const counts = countTerms('The special military operation continues.');
    expect(counts.get('special military')).toBe(1);
    expect(counts.get('military operation')).toBe(1);
    expect(counts.has('the')).toBe(false);
  });
});

describe('compareStory', () => {
  const members = [
    member('g1', 'Global Times', 0, 'The US hegemony provoked the crisis. Washington hegemony again.', [actor('United States', -0.6), actor('China', 0.4)], [{ speaker: 'Mao Ning', speakerActor: 'China', actor: 'United States', label: 'negative', score: -0.5 }]),
    member('g2', 'Global Times', 3, 'Experts slammed US hegemony and bullying.', [actor('United States', -0.4)]),
    member('r1', 'Reuters', 1, 'The United States said talks with China were constructive.', [actor('United States', 0.2), actor('China', 0)]),
    member('a1', 'Al Jazeera', 2, 'Analysts weighed the talks.', [actor('China', 0.1)]),
  ];
  const c = compareStory('g1', members);

  it('gives each outlet its articles, mean stance per main actor and quoted voices', () => {
    // Both in three articles with six mentions: the name breaks the tie.
    expect(c.mainActors).toEqual(['China', 'United States']);
    const gt = c.outlets.find((o) => o.outlet === 'Global Times');
    expect(gt?.articles.map((a) => a.id)).toEqual(['g1', 'g2']);
    expect(gt?.stances['United States']).toEqual({ score: -0.5, label: 'negative', articles: 2 });
    expect(gt?.voices).toEqual([{ speaker: 'Mao Ning', speakerActor: 'China', actor: 'United States', label: 'negative' }]);
    expect(c.outlets.find((o) => o.outlet === 'Al Jazeera')?.stances['United States']).toBeUndefined();
    expect(gt?.framingTerms).toContain('hegemony');
    expect(c.first).toBe(T0);
    expect(c.last).toBe(T0 + 3 * HOUR);
  });

  it('measures the split per actor as max minus min over the outlets that mention it', () => {
    expect(c.splits[0]).toEqual({ actor: 'United States', spread: 0.7, most: { outlet: 'Reuters', score: 0.2 }, least: { outlet: 'Global Times', score: -0.5 } });
    expect(c.splits.find((s) => s.actor === 'China')).toMatchObject({ spread: 0.4, least: { outlet: 'Reuters', score: 0 } });
  });

  it('picks the headline closest to the others as the title', () => {
    const titled = compareStory('x', [
      { ...members[0] as StoryMember, title: 'Putin and Kim sign defence pact' },
      { ...members[2] as StoryMember, title: 'Putin, Kim sign mutual defence pact in Pyongyang' },
      { ...members[3] as StoryMember, title: 'Analysis: what Seoul fears' },
    ]);
    expect(titled.title).toBe('Putin and Kim sign defence pact');
  });
});
