// Language identification by script and stop words. Pure, cheap, good enough to route articles.

const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0400-\u04ff]/g, 'ru'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0900-\u097f]/g, 'hi'],
  [/[\u0e00-\u0e7f]/g, 'th'],
];

const STOPWORDS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({
    en: 'the of and to in is that for it was on with as by at from are be this have has not but an which their said will would its were they been',
    fr: 'le la les des et est une un du en que qui dans pour pas sur au avec ce il sont par plus ne se aux été été cette',
    de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es wird sind bei nach wie',
    es: 'el la los las de y que en un una por con para es del se al su lo como más pero sus ha fue son',
    it: 'il di che la le e un una per non sono del della è gli con da nel alla anche come più ma dei ha',
    pt: 'o a os as de que e do da em um uma para com não por mais dos das se ao foi como mas pelo são',
    nl: 'de het een en van is dat op te in niet zijn met voor er ook maar aan om door bij wordt naar',
  }).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);

function byScript(text: string): string | undefined {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters === 0) return undefined;
  for (const [pattern, lang] of SCRIPTS) {
    if ((text.match(pattern) ?? []).length / letters > 0.3) return lang === 'ru' && /[іїєґ]/i.test(text) ? 'uk' : lang;
  }
  return undefined;
}

/** ISO 639-1 code of the text's language, or 'und' when there is too little to tell. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 4000);
  const script = byScript(sample);
  if (script) return script;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestHits = 0;
  for (const [lang, stop] of Object.entries(STOPWORDS)) {
    const hits = words.reduce((n, w) => n + (stop.has(w) ? 1 : 0), 0);
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  return bestHits >= 2 && bestHits >= words.length * 0.08 ? best : 'und';
}
