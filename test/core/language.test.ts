// Language identification (franc-min, with an English fast path) and the routing of sentences to the analyser.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { detectLanguage, routeLanguage } from '../../src/core/language.js';
import { splitSentences } from '../../src/core/text.js';
import { loadAnalyserResources } from '../../src/resources.js';

/** Short news paragraphs written for these tests: the same story in each language, and one about NATO. */
const SAMPLES: Record<string, string> = {
  pl: 'Rząd w Warszawie zapowiedział w środę nowe przepisy dotyczące ochrony granicy. Minister obrony powiedział, że sytuacja na wschodzie kraju pozostaje napięta. Opozycja twierdzi, że NATO działa zbyt wolno i agresywnie.',
  sv: 'Regeringen presenterade på onsdagen ett nytt förslag om försvarsutgifter. Statsministern sade att läget i Östersjön har blivit allvarligare under det senaste året. Oppositionen menar att NATO är hänsynslöst och aggressivt.',
  tr: 'Hükümet çarşamba günü sınır güvenliğine ilişkin yeni bir düzenleme açıkladı. Dışişleri bakanı, bölgedeki gerginliğin son aylarda arttığını söyledi. Muhalefet partileri NATO politikasının pervasız ve saldırgan olduğunu ileri sürdü.',
  id: 'Pemerintah mengumumkan kebijakan baru tentang keamanan perbatasan pada hari Rabu. Menteri luar negeri mengatakan bahwa ketegangan di kawasan itu meningkat dalam beberapa bulan terakhir. Partai oposisi menilai NATO bersikap sembrono dan agresif.',
  ms: 'Kerajaan mengumumkan dasar baharu mengenai keselamatan sempadan pada hari Rabu. Menteri luar berkata bahawa ketegangan di rantau itu semakin meningkat sejak beberapa bulan lalu. Parti pembangkang mendakwa keputusan itu dibuat tanpa berunding dengan parlimen.',
  en: 'The government announced new rules on border security on Wednesday. The foreign minister said tensions in the region had risen in recent months. Opposition parties said NATO was reckless and aggressive.',
};

const analyser = createAnalyser(loadAnalyserResources());

describe('detectLanguage', () => {
  it.each(Object.entries(SAMPLES))('reports the %s sample as its language', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('tells the scripts apart', () => {
    expect(detectLanguage('أعلنت الحكومة يوم الأربعاء عن قواعد جديدة بشأن أمن الحدود.')).toBe('ar');
    expect(detectLanguage('Правительство в среду объявило о новых правилах охраны границы.')).toBe('ru');
  });

  it('takes a sentence without the commonest English function words as English when franc ranks English near the top', () => {
    // franc-min ranks Spanish first, Portuguese second, English third: "it", "is" and "who" decide.
    expect(detectLanguage('It is a popular refrain among US officials who seek to portray China as a scheming creditor.')).toBe('en');
    expect(detectLanguage('Es un estribillo popular entre los funcionarios que buscan retratar a China como un acreedor.')).toBe('es');
  });

  it('is undetermined for text without letters', () => {
    expect(detectLanguage('2024 - 17:30 ... 42%')).toBe('und');
  });
});

describe('the analyser and languages', () => {
  it.each(['pl', 'sv', 'tr', 'id'])('does not analyse the %s sample as English', (code) => {
    const analysis = analyser.analyse({ text: SAMPLES[code] as string });
    expect(analysis.language).toBe(code);
    expect(analysis.analysed).toBe(false);
    expect(analysis.actors).toEqual([]);
  });

  it('keeps the English stance of an English text with one Arabic sentence, and skips that sentence', () => {
    const arabic = 'وقال المتحدث إن الحلف يتحمل المسؤولية الكاملة عن التصعيد.';
    const text = `NATO is reckless and aggressive. ${arabic} Critics say NATO provoked the crisis.`;
    const analysis = analyser.analyse({ text });
    expect(analysis.language).toBe('en');
    expect(analysis.analysed).toBe(true);
    const nato = analysis.actors.find((a) => a.actor === 'NATO');
    expect(nato?.label).toBe('negative');
    expect(nato?.evidence.map((e) => e.sentence).join(' ')).not.toContain(arabic);
  });

  it('does not analyse a long text that no language fits as English', () => {
    const text = 'Xq zvbn kwpt rrg hlmnq xzv bbt. Qwp zzk trv hnn pkt lllm vvx. Krt zqq mmn bvb ptt xxr wrq. NATO zzk qqv.';
    expect(analyser.analyse({ text }).analysed).toBe(false);
  });

  it('tries a short undetermined headline as English when it looks English', () => {
    const route = routeLanguage('Rubio: Immigration reports premature', ['Rubio: Immigration reports premature']);
    expect(route.english).toHaveLength(1);
  });

  it('routes Latin sentences of a mostly Arabic text only when they are English', () => {
    const arabic = 'أعلنت الحكومة يوم الأربعاء عن قواعد جديدة بشأن أمن الحدود. وقال المتحدث إن الحلف يتحمل المسؤولية الكاملة عن التصعيد في المنطقة.';
    const text = `${arabic}\nThe minister said NATO was reckless.`;
    const route = routeLanguage(text, splitSentences(text));
    expect(route.language).toBe('ar');
    expect(route.english).toEqual(['The minister said NATO was reckless.']);
  });
});
