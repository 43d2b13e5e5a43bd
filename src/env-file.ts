// The `.env` file of the working folder, read for src/config.ts (its only user): one `KEY=VALUE` per line,
// `#` comments, optional `export `, values quoted or not. Values are parsed by dotenv; because dotenv skips
// what it cannot parse without a word, every line is checked first and a malformed one is reported with its
// number instead of being dropped. A value spans one line (a quote left open is reported).
import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { err, ok, type Result } from './core/result.js';

export interface EnvFileProblem {
  /** 1-based line number; 0 when the file as a whole cannot be read. */
  line: number;
  message: string;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=(.*)$/;

/** The variables of `file`; null when there is no such file; every malformed line when there are any. */
export function readEnvFile(file: string): Result<Record<string, string> | null, EnvFileProblem[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return err([{ line: 0, message: `cannot read: ${(error as Error).message}` }]);
  }
  const values: Record<string, string> = {};
  const problems: EnvFileProblem[] = [];
  for (const [i, line] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
    const parsed = parseLine(line);
    if (parsed === null) continue;
    if (typeof parsed === 'string') problems.push({ line: i + 1, message: parsed });
    else values[parsed.key] = parsed.value;
  }
  return problems.length > 0 ? err(problems) : ok(values);
}

/** null for a blank or comment line, the variable, or why the line is not `KEY=VALUE`. */
function parseLine(line: string): { key: string; value: string } | string | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const m = ASSIGNMENT.exec(line);
  if (!m) return `expected KEY=VALUE (a variable name, "=", then the value), got "${shorten(trimmed)}"`;
  const key = m[1] as string;
  const rest = (m[2] as string).trim();
  const problem = quoteProblem(rest);
  if (problem) return `${key}: ${problem}`;
  const value = dotenv.parse(`${key}=${m[2] as string}`)[key];
  if (value === undefined) return `${key}: the value cannot be read`;
  return { key, value };
}

/** What is wrong with a quoted value (its closing quote missing, or text after it), null when fine. */
function quoteProblem(rest: string): string | null {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  for (let i = 1; i < rest.length; i++) {
    if (rest[i] === '\\') i++;
    else if (rest[i] === quote) {
      return /^\s*(#.*)?$/.test(rest.slice(i + 1)) ? null : `text after the closing ${quote} quote (put it inside the quotes or after a #)`;
    }
  }
  return `the value opens a ${quote} quote that this line does not close (a value spans one line)`;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
