// PerSenT (Bastan et al., 2020) CSV: document-level author sentiment toward the main person of an article. Pure.
import { err, ok, type Result } from '../core/result.js';
import type { ActorDef, StanceLabel } from '../core/types.js';

export interface PersentDocument {
  title: string;
  text: string;
  /** The main person, e.g. "Benjamin Koellmann". */
  target: string;
  gold: StanceLabel;
}

/** RFC 4180 rows: quoted fields may hold commas, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c !== '"') field += c;
      else if (text.charAt(i + 1) === '"') field += text.charAt(++i);
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') [row, field] = [[...row, field], ''];
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      rows.push([...row, field]);
      [row, field] = [[], ''];
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const GOLD: Record<string, StanceLabel> = { Negative: 'negative', Neutral: 'neutral', Positive: 'positive' };
const COLUMNS = ['TITLE', 'TARGET_ENTITY', 'DOCUMENT', 'TRUE_SENTIMENT'] as const;

export function parsePersent(text: string): Result<PersentDocument[], string> {
  const [header, ...rows] = parseCsv(text);
  const at = COLUMNS.map((name) => header?.indexOf(name) ?? -1);
  if (at.some((k) => k < 0)) return err(`missing column(s): ${COLUMNS.filter((_, k) => (at[k] as number) < 0).join(', ')}`);
  const [title, target, document, sentiment] = at as [number, number, number, number];
  const docs: PersentDocument[] = [];
  for (const [n, row] of rows.entries()) {
    if (row.length === 1 && row[0] === '') continue;
    const gold = GOLD[row[sentiment] ?? ''];
    if (!gold) return err(`row ${n + 2}: TRUE_SENTIMENT is not Negative, Neutral or Positive`);
    docs.push({ title: row[title] ?? '', text: row[document] ?? '', target: row[target] ?? '', gold });
  }
  return ok(docs);
}

/**
 * The document's main person as an ad-hoc actor: the full name, and the surname when the name has several
 * words (news refer back to a person by surname: "Benjamin Koellmann ... Koellmann said").
 */
export function personActor(name: string, withSurname: boolean): ActorDef {
  const words = name.trim().split(/\s+/);
  const surname = words[words.length - 1] ?? name;
  const aliases = withSurname && words.length > 1 && /^\p{Lu}/u.test(surname) ? [name.trim(), surname] : [name.trim()];
  return { name: name.trim(), kind: 'person', aliases };
}
