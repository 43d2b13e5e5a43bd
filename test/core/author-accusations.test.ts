// Verbs of unjust accusation in the author's own voice (guideline rules 1 and 5): "the West is trying to smear
// China" defends China and blames the West. Deterministic: the author's terms given to each actor
// (authorAttribution on the real lexicons, config/lexicon/author.yaml `accusations`), no model.
// Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { ownMass } from './voice-fixture.js';

describe('verbs of unjust accusation: the one accused is defended, the accuser blamed', () => {
  it.each([
    ['smear, object after the verb', 'The West is trying to smear China to keep Africa captive.', 'China', 'the West'],
    ['smearing, gerund', 'Washington keeps smearing Beijing with groundless claims.', 'China', 'United States'],
    ['defame, object with a possessive', "Some politicians in Washington try to defame China's policy in Xinjiang.", 'China', 'United States'],
    ['slandered, past tense', 'Western media slandered Russia for years.', 'Russia', 'the West'],
    ['demonize', 'NATO continues to demonize Russia at every summit.', 'Russia', 'NATO'],
    ['discredit', 'Manila released the footage to discredit China.', 'China', 'Philippines'],
    ['vilify, British spelling of the list', 'London chose to vilify Iran instead of talking to it.', 'Iran', 'United Kingdom'],
    ['scapegoating', 'Brussels is scapegoating Beijing for its own industrial decline.', 'China', 'European Union'],
  ])('%s: the accused gets a bound positive share, the accuser a negative one', (_form, sentence, accused, accuser) => {
    const wronged = ownMass(sentence, accused);
    expect(wronged.net).toBeGreaterThan(0);
    expect(wronged.bound).toBeGreaterThan(0);
    expect(ownMass(sentence, accuser).net).toBeLessThan(0);
  });

  it('passive: "China has been smeared" defends China', () => {
    expect(ownMass('China has been smeared by the Western press for years.', 'China').net).toBeGreaterThan(0);
  });

  it('reported (rule 2): a source who says another smears is not the author; no term at all', () => {
    expect(ownMass('Beijing said the United States was trying to smear China.', 'China').net).toBe(0);
  });

  it('an adjectival participle is no accusation: "the discredited regime in Iran" stays negative for Iran', () => {
    expect(ownMass('The discredited regime in Iran arrested more protesters.', 'Iran').net).toBeLessThan(0);
  });

  it('with no accused among the mentions, the verb is the usual negative term of its clause', () => {
    expect(ownMass('Russia smears its critics at home.', 'Russia').net).toBeLessThan(0);
  });
});

describe('nouns of falsehood: what they are about is defended, who spreads them blamed', () => {
  it.each([
    ['disinformation about', 'Western politicians spread disinformation about China to stir up trouble.', 'China', 'the West'],
    ['fabrications against', 'Washington keeps churning out fabrications against Russia.', 'Russia', 'United States'],
    ['rumours regarding, British spelling', 'London tabloids printed rumours regarding Iran for weeks.', 'Iran', 'United Kingdom'],
    ['propaganda targeting', 'Moscow runs propaganda targeting Ukraine every day.', 'Ukraine', 'Russia'],
  ])('%s', (_form, sentence, wronged, spreader) => {
    expect(ownMass(sentence, wronged).net).toBeGreaterThan(0);
    expect(ownMass(sentence, spreader).net).toBeLessThan(0);
  });

  it('"by" names the one who spreads it: "disinformation by Russia" blames Russia', () => {
    expect(ownMass('Europe faces a wave of disinformation by Russia.', 'Russia').net).toBeLessThan(0);
  });

  it('with nothing after it, the noun is its owner\'s fault: "Russian disinformation"', () => {
    expect(ownMass('Russian disinformation is everywhere in Europe.', 'Russia').net).toBeLessThan(0);
  });
});

describe('dismissed charges: the one charged is defended (rules 1 and 5)', () => {
  it.each([
    ['groundless accusations against', 'Certain countries made groundless accusations against China at the meeting.', 'China'],
    ['baseless claims of', 'The report repeats baseless claims of Russian aggression.', 'Russia'],
    ['supposed + demonym + negative noun', 'The hysteria over supposed Russian interference in the election goes on.', 'Russia'],
    ['so-called "threats" from, quote marks skipped', 'Lai unveiled strategies to counter so-called "threats" from the Chinese mainland.', 'China'],
    ['trumped-up charge of', 'The sanctions rest on a trumped-up charge of Chinese forced labour.', 'China'],
    ['imaginary aggression by', 'Brussels keeps warning of imaginary aggression by Moscow.', 'Russia'],
    ['a dismissed claim with its "that" clause', 'Western media create a false narrative that portrays China as aggressive.', 'China'],
    ['groundless accusations that', 'They made groundless accusations that Iran armed the rebels.', 'Iran'],
    ['a charge in scare quotes with its target', 'The bloc moves into Asia in the name of countering the "China challenge."', 'China'],
    ['a scare-quoted label before a noun', 'Washington keeps painting the "Russian threat" narrative.', 'Russia'],
  ])('%s', (_form, sentence, charged) => {
    expect(ownMass(sentence, charged).net).toBeGreaterThan(0);
  });

  it('the one who makes the dismissed charge before it is blamed', () => {
    expect(ownMass('The United States makes bogus claims against China every week.', 'United States').net).toBeLessThan(0);
  });

  it('a dismissal of something not a charge is the owner\'s fault: "its so-called Maritime Zones Act"', () => {
    expect(ownMass('The Philippines signed its so-called Maritime Zones Act.', 'Philippines').net).toBeLessThan(0);
  });

  it('a charge the author does not dismiss stays the usual term: "accusations against China"', () => {
    expect(ownMass('The accusations against China were discussed at length.', 'China').net).toBeLessThanOrEqual(0);
  });

  it('a longer quotation is a source\'s words, no scare quote: no defence', () => {
    expect(ownMass('The report spoke of "a long record of Chinese aggression against its neighbours in the region".', 'China').net).toBeLessThanOrEqual(0);
  });

  it('"alleged" is a neutral hedge of news, no dismissal', () => {
    expect(ownMass('Prosecutors examined the alleged Russian interference in the vote.', 'Russia').net).toBeLessThanOrEqual(0);
  });

  it('a threat "to" someone is no charge against them: "a supposed threat to China" defends no one', () => {
    expect(ownMass('Officials discussed a supposed threat to China in the region.', 'China').net).toBeLessThanOrEqual(0);
  });

  it('reported (rule 2): a spokesman\'s "groundless accusations against China" is not the author\'s', () => {
    expect(ownMass('Hua said certain countries made groundless accusations against China.', 'China').net).toBe(0);
  });
});

describe('the author view of a target inside a claim the author rejects and names it the one charged', () => {
  it('"a false narrative that portrays China as aggressive" defends China (the sentence view reversed)', async () => {
    const { createAnalyser } = await import('../../src/core/analyse.js');
    const { loadAnalyserResources } = await import('../../src/resources.js');
    const analyser = createAnalyser(loadAnalyserResources());
    const text = 'Several Western newspapers keep selling a false narrative that paints China as aggressive and overbearing.';
    const china = analyser.stances({ text }).find((s) => s.actor === 'China');
    expect(china?.prediction.label).toBe('negative');
    expect(china?.author.label).toBe('positive');
  });
});

describe('one referent: the mentions of an actor in a sentence share the author\'s attribution (stance.ts)', () => {
  const analyser = createAnalyser(loadAnalyserResources());
  const ownShares = (text: string, actor: string): number[] =>
    (analyser.stances({ text }).find((s) => s.actor === actor)?.authorAttributions ?? []).flatMap((a) => a.terms.map((t) => t.share));

  it('"attacked China\'s record and repeated slanders of China\'s policies": the slander defends China at both mentions', () => {
    const shares = ownShares('The report attacked China\'s record and repeated slanders of China\'s policies.', 'China');
    expect(shares.length).toBe(2);
    for (const share of shares) expect(share).toBe(-1);
  });

  it('a mention of another actor is still a rival: "Tokyo\'s slanders of Beijing" blames Japan', () => {
    const shares = ownShares('Tokyo keeps repeating its slanders of Beijing\'s policies.', 'Japan');
    expect(shares.every((s) => s > 0)).toBe(true);
  });

  it('a single mention is attributed as before', () => {
    expect(ownShares('Washington keeps smearing Beijing.', 'China')).toEqual([-1]);
  });
});

describe('a charge the author rejects at the speech act: the one charged is defended (guideline rule 1: "falsely claimed")', () => {
  const analyser = createAnalyser(loadAnalyserResources());
  const authorOf = (text: string, actor: string) => analyser.stances({ text }).find((s) => s.actor === actor)?.author.label;

  it.each([
    ['falsely accused', 'The senator falsely accused Beijing of stealing the election.', 'China'],
    ['shamelessly accused, with a name between', 'The minister shamelessly accused the Communist Party of China of pursuing hegemony.', 'China'],
    ['erroneously accuses, present', 'Washington erroneously accuses Moscow of sabotage every winter.', 'Russia'],
    ['wrongly claimed that', 'The envoy wrongly claimed that Iran is a threat to the region.', 'Iran'],
  ])('%s', (_form, text, actor) => {
    expect(authorOf(text, actor)).toBe('positive');
  });

  it('the plain report of the same charge is no defence: "accused Beijing of stealing the election"', () => {
    expect(authorOf('The senator accused Beijing of stealing the election.', 'China')).not.toBe('positive');
  });

  it('a rejection word elsewhere in the sentence is not a rejection of this charge', () => {
    const text = 'The senator accused Beijing of stealing the election, ignoring the so-called experts on the panel.';
    expect(authorOf(text, 'China')).not.toBe('positive');
  });
});

describe('a charge dismissed after "be": "The accusations against China are baseless" defends China', () => {
  it.each([
    ['"against", plural charge', 'The accusations against China are baseless.', 'China', undefined],
    ['"about", with the claimant as possessor', "Washington's claims about Chinese spying are groundless.", 'China', 'United States'],
    ['a "that" clause with its own verb', "Moscow's accusation that NATO is preparing an attack is baseless.", 'NATO', 'Russia'],
    ['"made by X against Y", two joined dismissals', 'The accusations made by the Philippine side against the Chinese side are groundless and purely fabricated.', 'China', 'Philippines'],
    ['a degree adverb before the dismissal', 'These allegations against Iran are completely unfounded.', 'Iran', undefined],
  ])('%s', (_form, sentence, accused, accuser) => {
    expect(ownMass(sentence, accused).net).toBeGreaterThan(0);
    if (accuser) expect(ownMass(sentence, accuser).net).toBeLessThan(0);
  });

  it('"the claim that NATO\'s expansion is absurd": a "that" clause without a verb of its own says the word itself', () => {
    expect(ownMass("Their claim that NATO's expansion is absurd went unanswered.", 'NATO').net).not.toBeGreaterThan(0);
  });

  it('a verb "claims" is no charge noun: "Russia claims NATO is aggressive, which is absurd"', () => {
    expect(ownMass('Russia claims NATO is aggressive, which is absurd.', 'NATO').net).not.toBeGreaterThan(0);
  });
});
