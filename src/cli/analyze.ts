// `stancewatch analyze FILE|- [--json]`: sentiment and stance per actor with evidence for one article.
import { readFileSync } from 'node:fs';
import { isBlankText } from '../core/text.js';
import type { ArticleAnalysis } from '../core/types.js';
import { loadAnalyser } from '../resources.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';

const USAGE = 'usage: stancewatch analyze FILE|- [--json]';

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
  const parsed = parseArgs(args, [], ['json']);
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
  const analysis = loadAnalyser().analyse({ text });
  io.out(parsed.flags.has('json') ? JSON.stringify(toJson(analysis), null, 2) : formatAnalysis(analysis));
  return EXIT.ok;
};
