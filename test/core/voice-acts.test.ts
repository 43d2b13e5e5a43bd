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

describe('a speaker who presses the target to act finds fault with it (44 of 44 such labelled voices are negative)', () => {
  it.each([
    ['Liu urged the Philippine side to honor its commitments and work with China.', 'Philippines'],
    ['He called on Russia to "stop the attacks and withdraw all its forces".', 'Russia'],
    ['Wang said Beijing demanded that Japan withdraw the report.', 'Japan'],
    ['"We urge the EU not to take the wrong path," Wang added.', 'European Union'],
  ])('%s', (text, actor) => {
    expect(voiceOn(text, actor)).toBe('negative');
  });

  it('a possessor is not the one pressed: "urged Russia\'s neighbours" leaves Russia to the voice head', () => {
    const text = "Lavrov urged Russia's friends to stay calm and praised their patience.";
    expect(voiceOn(text, 'Russia')).not.toBe('negative');
  });
});

it('two pressed together: "We urge the U.S. and the Philippines to respect ..." is a negative voice on both', () => {
  const text = '"We urge the U.S. and the Philippines to respect the aspirations of peoples in the region," he said.';
  expect(voiceOn(text, 'United States')).toBe('negative');
  expect(voiceOn(text, 'Philippines')).toBe('negative');
});
