import type { OptionSchema } from './state.js';

interface CommandLike {
  name?: unknown;
  description?: unknown;
  type?: number;
  options?: (OptionSchema & { description?: unknown; choices?: unknown[] })[];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function checkOptions(where: string, options: CommandLike['options'], problems: string[]): void {
  const list = options ?? [];
  if (list.length > 25) problems.push(`${where}: ${list.length} options (max 25)`);
  let optionalSeen = false;
  for (const o of list) {
    checkNamed(`${where}.${String(o.name)}`, o, problems);
    if (o.required === true && optionalSeen) problems.push(`${where}.${o.name}: required option after an optional one`);
    if (o.required !== true && o.type > 2) optionalSeen = true;
    if ((o.choices ?? []).length > 25) problems.push(`${where}.${o.name}: more than 25 choices`);
    if (o.autocomplete === true && o.choices !== undefined) problems.push(`${where}.${o.name}: autocomplete with choices`);
    if (o.type <= 2) checkOptions(`${where}.${o.name}`, o.options, problems);
  }
}

function checkNamed(where: string, c: { name?: unknown; description?: unknown }, problems: string[]): void {
  if (typeof c.name !== 'string' || !NAME.test(c.name) || c.name !== c.name.toLowerCase()) {
    problems.push(`${where}: invalid name ${JSON.stringify(c.name)}`);
  }
  if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 100) {
    problems.push(`${where}: description must be 1-100 characters`);
  }
}

/** The checks Discord applies to a bulk-overwrite of slash commands (the subset that bites in practice). */
export function checkCommands(body: unknown): string[] {
  if (!Array.isArray(body)) return ['body is not an array'];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const c of body as CommandLike[]) {
    const where = `/${String(c.name)}`;
    if ((c.type ?? 1) === 1) {
      checkNamed(where, c, problems);
      checkOptions(where, c.options, problems);
    }
    if (names.has(String(c.name))) problems.push(`${where}: duplicate name`);
    names.add(String(c.name));
  }
  if (body.length > 100) problems.push(`${body.length} commands (max 100)`);
  return problems;
}
