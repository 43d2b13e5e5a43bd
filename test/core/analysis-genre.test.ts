// Hand-written cases of the genre: attribution, framing, negation, contrast, foils, metonyms, quotes, false hits.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import type { SentenceStance } from '../../src/core/stance.js';
import type { ActorStance } from '../../src/core/types.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const stance = (text: string, actor: string): ActorStance | undefined =>
  analyser.analyse({ text }).actors.find((a) => a.actor === actor);
const mentioned = (text: string): string[] => analyser.registry.findMentions(text).map((m) => m.actor);

describe('actor mentions', () => {
  it.each([
    ['The US imposed tariffs.', 'United States'],
    ['The U.S. imposed tariffs.', 'United States'],
    ['Washington imposed tariffs.', 'United States'],
    ['The White House declined to comment.', 'United States'],
    ['The Pentagon released a statement.', 'United States'],
    ['American officials disagreed.', 'United States'],
    ['Beijing responded on Monday.', 'China'],
    ['The Kremlin denied the report.', 'Russia'],
    ['Officials in Kyiv welcomed the deal.', 'Ukraine'],
    ['Officials in Kiev welcomed the deal.', 'Ukraine'],
    ['Taipei protested the flight.', 'Taiwan'],
    ['Tokyo raised its defence budget.', 'Japan'],
    ['The E.U. agreed on a package.', 'European Union'],
    ['Nato allies met in Vilnius.', 'NATO'],
    ["NATO's summit ended.", 'NATO'],
    ['the United States\' own view', 'United States'],
  ])('%s -> %s', (text, actor) => {
    expect(mentioned(text)).toContain(actor);
  });

  it('reads both sides of a Sino-Russian compound', () => {
    expect(mentioned('Sino-Russian trade grew.')).toEqual(['China', 'Russia']);
  });

  it('reads US-led as the United States', () => {
    expect(mentioned('US-led exercises began.')).toEqual(['United States']);
  });

  it.each([
    ['Let us work together.', 'United States'],
    ['Tell us what happened.', 'United States'],
    ['Ships sailed through the South China Sea.', 'China'],
    ['We ate turkey at Thanksgiving.', 'Turkey'],
    ['The governor of Atlanta, Georgia spoke.', 'Georgia'],
    ['She wrote for the Washington Post.', 'United States'],
    ['He toured Latin America.', 'United States'],
    ['Settlers in the West Bank protested.', 'the West'],
    ['The fine china was broken.', 'China'],
  ])('no false hit: %s', (text, actor) => {
    expect(mentioned(text)).not.toContain(actor);
  });
});

describe('stance attribution in the genre', () => {
  it('praise for one actor and condemnation of another in one sentence', () => {
    const text = "China's win-win cooperation stands in contrast to American hegemony and bullying.";
    expect(stance(text, 'United States')?.score).toBeLessThan(stance(text, 'China')?.score ?? -1);
    expect(stance(text, 'United States')?.label).toBe('negative');
  });

  it('attributes a possessive framing phrase to its owner', () => {
    const s = stance("NATO's push for eastward militarization has led to a more complicated security environment.", 'NATO');
    expect(s?.label).toBe('negative');
    expect(s?.evidence[0]?.terms).toContain('militarization');
  });

  it('attributes a demonym-headed phrase: American hegemony', () => {
    const s = stance('These arrangements were made without the costs of American hegemony and its policy of force.', 'United States');
    expect(s?.evidence.flatMap((e) => e.terms)).toContain('hegemony');
  });

  it('treats "so-called" as a scare marker', () => {
    const s = stance('The so-called Russian peacekeepers are an occupation force.', 'Russia');
    expect(s?.label).toBe('negative');
  });

  it('matches multi-word framing phrases before single words', () => {
    const a = analyser.analyse({ text: 'Washington must abandon its cold war mentality and zero-sum games.' });
    expect(a.framing['cold war mentality']).toBe(1);
    expect(a.framing['cold war']).toBeUndefined();
    expect(a.actors.find((x) => x.actor === 'United States')?.label).toBe('negative');
  });

  it('counts framing terms for digests', () => {
    const a = analyser.analyse({ text: 'Provocations and provocations again, said Beijing, condemning long-arm jurisdiction.' });
    expect(a.framing['provocations']).toBe(2);
    expect(a.framing['long-arm jurisdiction']).toBe(1);
  });

  it('negation with a typographic apostrophe flips the word', () => {
    const plain = analyser.analyse({ text: 'Critics say Moscow doesn\u2019t like the peace plan.' }).sentiment.score;
    const liked = analyser.analyse({ text: 'Critics say Moscow likes the peace plan.' }).sentiment.score;
    expect(plain).toBeLessThan(liked);
  });

  it('negation scope reaches past one word', () => {
    const negated = analyser.analyse({ text: 'Beijing was never a reliable or peaceful partner.' }).sentiment.score;
    const plain = analyser.analyse({ text: 'Beijing was a reliable and peaceful partner.' }).sentiment.score;
    expect(negated).toBeLessThan(plain);
  });

  it('negation stops at a clause boundary', () => {
    const a = analyser.analyse({ text: 'It was not planned, but the summit was a great success.' });
    expect(a.sentiment.score).toBeGreaterThan(0);
  });

  it('a "but" clause decides against the clause before it', () => {
    const s = stance('Tokyo made some welcome gestures, but its provocations and aggression continue.', 'Japan');
    expect(s?.label).toBe('negative');
  });

  it('condemnation in a sentence about another actor is not given to a bystander', () => {
    const text = 'India welcomed the talks, while Iran was condemned for its brutal crackdown and repression.';
    expect(stance(text, 'Iran')?.score).toBeLessThan(stance(text, 'India')?.score ?? -1);
  });

  it('strong praise reads positive', () => {
    expect(stance('Russia and China deepened their comprehensive strategic partnership, a model of mutual respect and win-win cooperation.', 'China')?.label).toBe('positive');
  });

  it('a plain report reads neutral', () => {
    expect(stance('The European Union will hold its summit in Brussels on Thursday.', 'European Union')?.label).toBe('neutral');
  });

  it('shows evidence sentences for every actor', () => {
    const a = analyser.analyse({ text: 'The US sanctions are illegal. Moscow praised the partnership.' });
    for (const actor of a.actors) expect(actor.evidence.length).toBeGreaterThan(0);
  });

  it('a speaker is not blamed for the words of the quote', () => {
    const s = stance('"The war is a disaster and a catastrophe," Zelensky said.', 'Volodymyr Zelensky');
    expect(s?.label).not.toBe('negative');
  });

  it('counts several mentions of one actor', () => {
    expect(stance('China grew. Beijing said Chinese exports rose.', 'China')?.mentions).toBe(3);
  });

  it('does not analyse non-English text', () => {
    const a = analyser.analyse({ text: 'Der Kanzler und die Regierung haben sich nicht auf die Reform geeinigt, sagte er in Berlin.' });
    expect(a.language).toBe('de');
    expect(a.analysed).toBe(false);
  });

  it('withActors adds a server-defined actor', () => {
    const extra = analyser.withActors([{ name: 'AUKUS', kind: 'bloc', aliases: ['AUKUS'] }]);
    expect(extra.analyse({ text: 'AUKUS is a destabilizing provocation.' }).actors.map((a) => a.actor)).toContain('AUKUS');
    expect(analyser.registry.findMentions('AUKUS')).toEqual([]);
  });
});

// Foils ("unlike X, Y ..."): X gets the terms about the other actors reversed, bound to it like a possessive's.
describe('foils', () => {
  const foilOf = (text: string, actor: string): SentenceStance | undefined => analyser.stances({ text }).find((s) => s.actor === actor);

  it.each([
    ['Unlike Washington, Beijing has always respected the sovereignty of its neighbours.', 'United States', 'China'],
    ['In contrast to the United States, China and Russia support a fair and peaceful settlement.', 'United States', 'Russia'],
    ['Rather than Washington, Moscow has offered genuine help and friendly cooperation to Africa.', 'United States', 'Russia'],
    ['As opposed to Brussels, Beijing offers loans without harsh conditions or corruption.', 'European Union', 'China'],
    ['Unlike Tokyo, Seoul has not stoked tensions or provocations in the region.', 'Japan', 'South Korea'],
  ])('%s: the foil is negative, the actor praised positive', (text, foil, praised) => {
    expect(stance(text, foil)?.label).toBe('negative');
    expect(stance(text, praised)?.label).toBe('positive');
  });

  it('the foil of a criticised actor reads positive', () => {
    const text = 'Unlike NATO, the EU has failed to protect Ukraine from aggression.';
    expect(stance(text, 'NATO')?.label).toBe('positive');
    expect(stance(text, 'European Union')?.label).toBe('negative');
  });

  it("reverses the terms another actor owns as possessor (Ukraine's atrocities: Russia by contrast)", () => {
    const text = "Unlike Russia, Ukraine's army has committed atrocities.";
    expect(stance(text, 'Russia')?.label).toBe('positive');
    expect(stance(text, 'Ukraine')?.label).toBe('negative');
  });

  it("counts the foil's reversed terms as bound mass, and the praised actor's as its own only", () => {
    const text = 'Unlike Washington, Beijing has always respected the sovereignty of its neighbours.';
    const us = foilOf(text, 'United States')?.analyses[0];
    expect(us?.role.foil).toBe(true);
    expect(us?.attribution.terms.map((t) => [t.term, t.share])).toEqual([['respected', -1], ['sovereignty', -1]]);
    expect(us?.attribution.boundNegative).toBe(3);
    const china = foilOf(text, 'China')?.analyses[0];
    expect(china?.role.foil).toBe(false);
    expect(china?.attribution.boundPositive).toBe(0);
    expect(china?.attribution.ownPositive).toBe(3);
  });

  it('negation inside the contrasted clause flips what the foil gets', () => {
    const a = foilOf('Unlike Tokyo, Seoul has not stoked tensions or provocations in the region.', 'Japan')?.analyses[0]?.attribution;
    expect(a?.terms.map((t) => [t.term, t.negated, t.share])).toEqual([['provocations', true, -1]]);
    expect(a?.boundNegative).toBeGreaterThan(0);
    expect(a?.boundPositive).toBe(0);
  });

  it('the opener must be in the mention\'s clause ("however" starts another)', () => {
    const s = foilOf("Unlike its rivals however Japan's navy is unable to hire foreigners.", 'Japan');
    expect(s?.analyses[0]?.role.foil).toBe(false);
    expect(s?.prediction.label).toBe('negative');
  });

  it('no foil, no reversal: the same praise for two actors', () => {
    const text = 'Washington and Beijing have respected the sovereignty of their neighbours.';
    expect(stance(text, 'United States')?.label).toBe('positive');
    expect(stance(text, 'China')?.label).toBe('positive');
  });
});
