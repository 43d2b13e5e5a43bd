// What can stand as a speaker before a reporting verb: a noun phrase, not the tail of a verb phrase ("aimed at
// exposing"), a possessor without its noun or a prepositional phrase; a name set beside the subject, with its
// article or after an abbreviation in parentheses, or a parenthesis between dashes; a sentence that opens "Role,
// Name, said ..." is in subject order, not a quotative inversion, and so is "X, ..., told AFP"; a title in quotation
// marks is no quotation; the body that passed a resolution speaks through it. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/text.js';
import { nounPhrase, wordsBetween } from '../../src/core/voice-speaker.js';
import { frameReporting, readVoices, speakerOn } from './voice-fixture.js';

const framesOf = (sentence: string) => readVoices(sentence)[0]?.frames ?? [];

describe('a speaker is a noun phrase', () => {
  it('the words before a gerund of saying that end with a preposition are no speaker: "aimed at exposing"', () => {
    expect(speakerOn('the West', 'The law is aimed at exposing the West and its agents.')).toBeUndefined();
  });

  it('the speaker named later in the sentence still reports it: "..., according to Scott Ritter"', () => {
    expect(speakerOn('the West', 'The law is aimed at exposing the West, according to former intelligence officer Scott Ritter.')).toBe('former intelligence officer Scott Ritter');
  });

  it('a temporal preposition ends the speaker: "The launch came days after Kim Jong Un called ..."', () => {
    expect(speakerOn('United States', 'The launch came days after DPRK leader Kim Jong Un called the United States a threat.')).toBe('DPRK leader Kim Jong Un');
    expect(speakerOn('Russia', 'Hours after Ukrainian leaders met, President Zelensky said Russia had lied.')).toBe('President Zelensky');
  });

  it('"who seek to portray": a relative clause\'s verb and its "to" name no one', () => {
    expect(speakerOn('China', 'It is a refrain among officials who seek to portray China as a scheming creditor.')).toBeUndefined();
  });

  it('a possessive determiner or a possessor without its noun ends no speaker', () => {
    expect(speakerOn('Iran', 'Trump, who has praised the strikes despite his stated preference for talks, said Iran would be foolish to refuse.')).not.toMatch(/his$/);
    // A claim noun's owner is a possessor, named without its "'s"; the verb before its article is none of it.
    expect(speakerOn('the West', "Zakharova repeated the ruling party's claim that Tbilisi faced an overthrow with Western backing.")).toBe('ruling party');
  });

  it('a possessor that speaks is named without its "\'s": "Beijing\'s claim that ..."', () => {
    expect(speakerOn('Philippines', "Beijing's claim that the Philippines provoked the clash was rejected by Manila.")).toBe('Beijing');
  });

  it('a long speaker phrase keeps a word written with points whole: "U.S. President ...", not "S. President ..."', () => {
    const sentence = 'U.S. President Donald Trump\'s envoy to Ukraine said Russia\'s concern over the eastward enlargement of NATO was "fair".';
    expect(speakerOn('Russia', sentence)).toBe("U.S. President Donald Trump's envoy to Ukraine");
  });

  it('"with X calling on ...": the subject of an absolute clause is the speaker, not the words before "with"', () => {
    const sentence = 'The call touched on trade, diplomacy and the Taiwan issue with Xi calling on the U.S. to remove its "negative measures".';
    expect(speakerOn('United States', sentence)).toBe('Xi');
    // "with" inside a speaker that is no absolute clause stays: "a spokesman with the ministry said".
    expect(speakerOn('China', 'A spokesman with the ministry said China had broken its word.')).toBe('spokesman with the ministry');
  });

  it('a lone adverb of frequency is no subject: "sometimes expressing hope for engagement"', () => {
    expect(speakerOn('China', 'Manila keeps changing its tune, sometimes expressing hope for talks with China.')).not.toBe('sometimes');
  });

  it('a prepositional phrase opens no speaker: "out an article published"', () => {
    const t = tokenize('on dec. 15 issued out an article published the embassy');
    expect(nounPhrase(t, [0, 2])).toBe(false);
    expect(nounPhrase(t, [5, 8])).toBe(false);
    expect(nounPhrase(t, [9, 10])).toBe(true);
  });

  it('the helper: ends and openers', () => {
    const t = tokenize("aimed at the party's seek to sometimes the Chinese embassy his");
    expect(nounPhrase(t, [0, 1])).toBe(false); // "aimed at"
    expect(nounPhrase(t, [2, 3])).toBe(false); // "the party's"
    expect(nounPhrase(t, [4, 5])).toBe(false); // "seek to"
    expect(nounPhrase(t, [6, 6])).toBe(false); // "sometimes"
    expect(nounPhrase(t, [7, 9])).toBe(true); // "the Chinese embassy"
    expect(nounPhrase(t, [8, 10])).toBe(false); // "... his"
  });
});

describe('a name set beside the subject', () => {
  it('with its article: "One of the most hostile British newspapers, the Daily Mail, announced ..."', () => {
    expect(speakerOn('Russia', 'One of the most hostile British newspapers, the Daily Mail, announced that the Russian economy has grown.')).toMatch(/Daily Mail$/);
  });

  it('an abbreviation in parentheses does not count toward the parenthesis: "Gan Yu, spokesperson for the China Coast Guard (CCG), said"', () => {
    expect(speakerOn('Philippines', 'The operations against the Philippine vessels were lawful, Gan Yu, spokesperson for the China Coast Guard (CCG), said in a statement on Friday.')).toBe('Gan Yu');
  });

  it('the helper counts the words between two tokens without a parenthesised abbreviation', () => {
    const t = tokenize('Gan Yu, spokesperson for the China Coast Guard (CCG), said');
    expect(wordsBetween(t, 2, 13)).toBe(8);
    expect(wordsBetween(t, 2, 9)).toBe(7);
  });
});

describe('"Role, Name, said X ..." is in subject order', () => {
  it('the name beside the opening role speaks; what follows "said" is what was said', () => {
    const frames = framesOf("A Chinese foreign ministry spokesperson, Zhao Lijian, said the US and UK's decision to export submarine technology was irresponsible.");
    expect(frameReporting(frames, 'United States')?.speaker).toMatch(/Zhao Lijian$/);
    expect(frameReporting(frames, 'United States')?.speakerActor).toBe('China');
  });

  it('a fronted quotation before "said" is still inverted: "NATO is a threat, said Russian Foreign Minister Sergey Lavrov"', () => {
    expect(speakerOn('NATO', 'NATO is a threat to everyone, said Russian Foreign Minister Sergey Lavrov.')).toBe('Russian Foreign Minister Sergey Lavrov');
  });

  it('a place set beside a place is no apposition of a speaker: "The talks failed in Kyiv, Ukraine, said the spokesman"', () => {
    expect(speakerOn('Ukraine', 'The talks failed in Kyiv, Ukraine, said the spokesman of the ministry.')).toBe('the spokesman of the ministry');
  });

  it('"the head of the Ukrainian delegation, Rustem Umerov, said Kyiv proposed ...": the role holds "head"', () => {
    expect(speakerOn('Turkey', 'The head of the Ukrainian delegation, Rustem Umerov, said Kyiv thanked Turkey for its help.')).toMatch(/Rustem Umerov$/);
  });
});

describe('a title in quotation marks is no quotation', () => {
  it('\'X, appearing on "Fox News Sunday," said Y was ...\': X speaks about Y; the title is no one\'s words', () => {
    const frames = framesOf('Treasury Secretary Steve Mnuchin, appearing on "Fox News Sunday," said Trump was determined to reach a deal with China.');
    expect(frameReporting(frames, 'China')?.speaker).toBe('Treasury Secretary Steve Mnuchin');
    expect(frameReporting(frames, 'Donald Trump')?.speaker).toBe('Treasury Secretary Steve Mnuchin');
  });

  it('a quotation of four words or more before the verb still inverts: \'"NATO is a threat," said Lavrov\'', () => {
    expect(speakerOn('NATO', '"NATO is a real threat to us," said Lavrov.')).toBe('Lavrov');
  });
});

describe('the body that passed a text speaks through it', () => {
  it('"the European Parliament passed a resolution calling for ...": the parliament, not "resolution"', () => {
    expect(speakerOn('Georgia', 'Earlier in the day, the European Parliament passed a resolution calling for new elections in Georgia.')).toBe('European Parliament');
  });
});

describe('a parenthesis between dashes, "told" and a participle\'s subject', () => {
  it('"Verhofstadt – who served as prime minister ... – claimed that ...": the name before the dashes speaks', () => {
    expect(speakerOn('European Union', "His admission is a blow for the EU, as Verhofstadt – who served as the Belgian prime minister from 1999 to 2008 and has been an MEP since 2009 – claimed that the effect of the EU's sanctions is nil.")).toBe('Verhofstadt');
  });

  it('a hyphen inside a word opens no parenthesis: "The US-led coalition said ..."', () => {
    expect(speakerOn('Iran', 'The US-led coalition said Iran was to blame for the attack.')).toBe('US-led coalition');
  });

  it('"X, the agency\'s chief, told AFP: ...": AFP is told, X speaks', () => {
    expect(speakerOn('Iran', "In addition, the agency's new chief, Rafael Grossi, told AFP on Tuesday: \"Iran must decide to cooperate in a clearer manner.\"")).toMatch(/Rafael Grossi$/);
  });

  it('"U.S. President Joe Biden had a call ..., strongly condemning the North": the subject is the whole name', () => {
    expect(speakerOn('North Korea', 'U.S. President Joe Biden had a phone call with the Japanese leader, strongly condemning North Korea for the launch.')).toBe('U.S. President Joe Biden');
  });
});

describe('speakers behind a fronted adverbial, a long description or a clause of time', () => {
  it('a fronted prepositional phrase is no part of the speaker: "In his victory speech Lai said ..."', () => {
    expect(speakerOn('China', 'In his victory speech Lai said he would defend the island from Chinese belligerence.')).toBe('Lai');
    expect(speakerOn('NATO', 'At the summit Chinese Foreign Minister Wang Yi said NATO was reckless.')).toBe('Chinese Foreign Minister Wang Yi');
    expect(speakerOn('NATO', 'In an interview Kremlin spokesman Dmitry Peskov said NATO was reckless.')).toBe('Kremlin spokesman Dmitry Peskov');
    // A phrase that ends with a preposition before the name keeps the old reading: no speaker is made up.
    expect(speakerOn('NATO', 'In a letter to Prime Minister Modi said NATO was reckless.')).toBeUndefined();
  });

  it('a name set off by commas keeps a long description: "..., Chen Xiangmiao, a research fellow at ..., told the Global Times"', () => {
    expect(speakerOn('Philippines', 'It is the Philippines that continues its provocations, Chen Xiangmiao, a research fellow at the National Institute for South China Sea Studies, told the Global Times on Friday.')).toBe('Chen Xiangmiao');
    expect(speakerOn('the West', 'The West is hypocritical, Liu Zhongmin, a professor at the Middle East Studies Institute of Shanghai International Studies University, said.')).toBe('Liu Zhongmin');
    // Without the name before it, a long parenthesis inside the sentence names no one.
    expect(speakerOn('Philippines', 'It is the Philippines that continues its provocations in the sea, a research fellow at the National Institute for South China Sea Studies, told the Global Times.')).toBeUndefined();
  });

  it('"said as he walked", "said when asked": a clause of time after the verb is not what was said', () => {
    expect(speakerOn('United States', 'A tariff by the United States would prohibit trade, Mr. Sefcovic said as he walked into a meeting.')).toBe('Mr. Sefcovic');
    expect(speakerOn('United States', 'The United States is a reliable partner, the minister said when asked about the talks.')).toBe('minister');
    // "as" before a noun phrase is predicative: what he sees as a campaign by the United States is what he says.
    expect(speakerOn('United States', 'Xi said he would resist what he sees as a campaign by the United States to hobble China.')).toBe('Xi');
  });
});

describe('the antecedent of a relative set off by a comma speaks: "..., the U.S., who warned that ..."', () => {
  it.each([
    ["Erdogan's move brought an outcry from its NATO ally, the U.S., who warned that Turkey's plan would pose a great danger.", 'Turkey', 'U.S.'],
    ["A response was made by the Foreign Minister, Mohammad Javad Zarif, who immediately denied Iran's charge of seeking a weapon.", 'Iran', 'Mohammad Javad Zarif'],
    ['We are reviewing a recent essay by Alexander Baunov, who argues that Russia has sacrificed too much.', 'Russia', 'Alexander Baunov'],
    ['All members voted in favour of the resolution, which described the situation as catastrophic and condemned Israel.', 'Israel', 'the resolution'],
    ['He met the head of the delegation, who said Russia was reckless.', 'Russia', 'the head of the delegation'],
  ])('%s', (sentence, actor, speaker) => {
    expect(speakerOn(actor, sentence)).toBe(speaker);
  });
});
