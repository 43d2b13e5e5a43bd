// A strict reader of the Prometheus text exposition format (0.0.4): HELP/TYPE comments, then samples
// `name{label="value",...} value`. Returns the families with their type and samples; throws on a malformed line.
export interface Family {
  type: string;
  samples: Array<{ name: string; labels: Record<string, string>; value: number }>;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/gy;
const SUFFIXES = ['_bucket', '_sum', '_count', '_total', ''];

function parseLabels(text: string | undefined, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!text) return labels;
  LABEL.lastIndex = 0;
  let consumed = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    labels[m[1] as string] = m[2] as string;
    consumed = LABEL.lastIndex;
  }
  if (consumed !== text.length) throw new Error(`bad labels: ${line}`);
  return labels;
}

function parseValue(raw: string, line: string): number {
  if (/^[+-]?Inf$/i.test(raw)) return raw.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(raw)) return NaN;
  const value = Number(raw);
  if (raw === '' || Number.isNaN(value)) throw new Error(`bad value: ${line}`);
  return value;
}

export function parsePrometheus(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
    if (comment) {
      const family = families.get(comment[2] as string) ?? { type: 'untyped', samples: [] };
      if (comment[1] === 'TYPE') family.type = comment[3] as string;
      families.set(comment[2] as string, family);
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`bad line: ${line}`);
    const name = m[1] as string;
    const base = SUFFIXES.map((s) => (s && name.endsWith(s) ? name.slice(0, -s.length) : name)).find((n) => families.has(n));
    if (base === undefined) throw new Error(`sample without HELP/TYPE: ${line}`);
    families.get(base)?.samples.push({ name, labels: parseLabels(m[2], line), value: parseValue(m[3] as string, line) });
  }
  return families;
}

/** The value of the sample `name` whose labels include `labels`, or undefined. */
export function sample(families: Map<string, Family>, family: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return families.get(family)?.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}
