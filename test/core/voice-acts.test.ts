// A speech act named by its noun after a reporting verb ("voiced strong opposition to", "expressed firm support
// for"): the speaker's voice on the object takes the noun's polarity. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources, projectRoot } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources(projectRoot()));
const voiceOn = (text: string, actor: string): string | undefined => analyser.analyse({ text }).voices.find((v) => v.actor === actor)?.label;

describe('speech acts named by a noun', () => {
  it.each([
    ["Beijing voiced strong opposition to Japan's remarks.", 'Japan', 'negative'],
    ['Tokyo expressed firm support for the Philippines.', 'Philippines', 'positive'],
    ['Moscow expressed its gratitude to India for its balanced position.', 'India', 'positive'],
    ['Ankara reiterated its criticism of Israel over the raid.', 'Israel', 'negative'],
  ])('%s', (text, actor, label) => {
    expect(voiceOn(text, actor)).toBe(label);
  });

  it('the noun must lead to the target through its preposition: a target far after it is left to the voice head', () => {
    const labels = analyser.analyse({ text: 'Seoul expressed support for the talks, which Washington had long opposed.' }).voices.filter((v) => v.actor === 'United States');
    expect(labels.every((v) => v.label !== 'positive')).toBe(true);
  });
});
