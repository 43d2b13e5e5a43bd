// `stancewatch analyze FILE|- [--json] [--sentences]`: sentiment and stance per actor with evidence for one article;
// `--sentences` adds each sentence's author stance toward each actor it names, read alone and in its article.
import { readFileSync } from 'node:fs';
import { isBlankText } from '../core/text.js';
import type { SentenceStance } from '../core/stance.js';
import type { ArticleAnalysis } from '../core/types.js';
import { loadAnalyser } from '../resources.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';

const USAGE = 'usage: stancewatch analyze FILE|- [--json] [--sentences]';

async function readSource(file: string, io: CliIo): Promise<string | undefined> {
  if (file === '-') return io.readStdin();
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`cannot read ${file}: ${(error as Error).message}`);
    return undefined;
  }
}

/** The JSON shape of the issue: sentiment, then actors with evidence {sentence, terms}. */
export function toJson(a: ArticleAnalysis): object {
  return {
    language: a.language,
    analysed: a.analysed,
    sentiment: a.sentiment,
    actors: a.actors.map((s) => ({
      actor: s.actor,
      label: s.label,
      score: s.score,
      confidence: s.confidence,
      mentions: s.mentions,
      evidence: s.evidence.map((e) => ({ sentence: e.sentence, terms: e.terms, score: Math.round(e.score * 1000) / 1000 })),
    })),
    voices: a.voices.map((v) => ({
      speaker: v.speaker,
      speakerActor: v.speakerActor ?? null,
      actor: v.actor,
      label: v.label,
      score: v.score,
      evidence: v.evidence,
    })),
    framing: a.framing,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Sentence by sentence, the author stance toward each actor named: in its article (what the sentence-level figures
 * score), alone (what the sentence's own words say; the article label and its evidence are taken from these), and
 * the source it reports, if any.
 */
export function sentencesJson(stances: SentenceStance[]): object[] {
  return stances.map((s) => ({
    sentence: s.sentence,
    actor: s.actor,
    author: s.author.label,
    score: round(s.author.score),
    alone: s.authorAlone.label,
    aloneScore: round(s.authorAlone.score),
    voice: s.voice ? { speaker: s.voice.speaker, speakerActor: s.voice.speakerActor ?? null, label: s.voice.prediction.label } : null,
  }));
}

const sign = (label: string): string => (label === 'negative' ? '-' : label === 'positive' ? '+' : '0');

export function formatSentences(stances: SentenceStance[]): string {
  const lines = ['', 'sentence by sentence (author stance in the article; alone where it differs):'];
  let last = '';
  for (const s of stances) {
    if (s.sentence !== last) lines.push(`  ${s.sentence}`);
    last = s.sentence;
    const alone = s.authorAlone.label !== s.author.label ? ` (alone ${sign(s.authorAlone.label)}, in its article ${sign(s.author.label)})` : '';
    const voice = s.voice ? `; voice: ${s.voice.speaker} ${sign(s.voice.prediction.label)}` : '';
    lines.push(`    ${s.actor} ${sign(s.author.label)}${alone}${voice}`);
  }
  return lines.join('\n');
}

export function formatAnalysis(a: ArticleAnalysis): string {
  if (!a.analysed) return `language ${a.language}: not analysed`;
  const s = a.sentiment;
  const lines = [
    `language ${a.language}; ${s.wordCount} words; tone ${s.tone.toFixed(2)} (positive ${s.positivePct.toFixed(1)}%, negative ${s.negativePct.toFixed(1)}%); AFINN comparative ${s.comparative.toFixed(3)}`,
  ];
  for (const actor of a.actors) {
    lines.push('', `${actor.actor}: ${actor.label} (score ${actor.score.toFixed(2)}, confidence ${actor.confidence.toFixed(2)}, ${actor.mentions} mentions)`);
    for (const e of actor.evidence) lines.push(`  [${e.score >= 0 ? '+' : ''}${e.score.toFixed(2)}] ${e.sentence}${e.terms.length ? `\n         terms: ${e.terms.join(', ')}` : ''}`);
  }
  if (a.voices.length) lines.push('', 'reported voices (not the author\'s stance):');
  for (const v of a.voices) {
    const who = v.speakerActor ? `${v.speaker} (${v.speakerActor})` : v.speaker;
    lines.push(`  ${who} on ${v.actor}: ${v.label} (score ${v.score.toFixed(2)})`);
    for (const e of v.evidence) lines.push(`    ${e.sentence}`);
  }
  const framing = Object.entries(a.framing).sort((x, y) => y[1] - x[1]);
  if (framing.length) lines.push('', `framing terms: ${framing.map(([t, n]) => `${t} (${n})`).join(', ')}`);
  return lines.join('\n');
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, [], ['json', 'sentences']);
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const text = await readSource(parsed.positionals[0] as string, io);
  if (text === undefined) return EXIT.inputError;
  if (isBlankText(text)) {
    io.err('There is no text to analyse.');
    return EXIT.inputError;
  }
  const { analysis, stances: all } = loadAnalyser().analyseWithStances({ text });
  const stances = parsed.flags.has('sentences') && analysis.analysed ? all : undefined;
  if (parsed.flags.has('json')) io.out(JSON.stringify({ ...toJson(analysis), ...(stances ? { sentences: sentencesJson(stances) } : {}) }, null, 2));
  else io.out(formatAnalysis(analysis) + (stances ? formatSentences(stances) : ''));
  return EXIT.ok;
};
