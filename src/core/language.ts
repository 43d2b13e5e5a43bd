// Language identification by script and stop words. Pure, cheap, good enough to route articles.

/** Code point ranges of scripts, checked in this order (kana before Han: Japanese text mixes both). */
const SCRIPTS: Array<[number, number, string]> = [
  [0x3040, 0x30ff, 'ja'],
  [0xac00, 0xd7af, 'ko'],
  [0x4e00, 0x9fff, 'zh'],
  [0x0400, 0x04ff, 'ru'],
  [0x0600, 0x06ff, 'ar'],
  [0x0590, 0x05ff, 'he'],
  [0x0370, 0x03ff, 'el'],
  [0x0900, 0x097f, 'hi'],
  [0x0e00, 0x0e7f, 'th'],
];

const LETTER = /\p{L}/u;

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const STOPWORD_LISTS = [
  'the of and to in is that for it was on with as by at from are be this have has not but an which their said will would its were they been',
  'le la les des et est une un du en que qui dans pour pas sur au avec ce il sont par plus ne se aux été été cette',
  'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es wird sind bei nach wie',
  'el la los las de y que en un una por con para es del se al su lo como más pero sus ha fue son',
  'il di che la le e un una per non sono del della è gli con da nel alla anche come più ma dei ha',
  'o a os as de que e do da em um uma para com não por mais dos das se ao foi como mas pelo são',
  'de het een en van is dat op te in niet zijn met voor er ook maar aan om door bij wordt naar',
];
/** Stop word -> indices (in LANGUAGES) of the languages it belongs to. */
const STOPWORDS = new Map<string, number[]>();
STOPWORD_LISTS.forEach((list, k) => {
  for (const w of new Set(list.split(' '))) STOPWORDS.set(w, [...(STOPWORDS.get(w) ?? []), k]);
});

function byScript(text: string): string | undefined {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 32) >= 97 && (c | 32) <= 122) letters++;
      continue;
    }
    if (!LETTER.test(text.charAt(i))) continue;
    letters++;
    const k = SCRIPTS.findIndex(([from, to]) => c >= from && c <= to);
    if (k >= 0) counts[k] = (counts[k] as number) + 1;
  }
  if (letters === 0) return undefined;
  const k = counts.findIndex((n) => n / letters > 0.3);
  if (k < 0) return undefined;
  const lang = (SCRIPTS[k] as [number, number, string])[2];
  return lang === 'ru' && /[іїєґ]/i.test(text) ? 'uk' : lang;
}

/** ASCII stop words by their letters packed base 27 (a = 1 ... z = 26), so a word is looked up without a string. */
const ASCII_STOPWORDS = new Map<number, number[]>();
for (const [w, langs] of STOPWORDS) if (/^[a-z]+$/.test(w)) ASCII_STOPWORDS.set(packed(w, 0, w.length), langs);
/** Longest ASCII stop word: longer words need no lookup. */
const MAX_STOPWORD = Math.max(...[...STOPWORDS.keys()].filter((w) => /^[a-z]+$/.test(w)).map((w) => w.length));

function packed(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) key = key * 27 + ((text.charCodeAt(i) | 32) - 96);
  return key;
}

/** Stop-word hits per language over the ASCII letter runs of `sample` (the same runs as /[a-z]+/g after lower-casing). */
function asciiWordHits(sample: string, hits: number[]): number {
  let words = 0;
  let start = -1;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) | 32 : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (i - start <= MAX_STOPWORD) for (const k of ASCII_STOPWORDS.get(packed(sample, start, i)) ?? []) hits[k] = (hits[k] as number) + 1;
    start = -1;
  }
  return words;
}

/** ISO 639-1 code of the text's language, or 'und' when there is too little to tell. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 1500);
  // eslint-disable-next-line no-control-regex
  const ascii = !/[^\x00-\x7f]/.test(sample);
  const script = ascii ? undefined : byScript(sample);
  if (script) return script;
  const hits = LANGUAGES.map(() => 0);
  let words: number;
  if (ascii) words = asciiWordHits(sample, hits);
  else {
    const list = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
    for (const w of list) for (const k of STOPWORDS.get(w) ?? []) hits[k] = (hits[k] as number) + 1;
    words = list.length;
  }
  const bestHits = Math.max(...hits);
  return bestHits >= 2 && bestHits >= words * 0.08 ? (LANGUAGES[hits.indexOf(bestHits)] as string) : 'und';
}
