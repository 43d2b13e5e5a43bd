// The digest's "Stories across outlets" section (pure): stories with two outlets or more in the store's order, each
// with its widest split, and the widest splits overall above the minimum spread; and the outlets × actors chart.
import { describe, expect, it } from 'vitest';
import { stanceColour, storyChartSvg } from '../../src/core/chart-story.js';
import { buildDigest } from '../../src/core/digest.js';
import { digestStories, widestSplit, type StoryDigestInput } from '../../src/core/digest-stories.js';
import type { StorySplit } from '../../src/core/story-types.js';
import { digestToMarkdown } from '../../src/report/markdown.js';
import { fixtureInput } from './digest-fixture.js';

const split = (actor: string, hi: number, lo: number): StorySplit => ({
  actor, spread: Math.round((hi - lo) * 1000) / 1000, most: { outlet: `${actor} friend`, score: hi }, least: { outlet: `${actor} foe`, score: lo },
});
const story = (id: string, outlets: number, splits: StorySplit[]): StoryDigestInput => ({ id, title: `Story ${id}`, outlets, articles: outlets + 1, first: 1, last: 2, splits });

describe('digest stories', () => {
  const input = [
    story('a', 5, [split('NATO', 0.3, -0.2), split('Russia', 0.1, 0)]),
    story('solo', 1, [split('China', 0.9, -0.9)]),
    story('b', 3, [split('Ukraine', 0.6, -0.6), split('NATO', 0.2, -0.2)]),
    story('c', 2, []),
  ];

  it('keeps the store\'s order, drops single-outlet stories and gives each its widest split', () => {
    const d = digestStories(input, { maxStories: 2 });
    expect(d.top.map((s) => [s.id, s.split?.actor ?? null])).toEqual([['a', 'NATO'], ['b', 'Ukraine']]);
    expect(digestStories(input).top.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(digestStories(input).top[2]?.split).toBeNull();
  });

  it('lists the widest splits over all stories of two outlets or more, at least minSpread apart', () => {
    const d = digestStories(input);
    // China's 1.80 is in a single-outlet story (impossible from compareStory, but it must not show anyway).
    expect(d.splits.map((s) => [s.storyId, s.actor, s.spread])).toEqual([['b', 'Ukraine', 1.2], ['a', 'NATO', 0.5], ['b', 'NATO', 0.4]]);
    expect(digestStories(input, { minSpread: 0.45, maxSplits: 5 }).splits.map((s) => s.actor)).toEqual(['Ukraine', 'NATO']);
    expect(digestStories([]).splits).toEqual([]);
  });

  it('widestSplit on one actor ignores the others', () => {
    expect(widestSplit(input[2]!.splits, 'NATO')?.spread).toBe(0.4);
    expect(widestSplit(input[2]!.splits, 'China')).toBeNull();
  });

  it('buildDigest carries the section only when stories were loaded', () => {
    expect(buildDigest(fixtureInput()).stories).toBeUndefined();
    expect(buildDigest({ ...fixtureInput(), stories: input }).stories?.top.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('story chart', () => {
  it('colours hostile cells vermillion, favourable ones blue, neutral white, and prints every value', () => {
    expect(stanceColour(-1)).toBe('#d55e00');
    expect(stanceColour(1)).toBe('#0072b2');
    expect(stanceColour(0)).toBe('#ffffff');
    const svg = storyChartSvg({
      mainActors: ['NATO', 'Russia'],
      outlets: [
        { outlet: 'A & <B>', articles: [], voices: [], framingTerms: [], stances: { NATO: { score: 0.4, label: 'positive', articles: 1 } } },
        { outlet: 'C', articles: [], voices: [], framingTerms: [], stances: { NATO: { score: -0.8, label: 'negative', articles: 2 }, Russia: { score: 0, label: 'neutral', articles: 1 } } },
      ],
    }, { title: 'Stance per outlet', maxOutlets: 1 });
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).toContain('>+0.40<');
    expect(svg).toContain('>—<');
    expect(svg).not.toContain('>−0.80<');
    expect(svg).toContain('+1 more outlet');
  });
});

describe('digest stories in Markdown (the offline digest)', () => {
  it('lists the top stories with their widest split and the biggest splits, escaped', () => {
    const md = digestToMarkdown(buildDigest({ ...fixtureInput(), stories: [
      { id: 's1', title: 'Summit *in* Vilnius', outlets: 3, articles: 4, first: 1, last: 2, splits: [split('NATO', 0.3, -0.5)] },
    ] }));
    expect(md).toContain('## Stories across outlets');
    expect(md).toContain('- Summit \\*in\\* Vilnius: 3 outlets, 4 articles\n  - **NATO**: NATO friend +0.30 … NATO foe −0.50 (0.80 apart)');
    expect(md).toContain('### Biggest splits\n\n- **NATO**: NATO friend +0.30 … NATO foe −0.50 (0.80 apart) in *Summit \\*in\\* Vilnius*');
    expect(digestToMarkdown(buildDigest(fixtureInput()))).not.toContain('Stories across outlets');
  });
});
