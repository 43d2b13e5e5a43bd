// The fake's own copy of Discord's limits (independent of src/discord/limits.ts, so it can catch mistakes there).
// Discord counts characters; code points are used here.

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: { name?: string; value?: string }[];
  footer?: { text?: string };
  author?: { name?: string };
}
interface MessageLike {
  content?: string;
  embeds?: EmbedLike[];
  attachments?: unknown[];
  components?: unknown[];
  poll?: unknown;
}

const len = (s: string | undefined): number => (s === undefined ? 0 : [...s].length);

function over(problems: string[], what: string, value: string | undefined, max: number): void {
  if (len(value) > max) problems.push(`${what} is ${len(value)} characters (max ${max})`);
}

function checkEmbed(e: EmbedLike, i: number, problems: string[]): number {
  over(problems, `embeds[${i}].title`, e.title, 256);
  over(problems, `embeds[${i}].description`, e.description, 4096);
  over(problems, `embeds[${i}].footer.text`, e.footer?.text, 2048);
  over(problems, `embeds[${i}].author.name`, e.author?.name, 256);
  const fields = e.fields ?? [];
  if (fields.length > 25) problems.push(`embeds[${i}] has ${fields.length} fields (max 25)`);
  fields.forEach((f, j) => {
    over(problems, `embeds[${i}].fields[${j}].name`, f.name, 256);
    over(problems, `embeds[${i}].fields[${j}].value`, f.value, 1024);
  });
  const fieldChars = fields.reduce((acc, f) => acc + len(f.name) + len(f.value), 0);
  return len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name) + fieldChars;
}

/** Problems that would make Discord answer 400 Invalid Form Body; `create` also rejects empty messages. */
export function checkMessage(body: unknown, hasFiles: boolean, create: boolean): string[] {
  const msg = (body ?? {}) as MessageLike;
  const problems: string[] = [];
  over(problems, 'content', msg.content, 2000);
  const embeds = msg.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds (max 10)`);
  const total = embeds.reduce((acc, e, i) => acc + checkEmbed(e, i, problems), 0);
  if (total > 6000) problems.push(`embeds total ${total} characters (max 6000)`);
  const empty = len(msg.content) === 0 && embeds.length === 0 && !hasFiles && (msg.components ?? []).length === 0;
  if (create && empty && msg.poll === undefined) problems.push('Cannot send an empty message');
  return problems;
}

export function checkChoices(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ['choices is not an array'];
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`${choices.length} choices (max 25)`);
  choices.forEach((c: { name?: string; value?: unknown }, i) => {
    over(problems, `choices[${i}].name`, c.name, 100);
    if (typeof c.value === 'string') over(problems, `choices[${i}].value`, c.value, 100);
  });
  return problems;
}
