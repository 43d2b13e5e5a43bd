// Voice attribution: speech acts done to an object ("blamed India for ..."), a quotation closed in a sentence that
// did not open it, adverbs and adverbials between a verb and its content, and progressive forms that are not
// passives. Sentences are written for these tests; the rule is rule 2 of
// ../shared/annotation/author-stance-guideline.md (attributed evaluations are the speaker's, not the author's).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { frameReporting, onlyFrame, readVoices, voicesOf } from './voice-fixture.js';

const analyser = createAnalyser(loadAnalyserResources());

describe('speech acts with an object: no quotative inversion', () => {
  it.each([
    ['blamed', 'Chinese media, notably the Global Times, blamed India for stoking tension at the border.', 'Chinese media', 'India'],
    ['accused', 'State television, in a late bulletin, accused Japan of reviving militarism.', 'State television', 'Japan'],
    ['condemned', 'The ministry, in a statement, condemned Israel for the strike.', 'ministry', 'Israel'],
  ])('"X, ..., %s Y for ...": the name after the verb is its object, X speaks', (_verb, sentence, speaker, object) => {
    const f = frameReporting(voicesOf(sentence).frames, object);
    expect(f?.speaker).toBe(speaker);
    expect(f?.reports).not.toContain(speaker);
  });

  it('a verb of saying still inverts ("..., said Lavrov")', () => {
    const f = onlyFrame('NATO is a relic of the Cold War, said Lavrov.');
    expect([f.speaker, f.reports]).toEqual(['Lavrov', ['NATO']]);
  });

  it.each([
    ['assailed', 'Chinese diplomats assailed Japan over the visit.', 'Chinese diplomats', 'Japan'],
    ['thanked', 'Erdogan thanked Russia for its restraint.', 'Erdogan', 'Russia'],
    ['derided', 'State media derided Taiwan as a pawn.', 'State media', 'Taiwan'],
    ['protested', 'Japan protested Chinese incursions near the islands.', 'Japan', 'China'],
    ['opposes (a state-media headline\'s verb)', 'Beijing firmly opposes the EU listing of Chinese firms.', 'Beijing', 'European Union'],
    ['rejected', 'Moscow rejected the Ukrainian peace plan on Monday.', 'Moscow', 'Ukraine'],
  ])('"%s" is a speech act aimed at its object', (_verb, sentence, speaker, object) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.reports).toContain(object);
  });

  it('"opposes" and "rejects" say what the speaker thinks of the object: a negative voice', () => {
    const voice = analyser.stances({ text: 'Beijing firmly opposes the EU listing of Chinese firms.' }).find((s) => s.actor === 'European Union')?.voice;
    expect(voice?.prediction.label).toBe('negative');
  });

  it('"is opposed to" is no speech act done to the subject: "Russia is opposed to NATO expansion" gives Russia no voice', () => {
    expect(analyser.stances({ text: 'Russia is opposed to NATO expansion.' }).find((s) => s.actor === 'Russia')?.voice).toBeUndefined();
  });

  it('"condemned on Friday the Israeli airstrikes": the object after a time adverbial is what is condemned', () => {
    const f = onlyFrame('Iranian Foreign Ministry spokesman Nasser Kanaani strongly condemned on Friday the Israeli airstrikes in Gaza.');
    expect(f.speaker).toBe('Iranian Foreign Ministry spokesman Nasser Kanaani');
    expect(f.reports).toEqual(['Israel']);
  });

  it('a dateline dash is not part of the speaker ("MOSCOW (Sputnik) - Iranian ... spokesman ...")', () => {
    const f = frameReporting(voicesOf('MOSCOW (Sputnik) - Iranian Foreign Ministry spokesman Nasser Kanaani condemned Israel for the strikes.').frames, 'Israel');
    expect(f?.speaker).toBe('Iranian Foreign Ministry spokesman Nasser Kanaani');
  });
});

describe('progressive is not passive', () => {
  it('"X is condemning Y": X speaks, Y is evaluated', () => {
    const f = onlyFrame("Iran's Foreign Ministry spokesman is condemning an Israeli airstrike in Syria.");
    expect(f.speaker).toBe("Iran's Foreign Ministry spokesman");
    expect(f.reports).toEqual(['Israel']);
  });

  it('"Y was condemned by X" stays a passive: Y is what X evaluates', () => {
    const f = onlyFrame('Russia was condemned by the EU for the attack.');
    expect([f.speaker, f.reports]).toEqual(['the EU', ['Russia']]);
  });
});

describe('a quotation closed by a sentence that did not open it', () => {
  it('`...capabilities," said Lee`: what comes before the closing mark is reported, the speaker after it speaks', () => {
    const f = onlyFrame('North Korea will keep showing off its missiles," said Sung-Yoon Lee, a professor at Tufts.');
    expect(f.speaker).toBe('Sung-Yoon Lee');
    expect(f.reports).toEqual(['North Korea']);
  });

  it('the closed quotation does not spill into the next sentence', () => {
    const [, next] = readVoices('North Korea will keep testing," said Sung-Yoon Lee.', 'Japan has raised its defence budget.');
    expect(next?.frames).toEqual([]);
  });

  it('an opening mark after a space is not a closing one: a balanced quotation is unchanged', () => {
    const f = onlyFrame('Lavrov said NATO was "a tool of confrontation" in Europe.');
    expect(f.speaker).toBe('Lavrov');
  });

  it('`..." X told a joint news conference`: the audience is no content', () => {
    const f = onlyFrame('Same actors now need to unite in telling Israel enough," Recep Tayyip Erdogan told a joint news conference in Ankara.');
    expect(f.speaker).toBe('Recep Tayyip Erdogan');
    expect(f.reports).toEqual(['Israel']);
  });
});

describe('between the verb and its content', () => {
  it('"said bluntly that": an adverb before "that" is not the content', () => {
    const f = onlyFrame('Navarro said bluntly that other countries dare not retaliate against China.');
    expect(f.content.startsWith('that')).toBe(true);
    expect(f.reports).toEqual(['China']);
  });

  it('"He even thanked ...": "even" is no part of the speaker', () => {
    const [, second] = readVoices('Donald Trump said the talks went well.', 'He even thanked Iran for the warning.');
    expect(second?.frames[0]?.speaker).toBe('Donald Trump');
  });

  it('"recalled that" reports (through the analyser: a voice on Japan, Japan neutral for the author)', () => {
    const a = analyser.analyse({ text: 'The Russian diplomat recalled that Japan is sliding back into militarism.' });
    expect(a.voices.map((v) => v.actor)).toContain('Japan');
    expect(a.actors.find((x) => x.actor === 'Japan')?.label).toBe('neutral');
  });
});

describe('who the speaker is', () => {
  it('"A spokesperson for the China Coast Guard (CCG) on Tuesday slammed ...": neither the weekday nor the abbreviation is the speaker', () => {
    const f = frameReporting(voicesOf('A spokesperson for the China Coast Guard (CCG) on Tuesday slammed the Philippines for the collision.').frames, 'Philippines');
    expect(f?.speaker).toBe('spokesperson for the China Coast Guard');
  });

  it('"Poland\'s prime minister, Mateusz Morawiecki, lashed out ...": the appositive name belongs to the speaker', () => {
    const f = onlyFrame('Poland\'s prime minister, Mateusz Morawiecki, lashed out at Germany for its reluctance to send tanks.');
    expect(f.speaker).toBe('Poland\'s prime minister, Mateusz Morawiecki');
    expect(f.reports).toEqual(['Germany']);
  });

  it('a parenthetical that is no name stays out of the speaker ("X, on the other hand, portrayed ...")', () => {
    const f = frameReporting(voicesOf('Beijing, on the other hand, portrayed Washington as the troublemaker.').frames, 'United States');
    expect(f?.speaker).toBe('Beijing');
  });

  it('"the diplomat said" refers back to the last named speaker, as "he said" does', () => {
    const [, second] = readVoices('Russian Foreign Ministry spokeswoman Maria Zakharova said the talks were over.', 'Japan is remilitarising, the diplomat said.');
    expect(second?.frames[0]?.speaker).toBe('Russian Foreign Ministry spokeswoman Maria Zakharova');
  });

  it('"the government said" is no person: it stays the government', () => {
    const [, second] = readVoices('Maria Zakharova said the talks were over.', 'Japan is remilitarising, the government said.');
    expect(second?.frames[0]?.speaker).toBe('government');
  });

  it.each([
    ['before what is said', 'KCNA quoted Kim as saying that Seoul was a puppet.'],
    ['at the end', 'Seoul is a puppet of Washington, KCNA quoted Kim as saying.'],
  ])('active "KCNA quoted Kim as saying" (%s): Kim speaks, KCNA only quotes', (_where, sentence) => {
    const f = frameReporting(voicesOf(sentence).frames, 'South Korea');
    expect(f?.speaker).toBe('Kim');
  });
});

describe('the object of an evaluative speech act takes the act\'s polarity (through the analyser)', () => {
  const voiceOn = (text: string, actor: string): string | undefined => analyser.analyse({ text }).voices.find((v) => v.actor === actor)?.label;

  it.each([
    ['praised', 'Kim praised Russia for engaging in a sacred battle against hegemonic forces and imperialist aggression.', 'Russia', 'positive'],
    ['thanked', 'Trump even thanked Iran for warning about the missile attack.', 'Iran', 'positive'],
    ['condemned', 'The ministry condemned the Israeli strikes, which it said brought peace closer.', 'Israel', 'negative'],
    ['lashed out at', 'Poland\'s prime minister lashed out at Germany, calling it a good and reliable partner.', 'Germany', 'negative'],
  ])('"%s X": the speaker\'s stance toward X is the act\'s, whatever words follow', (_verb, text, actor, label) => {
    expect(voiceOn(text, actor)).toBe(label);
  });

  it('an actor later in the for-clause is not the object: the voice head decides, not the act', () => {
    const text = 'Kim praised Russia for standing up to the United States.';
    expect(voiceOn(text, 'Russia')).toBe('positive');
    expect(voiceOn(text, 'United States')).not.toBe('positive');
  });
});

describe('more reporting forms', () => {
  it('"It was alleged that ...": an impersonal passive reports what follows, no one named', () => {
    const f = onlyFrame('It was alleged that China would confiscate the project if Uganda could not repay the loan.');
    expect(f.speaker).toBe('unnamed');
    expect(f.reports).toContain('China');
  });

  it('"criticised on Friday annual joint drills ...": the object follows the weekday', () => {
    const f = frameReporting(voicesOf('North Korea criticised on Friday annual joint drills planned by the United States and South Korea.').frames, 'South Korea');
    expect(f?.speaker).toBe('North Korea');
  });

  it.each([
    ['believe that', 'Leaders of many developing countries believe that the United States is prolonging the crisis.', 'Leaders of many developing countries', 'United States'],
    ['voiced opposition to', 'A Chinese mainland spokesman voiced strong opposition to military collusion between the United States and Taiwan.', 'Chinese mainland spokesman', 'United States'],
    ['picturing ... as', 'Some pundits keep picturing China as a bully.', 'Some pundits', 'China'],
  ])('"%s" reports', (_form, sentence, speaker, actor) => {
    const f = frameReporting(voicesOf(sentence).frames, actor);
    expect(f?.speaker).toBe(speaker);
  });
});

describe('a source speaking of its own side', () => {
  it('as the subject of what it says, it is a voice ("Hua said China has always been a force for peace")', () => {
    const voices = analyser.analyse({ text: 'Chinese Foreign Ministry spokesperson Hua Chunying said China has always been a force for peace.' }).voices;
    expect(voices.map((v) => [v.actor, v.speakerActor, v.label])).toEqual([['China', 'China', 'positive']]);
  });

  it('as the one threatened ("a threat to Russia"), it is no voice: Peskov speaks of NATO only', () => {
    const voices = analyser.analyse({ text: "Kremlin spokesman Dmitry Peskov said NATO's expansion was a direct threat to Russia." }).voices;
    expect(voices.map((v) => v.actor)).toEqual(['NATO']);
  });

  it('as a possessor after a preposition ("the peaceful nature of Iran\'s programme"), it is a voice: it owns what is evaluated', () => {
    const voice = analyser.stances({ text: "The Iranian president said the inspections have verified the peaceful nature of Iran's nuclear activities." }).find((s) => s.actor === 'Iran')?.voice;
    expect(voice?.speakerActor).toBe('Iran');
    expect(voice?.prediction.label).toBe('positive');
  });
});

describe('objects and audiences with punctuation or a preposition', () => {
  it('"X calls for ... against Y" (a headline): the object after its preposition is what X evaluates', () => {
    const f = onlyFrame("Erdogan calls for a unified Western response against Israel's actions in Gaza");
    expect(f.speaker).toBe('Erdogan');
    expect(f.reports).toContain('Israel');
  });

  it('"told RFE/RL\'s Georgian Service that ...": the named audience runs over the slash, what follows "that" is reported', () => {
    const f = onlyFrame("Demonstrators in Zugdidi told RFE/RL's Georgian Service that the ruling party was pushing the country toward Russia.");
    expect(f.speaker).toBe('Demonstrators in Zugdidi');
    expect(f.content.startsWith('that')).toBe(true);
    expect(f.reports).toContain('Russia');
  });
});

describe('a source speaking of its own side defends it', () => {
  it.each([
    ["Iran's foreign ministry said Iran will keep defending itself against the occupying regime's aggression.", 'Iran'],
    ['Beijing said China will never accept the so-called arbitration and its harsh terms.', 'China'],
  ])('"%s": a positive voice on %s', (text, actor) => {
    const voice = analyser.stances({ text }).find((s) => s.actor === actor)?.voice;
    expect(voice?.speakerActor).toBe(actor);
    expect(voice?.prediction.label).toBe('positive');
  });

  it('a source on another side keeps the learned voice ("Iran\'s foreign ministry said Israel ...")', () => {
    const voice = analyser.stances({ text: "Iran's foreign ministry said Israel will pay for the aggression of the occupying regime." }).find((s) => s.actor === 'Israel')?.voice;
    expect(voice?.prediction.label).toBe('negative');
  });
});

describe('"told" takes no quotative inversion: its object is the one told', () => {
  it('"\'...,\' Ali Bakir, a professor at ..., told The National." is Bakir\'s quotation', () => {
    const frame = onlyFrame('"The raid deepens distrust of Iran\'s aims," Ali Bakir, a lecturer at a university in Doha and a fellow of a think tank in Washington, told The National.');
    expect(frame.speaker).toBe('Ali Bakir');
    expect(frameReporting([frame], 'Iran')).toBeDefined();
  });

  it('a scare quote inside the sentence gives no speaker ("... borders on \'Kiev brainrot,\' media outlets ...")', () => {
    const { frames } = voicesOf('In Western countries, where the press borders on "Kiev brainrot," media outlets ignore reports from Ukraine, Maria Zakharova told reporters.');
    expect(frames.some((f) => f.speaker === 'media outlets')).toBe(false);
  });
});

describe('"labeled" is a speech act with an object, as "branded" is', () => {
  it.each([
    ['Baghaei labeled US behavior as the "greatest threat" to global security.', 'Baghaei', 'United States'],
    ['The ministry labelled Israel a destabilising force that fuels turmoil.', 'ministry', 'Israel'],
  ])('%s', (sentence, speaker, object) => {
    expect(frameReporting(voicesOf(sentence).frames, object)?.speaker).toBe(speaker);
  });
});

describe('verbs of judgement report the judge\'s view: "Moscow considers ...", "Beijing regards ... as"', () => {
  it.each([
    ['Moscow considers the conflict to be part of a wider US-led proxy war against Russia.', 'Moscow', 'United States'],
    ['Beijing regards Taiwanese President Lai Ching-te as beyond redemption.', 'Beijing', 'Taiwan'],
    ['Beijing views Washington\'s tacit acceptance of this change as an endorsement of separatism.', 'Beijing', 'United States'],
  ])('%s', (sentence, speaker, object) => {
    expect(frameReporting(voicesOf(sentence).frames, object)?.speaker).toBe(speaker);
  });
});
