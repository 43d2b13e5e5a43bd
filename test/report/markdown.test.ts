import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/core/digest.js';
import { digestToMarkdown, escapeMarkdown } from '../../src/report/markdown.js';
import { fixtureInput, sampleVoices } from '../core/digest-fixture.js';

describe('digestToMarkdown', () => {
  it('renders a fixed digest', () => {
    const md = digestToMarkdown(buildDigest(fixtureInput()), { chartFile: 'digest 1.png', timeZone: 'Europe/London' });
    expect(md).toMatchInlineSnapshot(`
      "# Stance digest: 10 Mar 2025 00:00 – 13 Mar 2025 00:00 (Europe/London)

      **31** articles from **3** outlets · 2 not analysed (unsupported language)

      ## Actors

      | Actor | Mean stance | Label | Change | Mentions |
      |---|---:|---|---|---:|
      | Russia | −0.45 | negative | ▼ 0.25 | 12 |
      | India | +0.20 | positive | new | 7 |
      | China | +0.50 | positive | ▲ 0.20 | 5 |
      | NATO | +0.11 | positive | = | 5 |
      | Ukraine | — | no mentions | — | 0 |

      ## Most telling articles

      ### Russia

      - ▼ **−0.90** [Strikes hit \\[Kharkiv\\] grid](https://example.test/a1) — *Global Herald*, 10 Mar 2025
        > Russia shelled the city again.
      - ▼ **−0.30** Talks stall — *Wire \\| Service*, 12 Mar 2025
      - ▲ **+0.70** [Moscow hails \\*grain\\* deal](https://example.test/a2) — *Eastern Dawn*, 11 Mar 2025
        > Russia offered a generous deal.

      ### China

      - ▲ **+0.80** [Beijing opens (new) port](https://example.test/c1%20x) — *Eastern Dawn*, 11 Mar 2025
        > China built a modern port.

      ## Outlets × actors

      Mean stance (mentions) per outlet, busiest outlets first.

      | Outlet | Russia | India | China | NATO |
      |---|---:|---:|---:|---:|
      | Wire \\| Service | −0.10 (4) | +0.20 (7) | — | — |
      | Eastern Dawn | +0.60 (2) | — | +0.80 (3) | −0.50 (2) |
      | Global Herald | −0.70 (6) | — | −0.20 (1) | — |

      ## Rising framing terms

      - **provocation**: 4 uses (0.0 expected at the earlier rate)
      - **hegemony**: 8 uses (2.0 expected at the earlier rate)
      - **sanctions**: 6 uses (4.5 expected at the earlier rate)

      ## Stance over time

      ![Mean stance per day](digest%201.png)
      "
    `);
  });

  it('names the actors of the digest the chart leaves out, and why', () => {
    const input = { ...fixtureInput(), options: { maxChartActors: 2 } };
    const md = digestToMarkdown(buildDigest(input), { chartFile: 'x.png' });
    expect(md).toContain('Not charted: China, NATO (the chart shows the 2 actors with the most mentions).');
    expect(digestToMarkdown(buildDigest(fixtureInput()), { chartFile: 'x.png' })).not.toContain('Not charted');
  });

  it('lists the voices quoted per actor and marks the outlets that only quoted others', () => {
    const md = digestToMarkdown(buildDigest({ ...fixtureInput(), voices: sampleVoices() }));
    expect(md).toContain([
      '## Voices quoted', '',
      'Who the articles quote about each actor and how (reported speech, not the outlets\' own stance): − against, + for, ± neutral.', '',
      '- **Russia**: Global Herald (Global Herald) −',
      '- **NATO**: Dmitry Peskov [Russia] (TASS, RT) −, Jens Stoltenberg (Reuters) +, Beijing [China] (A, B, C, +2) −',
      '', '## Outlets × actors',
    ].join('\n'));
    expect(md).toContain('| Eastern Dawn | +0.60 (2) | — | +0.80 (3) | −0.50 (2) |');
    expect(md).toContain('| TASS | — | — | — | q −0.70 (2) |');
    expect(md).toContain('q: the outlet only quoted others about the actor');
    expect(digestToMarkdown(buildDigest(fixtureInput()))).not.toMatch(/Voices quoted|q: the outlet/);
  });

  it('says when a period had no articles and omits empty sections', () => {
    const input = { ...fixtureInput(), actors: [], articles: [], outletActors: [], series: [] };
    input.totals = { articles: 0, outlets: 0, notAnalysed: 0 };
    input.framing = { current: { articles: 0, counts: {} }, previous: [] };
    const md = digestToMarkdown(buildDigest(input), { chartFile: 'x.png' });
    expect(md).toContain('No new articles in this period.');
    expect(md).toContain('**0** articles from **0** outlets\n');
    expect(md).not.toMatch(/## (Most telling|Outlets|Rising|Stance over time)/);
    expect(md).toContain('| Russia | — | no mentions | — | 0 |');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises formatting characters and collapses whitespace', () => {
    expect(escapeMarkdown(' a*b_c [d](e) | f\n g ')).toBe('a\\*b\\_c \\[d\\](e) \\| f g');
  });
});
