// A small, fixed DigestInput shared by the digest, Markdown and PNG tests.
import type { DigestInput, VoiceAggregate } from '../../src/core/digest-types.js';

export const T0 = Date.parse('2025-03-10T00:00:00Z');
const DAY = 86_400_000;

export function fixtureInput(): DigestInput {
  return {
    period: { from: T0, to: T0 + 3 * DAY },
    previous: [
      { actor: 'Russia', n: 10, meanScore: -0.2, labels: { negative: 5, neutral: 4, positive: 1 } },
      { actor: 'China', n: 4, meanScore: 0.3, labels: { negative: 0, neutral: 2, positive: 2 } },
      { actor: 'NATO', n: 6, meanScore: 0.105, labels: { negative: 1, neutral: 4, positive: 1 } },
    ],
    actors: [
      { actor: 'Russia', n: 12, meanScore: -0.45, labels: { negative: 8, neutral: 3, positive: 1 } },
      { actor: 'China', n: 5, meanScore: 0.5, labels: { negative: 0, neutral: 2, positive: 3 } },
      { actor: 'NATO', n: 5, meanScore: 0.11, labels: { negative: 1, neutral: 3, positive: 1 } },
      { actor: 'Japan', n: 2, meanScore: 0.05, labels: { negative: 0, neutral: 2, positive: 0 } },
      { actor: 'India', n: 7, meanScore: 0.2, labels: { negative: 0, neutral: 5, positive: 2 } },
    ],
    series: [
      { actor: 'Russia', points: [{ day: '2025-03-10', n: 5, meanScore: -0.3 }, { day: '2025-03-12', n: 7, meanScore: -0.6 }] },
      { actor: 'China', points: [{ day: '2025-03-11', n: 5, meanScore: 0.5 }, { day: '2025-03-12', n: 0, meanScore: 0 }] },
    ],
    outletActors: [
      { outlet: 'Global Herald', actor: 'Russia', n: 6, meanScore: -0.7 },
      { outlet: 'Global Herald', actor: 'China', n: 1, meanScore: -0.2 },
      { outlet: 'Eastern Dawn', actor: 'Russia', n: 2, meanScore: 0.6 },
      { outlet: 'Eastern Dawn', actor: 'China', n: 3, meanScore: 0.8 },
      { outlet: 'Eastern Dawn', actor: 'NATO', n: 2, meanScore: -0.5 },
      { outlet: 'Wire | Service', actor: 'Russia', n: 4, meanScore: -0.1 },
      { outlet: 'Wire | Service', actor: 'India', n: 7, meanScore: 0.2 },
    ],
    articles: [
      { actor: 'Russia', title: 'Strikes hit [Kharkiv] grid', link: 'https://example.test/a1', outlet: 'Global Herald',
        published: T0 + 3_600_000, score: -0.9, evidence: 'Russia  shelled the city\nagain.', terms: ['shelled'] },
      { actor: 'Russia', title: 'Moscow hails *grain* deal', link: 'https://example.test/a2', outlet: 'Eastern Dawn',
        published: T0 + DAY, score: 0.7, evidence: 'Russia offered a generous deal.', terms: ['generous'] },
      { actor: 'Russia', title: 'Talks stall', outlet: 'Wire | Service', published: T0 + 2 * DAY, score: -0.3, terms: [] },
      { actor: 'Russia', title: 'Strikes hit [Kharkiv] grid', link: 'https://example.test/a1', outlet: 'Global Herald',
        published: T0 + 3_600_000, score: -0.9, terms: [] },
      { actor: 'China', title: 'Beijing opens (new) port', link: 'https://example.test/c1 x', outlet: 'Eastern Dawn',
        published: T0 + DAY, score: 0.8, evidence: 'China built a modern port.', terms: ['modern'] },
    ],
    framing: {
      current: { articles: 20, counts: { hegemony: 8, sanctions: 6, aggression: 2, provocation: 4 } },
      previous: [
        { articles: 30, counts: { hegemony: 3, sanctions: 9 } },
        { articles: 10, counts: { hegemony: 1, provocation: 0 } },
      ],
    },
    totals: { articles: 31, outlets: 3, notAnalysed: 2 },
    watched: ['Russia', 'China', 'NATO', 'Ukraine', 'India'],
  };
}

/** Reported voices about the fixture's actors (and others' outlets), for the voices tests. */
export function sampleVoices(): VoiceAggregate[] {
  return [
    { actor: 'NATO', speaker: 'Dmitry Peskov', speakerActor: 'Russia', n: 3, meanScore: -0.6, outlets: [{ outlet: 'TASS', n: 2, meanScore: -0.7 }, { outlet: 'RT', n: 1, meanScore: -0.4 }] },
    { actor: 'NATO', speaker: 'Jens Stoltenberg', speakerActor: 'NATO', n: 1, meanScore: 0.5, outlets: [{ outlet: 'Reuters', n: 1, meanScore: 0.5 }] },
    { actor: 'NATO', speaker: 'unnamed', speakerActor: null, n: 1, meanScore: 0.02, outlets: [{ outlet: 'Eastern Dawn', n: 1, meanScore: 0.02 }] },
    { actor: 'NATO', speaker: 'Beijing', speakerActor: 'China', n: 1, meanScore: -0.3,
      outlets: [{ outlet: 'A', n: 1, meanScore: -0.3 }, { outlet: 'B', n: 1, meanScore: -0.3 }, { outlet: 'C', n: 1, meanScore: -0.3 }, { outlet: 'D', n: 1, meanScore: -0.3 }, { outlet: 'E', n: 1, meanScore: -0.3 }] },
    { actor: 'Russia', speaker: 'Global Herald', speakerActor: null, n: 2, meanScore: -0.5, outlets: [{ outlet: 'Global Herald', n: 2, meanScore: -0.5 }] },
    { actor: 'Japan', speaker: 'Tokyo', speakerActor: 'Japan', n: 1, meanScore: 0.4, outlets: [{ outlet: 'RT', n: 1, meanScore: 0.4 }] },
  ];
}
