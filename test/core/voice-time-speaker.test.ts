// A time adverbial beside the speaker ("Joseph Wu last month said", "on Sunday Taipei's foreign ministry said") is
// no part of its name; "He went on to argue" is the subject's speech; "the Russian leader added" is the person the
// article named. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { tokenize } from '../../src/core/text.js';
import { beforeTimeAdverbial, timeAdverbialAt } from '../../src/core/voice-time.js';
import { loadAnalyserResources, projectRoot } from '../../src/resources.js';
import { frameReporting, readVoices, speakerOn } from './voice-fixture.js';


describe('time adverbials are no part of a speaker', () => {
  it('"last month" between the name and the verb', () => {
    expect(speakerOn('China', 'Foreign Minister Joseph Wu last month said that Beijing would keep inventing excuses for drills.')).toBe('Foreign Minister Joseph Wu');
  });

  it('"have for years warned": the adverbial and the auxiliary before it', () => {
    expect(speakerOn('Russia', 'Western governments have for years warned about Russian disinformation campaigns.')).toBe('Western governments');
  });

  it('"late on Thursday" and "earlier this week"', () => {
    expect(speakerOn('Israel', 'The Iranian foreign ministry late on Thursday condemned Israel for the raid.')).toBe('Iranian foreign ministry');
    expect(speakerOn('NATO', 'Kremlin spokesman Dmitry Peskov earlier this week said NATO was a tool of confrontation.')).toBe('Kremlin spokesman Dmitry Peskov');
  });

  it('a time adverbial that opens the speaker phrase: "and on Sunday Taipei\'s foreign ministry said"', () => {
    expect(speakerOn('China', 'Lai vowed to resist pressure, and on Sunday Taipei\'s foreign ministry said Beijing was a bully.')).toBe("Taipei's foreign ministry");
  });

  it('"on Dec. 15" and "in 2019" before the verb', () => {
    expect(speakerOn('Japan', 'The Chinese embassy on Dec. 15 criticised Japan over the visit.')).toBe('Chinese embassy');
    expect(speakerOn('Iran', 'Secretary of State Mike Pompeo in 2019 accused Iran of the attacks.')).toBe('Secretary of State Mike Pompeo');
  });

  it('the helper: lengths, and nothing where a name or a plain word stands', () => {
    const t = tokenize('on dec. 15 last month for the past two years earlier today china in may the president');
    expect(timeAdverbialAt(t, 0)).toBe(4);
    expect(timeAdverbialAt(t, 4)).toBe(2);
    expect(timeAdverbialAt(t, 6)).toBe(5);
    expect(timeAdverbialAt(t, 11)).toBe(2);
    expect(timeAdverbialAt(t, 13)).toBe(0);
    expect(timeAdverbialAt(t, 14)).toBe(2);
    expect(timeAdverbialAt(t, 16)).toBe(0);
    expect(beforeTimeAdverbial(t, 5)).toBe(3);
    expect(beforeTimeAdverbial(t, 13)).toBe(13);
  });
});

describe('the subject of "went on to" and "continued to" speaks', () => {
  it('"He went on to argue that ...": the last named speaker', () => {
    expect(speakerOn('United States',
      'Kremlin spokesman Dmitry Peskov said the talks were useful.',
      'He went on to argue that the US would keep trying to undermine Russian companies.')).toBe('Kremlin spokesman Dmitry Peskov');
  });

  it('"Moscow continued to accuse ..."', () => {
    expect(speakerOn('Ukraine', 'Moscow continued to accuse Ukraine of shelling the plant.')).toBe('Moscow');
  });
});

describe('a person named by role is the person', () => {
  const analyser = createAnalyser(loadAnalyserResources(projectRoot()));
  const voices = (text: string): Array<[string, string | undefined, string]> =>
    analyser.analyse({ text }).voices.map((v) => [v.speaker, v.speakerActor, v.actor]);

  it('"The Russian leader added ..." after Putin is named: Vladimir Putin speaks', () => {
    expect(voices('Vladimir Putin met Narendra Modi in Moscow. The Russian leader added that the West was waging a hybrid war on Russia.'))
      .toContainEqual(['Vladimir Putin', 'Vladimir Putin', 'the West']);
  });

  it('a role noun that is no mention stays a description: "the French president said"', () => {
    const found = voices('Vladimir Putin met Narendra Modi in Moscow. The French president said NATO was brain dead.');
    expect(found.some(([speaker]) => speaker === 'Vladimir Putin')).toBe(false);
  });
});

describe('a tell verb whose audience ends the sentence reports what is before the speaker', () => {
  it('"..., Foreign Minister Sergey Lavrov has told the daily Izvestia."', () => {
    expect(speakerOn('Ukraine', 'The regime in Kiev is criminal, Foreign Minister Sergey Lavrov has told the daily Izvestia.')).toBe('Foreign Minister Sergey Lavrov');
  });

  it('"..., Wang Wenbin told a news conference in Beijing on Monday."', () => {
    expect(speakerOn('Philippines', 'The Philippines is a reckless provocateur, Wang Wenbin told a news conference in Beijing on Monday.')).toBe('Wang Wenbin');
  });

  it('a clause after the audience is what was said: "Lavrov told reporters NATO was a relic."', () => {
    const frames = readVoices('Lavrov told reporters NATO was a relic of the Cold War.')[0]?.frames ?? [];
    expect(frameReporting(frames, 'NATO')?.speaker).toBe('Lavrov');
  });
});

describe('a time adverbial right after the verb, then what was said without "that"', () => {
  it('"said Tuesday its alliance ...", "said today the presence ...", "said on Monday the ships ..."', () => {
    expect(speakerOn('United States', 'The Philippines said Tuesday its alliance with the United States was a disgrace.')).toBe('Philippines');
    expect(speakerOn('China', 'Marcos said today the presence of Chinese warships was worrisome.')).toBe('Marcos');
    expect(speakerOn('China', 'Marcos said on Monday the Chinese ships were a menace.')).toBe('Marcos');
  });

  it('a time adverbial that ends the sentence still reports what is before: "..., Marcos said Tuesday."', () => {
    expect(speakerOn('United States', 'The United States is reckless, Marcos said Tuesday.')).toBe('Marcos');
  });
});

describe('long parentheses and abbreviations beside a speaker', () => {
  it('a long parenthesis after the subject that opens the sentence: "Trita Parsi, the executive vice president of ..., says"', () => {
    expect(speakerOn('Iran', 'Trita Parsi, the executive vice president of the Quincy Institute for Responsible Statecraft, says that Iran was a bully.')).toBe('Trita Parsi');
  });

  it('"Trump, in brief remarks ..., said the U.S. strikes ...": "the U.S." begins what was said, it is no inverted speaker', () => {
    expect(speakerOn('Iran', 'Trump, in brief remarks to the nation on Saturday evening from the White House, said the U.S. strikes obliterated Iran.')).toBe('Trump');
  });

  it('an inverted speaker written with an abbreviation keeps it whole: "said the U.S. State Department", "said the U.S."', () => {
    expect(speakerOn('NATO', 'NATO is a menace, said the U.S. State Department.')).toBe('the U.S. State Department');
    expect(speakerOn('Russia', 'Russia is reckless, said the U.S. on Monday.')).toBe('the U.S.');
  });

  it('a long parenthesis after a subject inside the sentence is no parenthesis (it may be a clause of its own)', () => {
    const text = 'In Western countries, media outlets are deliberately ignoring reputable reports about provocations from Ukraine, told that under no circumstances are they to give them any credence, Russian Foreign Ministry Spokeswoman Maria Zakharova said.';
    expect(speakerOn('Ukraine', text)).toBe('Russian Foreign Ministry Spokeswoman Maria Zakharova');
  });
});
