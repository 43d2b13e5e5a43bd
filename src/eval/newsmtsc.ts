// NewsMTSC-style JSONL: parsing and turning targets into model examples. Pure.
import { z } from 'zod';
import { allFeatures, analyseTarget, prepareSentence, type Span, type TargetAnalysis } from '../core/features.js';
import type { Lexicon } from '../core/lexicon.js';
import { LABELS, massOf } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import { normaliseTypography } from '../core/text.js';
import type { Example } from './train.js';
import type { StanceLabel } from '../core/types.js';

const targetSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  mention: z.string().optional(),
  actor: z.string().optional(),
  polarity: z.number().optional(),
});
const lineSchema = z.object({ primary_gid: z.string(), sentence_normalized: z.string(), targets: z.array(targetSchema) });

export type StanceRecord = z.infer<typeof lineSchema>;

const POLARITY: Record<number, StanceLabel> = { 2: 'negative', 4: 'neutral', 6: 'positive' };
export const goldLabel = (polarity: number | undefined): StanceLabel | undefined =>
  polarity === undefined ? undefined : POLARITY[polarity];

/** Parses JSON Lines with `read` per record; reports the first bad line with its number. Blank lines are skipped. */
function parseJsonLines<T>(text: string, read: (json: unknown, line: number) => Result<T, string>): Result<T[], string> {
  const records: T[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return err(`line ${i + 1}: not JSON`);
    }
    const record = read(json, i + 1);
    if (!record.ok) return err(`line ${i + 1}: ${record.error}`);
    records.push(record.value);
  }
  return ok(records);
}

/** Parses NewsMTSC-style JSONL. */
export function parseStanceJsonl(text: string): Result<StanceRecord[], string> {
  return parseJsonLines(text, (json) => {
    const parsed = lineSchema.safeParse(json);
    return parsed.success ? ok(parsed.data) : err(parsed.error.issues[0]?.message ?? 'invalid record');
  });
}

/** Analyses every target of a record against the other targets of the same sentence (all features). */
export function analyseRecord(record: StanceRecord, lexicon: Lexicon): TargetAnalysis[] {
  const spans: Span[] = record.targets.map((t) => [t.from, t.to]);
  const sentence = prepareSentence(normaliseTypography(record.sentence_normalized), lexicon, spans);
  return spans.map((span, k) => {
    const analysis = analyseTarget(sentence, span, k, spans.flatMap((_, j) => (j === k ? [] : [j])));
    return { ...analysis, features: allFeatures(sentence, analysis) };
  });
}

/** Labelled examples of one record (targets without a polarity are skipped). */
export function recordExamples(record: StanceRecord, lexicon: Lexicon): Example[] {
  const analyses = analyseRecord(record, lexicon);
  return record.targets.flatMap((t, k): Example[] => {
    const gold = goldLabel(t.polarity);
    const features = analyses[k]?.features;
    const a = analyses[k]?.attribution;
    return gold && features && a ? [{ features, label: LABELS.indexOf(gold), lexicon: massOf(a) }] : [];
  });
}

const newsTscSchema = z.object({
  label: z.enum(['negative', 'neutral', 'positive']),
  local_context: z.string(),
  target_local_from: z.number().int().nonnegative(),
  target_local_to: z.number().int().nonnegative(),
});
const POLARITY_OF: Record<StanceLabel, number> = { negative: 2, neutral: 4, positive: 6 };

/** NewsTSC JSONL (one target per line: label, local_context, target_local_from/to) as NewsMTSC-style records. */
export function parseNewsTscJsonl(text: string): Result<StanceRecord[], string> {
  return parseJsonLines(text, (json, line) => {
    const r = newsTscSchema.safeParse(json);
    if (!r.success) return err(r.error.issues[0]?.message ?? 'invalid record');
    const target = { from: r.data.target_local_from, to: r.data.target_local_to, polarity: POLARITY_OF[r.data.label] };
    return ok({ primary_gid: `newstsc-${line}`, sentence_normalized: r.data.local_context, targets: [target] });
  });
}
