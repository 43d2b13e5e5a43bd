// A leader's name before a word for their government names the state (config `governments`,
// src/core/government-forms.ts): "the Obama administration" is the United States, "the Modi government" India,
// "Kim's regime" North Korea. Leaders who are actors of their own keep their name. Sentences are written for these
// tests.
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/core/actors.js';
import { governmentForms } from '../../src/core/government-forms.js';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const mentions = (text: string): Array<[string, string]> => analyser.registry.findMentions(text).map((m) => [m.actor, m.text]);

describe("a leader's government names the state", () => {
  it.each([
    ['Iran has played the Obama Administration for fools.', 'United States', 'Obama Administration'],
    ['The Modi government seems unable to reverse the land grab.', 'India', 'Modi government'],
    ['By agreeing to it, the Narendra Modi government gave ground.', 'India', 'Narendra Modi government'],
    ["Mr. Moon's government reacted with a strong statement.", 'South Korea', "Moon's government"],
    ['The Park Geun Hye regime is breathing its last.', 'South Korea', 'Park Geun Hye regime'],
    ['The move is an overture toward the Kim regime.', 'North Korea', 'Kim regime'],
    ['The Lai-led authorities are troublemakers for cross-Strait peace.', 'Taiwan', 'Lai-led authorities'],
    ['The DPP authorities keep provoking.', 'Taiwan', 'DPP authorities'],
    ['The Marcos administration has filed over a hundred protests.', 'Philippines', 'Marcos administration'],
    ["The Albanese government's plan passed.", 'Australia', "Albanese government's"],
    ['The Abe cabinet approved the budget.', 'Japan', 'Abe cabinet'],
  ])('%s -> %s ("%s")', (text, actor, form) => {
    expect(mentions(text)).toContainEqual([actor, form]);
  });

  it('a leader who is an actor keeps the name: "the Biden administration" is Joe Biden', () => {
    expect(mentions('The Biden administration and the Trump administration differ.').map(([a]) => a)).toEqual(['Joe Biden', 'Donald Trump']);
  });

  it.each([
    ['Obama spoke at the rally.', 'United States'],
    ['Park authorities closed the trail.', 'South Korea'],
    ['The Kim family ran the restaurant.', 'North Korea'],
    ['Abe was a shipping agent in the novel.', 'Japan'],
    ['The Abbott administration in Texas sued the federal government.', 'Australia'],
  ])('no government, no mention: %s', (text, actor) => {
    expect(mentions(text).map(([a]) => a)).not.toContain(actor);
  });

  it('the forms of a name: before each government noun, possessive and "-led"', () => {
    const forms = governmentForms(['Moon']);
    for (const f of ['Moon administration', 'Moon government', 'Moon regime', 'Moon cabinet', 'Moon authorities', "Moon's government", 'Moon-led government']) expect(forms).toContain(f);
  });

  it("a server's own actor can list governments too", () => {
    const registry = createRegistry([{ name: 'Ruritania', kind: 'country', aliases: ['Ruritania'], governments: ['Rassendyll'] }]);
    expect(registry.findMentions('The Rassendyll government fell.').map((m) => m.actor)).toEqual(['Ruritania']);
  });

  it("the state's stance is read from what the author says of its government", () => {
    const india = analyser.analyse({ text: 'The Modi government has been reckless and cowardly.' }).actors.find((a) => a.actor === 'India');
    expect(india?.label).toBe('negative');
  });
});

describe('Taiwan: "the island" once Taiwan is named (rule 7, mentions in context)', () => {
  const taiwanMentions = (text: string): number => analyser.analyse({ text }).actors.find((a) => a.actor === 'Taiwan')?.mentions ?? 0;
  it.each([
    ['Taiwan elected a new president. The self-ruled island also chose a new legislature.', 2],
    ["Voters in Taiwan went to the polls. The island's authorities counted ballots overnight.", 2],
    ['Beijing sent warships toward Taiwan. The democratic island put its forces on alert.', 2],
  ])('%s: Taiwan counted %i times', (text, times) => {
    expect(taiwanMentions(text)).toBe(times);
  });

  it('without Taiwan named first, "the island" is no mention (Huangyan Island, Snake Island)', () => {
    expect(taiwanMentions('Coast guard ships sailed near Huangyan Island. The island lies in disputed waters.')).toBe(0);
  });
});
