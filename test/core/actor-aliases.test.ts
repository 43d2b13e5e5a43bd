// Aliases and metonyms of the genre (guideline rule 7: names, aliases, demonyms, metonyms), as outlets write them:
// state media's "Zionist regime" and KCNA's lower-case "south Korea", wire copy's "N. Korea", "UNSC", "London".
// Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const mentioned = (text: string): string[] => analyser.registry.findMentions(text).map((m) => m.actor);

describe('aliases and metonyms of the genre (rule 7)', () => {
  it.each([
    ['London hit back at the claims.', 'United Kingdom'],
    ['The Islamic Republic rejected the offer.', 'Iran'],
    ['The IRGC seized a tanker.', 'Iran'],
    ['The Zionist regime kept up its strikes.', 'Israel'],
    ['The Jewish state held elections.', 'Israel'],
    ['Tel Aviv ignored the ruling.', 'Israel'],
    ['Delhi summoned the envoy.', 'India'],
    ['N. Korea fired a missile.', 'North Korea'],
    ['S. Korea and Japan held talks.', 'South Korea'],
    ['The south Korean puppet army staged drills.', 'South Korea'],
    ['Cheong Wa Dae said nothing.', 'South Korea'],
    ['The UNSC adopted a resolution.', 'United Nations'],
    ['The UNGA voted on Friday.', 'United Nations'],
    ['The European Parliament passed a motion.', 'European Union'],
    ['The PLA held exercises near the island.', 'China'],
    ['CCG ships fired water cannons at the boats.', 'China'],
    ['The Islamic republic rejected the offer.', 'Iran'],
    ['The collective West keeps arming Kyiv.', 'the West'],
    ['Yoon vows stern response to any NK provocation', 'North Korea'],
    ['China decries accusations of PH, US over the row', 'Philippines'],
    ['The Security Council met on Friday.', 'United Nations'],
  ])('%s -> %s', (text, actor) => {
    expect(mentioned(text)).toContain(actor);
  });

  it.each([
    ['He studied at the London School of Economics.', 'United Kingdom'],
    ['She moved to London, Ontario.', 'United Kingdom'],
    ['The Islamic Republic of Pakistan held a vote.', 'Iran'],
    ['Shares fell on the London Stock Exchange.', 'United Kingdom'],
  ])('no false hit: %s', (text, actor) => {
    expect(mentioned(text)).not.toContain(actor);
  });
});

it('a national security council is not the UN Security Council', () => {
  expect(mentioned('The US National Security Council met, and so did the Russian Security Council.')).not.toContain('United Nations');
});

describe('Australia, a built-in actor (issue 14: "Canberra has chosen to act as a troublemaker for hire")', () => {
  it.each([
    ['Canberra signed the AUKUS deal.', 'Australia'],
    ['Australian warships joined the drill.', 'Australia'],
    ['Australia rejected the claim.', 'Australia'],
  ])('%s -> %s', (text, actor) => {
    expect(mentioned(text)).toContain(actor);
  });

  it('a state, a tournament and a currency are not the country', () => {
    expect(mentioned('Mining in Western Australia slowed while the Australian Open drew crowds and the Australian dollar fell.')).not.toContain('Australia');
  });

  it('the role noun of the issue is hostile to Australia in the author view', () => {
    const australia = analyser.analyse({ text: 'Canberra has chosen to act as a troublemaker for hire.' }).actors.find((a) => a.actor === 'Australia');
    expect(australia?.label).toBe('negative');
  });
});
