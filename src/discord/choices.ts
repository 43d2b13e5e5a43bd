// Autocomplete choices and option resolution for feed and actor options, always within one server.
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { hostOf } from '../core/feed-url.js';
import { err, ok, type Result } from '../core/result.js';
import type { Subscription } from '../store/index.js';
import type { BotDeps } from './deps.js';
import { LIMITS } from './limits.js';
import { safeText } from './render/escape.js';
import { userError, type UserError } from './user-error.js';

/** Names matching what was typed: prefix matches first, then substring matches, in the given order. */
export function matching<T>(items: readonly T[], typed: string, text: (item: T) => string): T[] {
  const q = typed.trim().toLowerCase();
  if (q === '') return items.slice(0, LIMITS.autocompleteChoices);
  const prefix = items.filter((i) => text(i).toLowerCase().startsWith(q));
  const inside = items.filter((i) => !text(i).toLowerCase().startsWith(q) && text(i).toLowerCase().includes(q));
  return [...prefix, ...inside].slice(0, LIMITS.autocompleteChoices);
}

/** The server's feeds as choices: "name · host", value = subscription id. */
export async function feedChoices(deps: BotDeps, guildId: string, typed: string): Promise<ApplicationCommandOptionChoiceData[]> {
  const subs = await deps.store.listSubscriptions(guildId);
  return matching(subs, typed, (s) => `${s.name} ${s.url}`).map((s) => ({ name: `${s.name} · ${hostOf(s.url)}`, value: String(s.id) }));
}

export function nameChoices(names: readonly string[], typed: string): ApplicationCommandOptionChoiceData[] {
  return matching(names, typed, (n) => n).map((n) => ({ name: n, value: n }));
}

/** The subscription named by a feed option: an id picked from autocomplete, or a name typed in full. */
export async function resolveFeed(deps: BotDeps, guildId: string, value: string): Promise<Result<Subscription, UserError>> {
  const typed = value.trim();
  if (/^\d{1,15}$/.test(typed)) {
    const byId = await deps.store.getSubscription(guildId, Number(typed));
    if (byId !== undefined) return ok(byId);
  }
  const byName = await deps.store.findSubscriptionsByName(guildId, typed);
  if (byName.length === 1 && byName[0] !== undefined) return ok(byName[0]);
  if (byName.length > 1) return err(userError(`Several feeds are named “${safeText(typed)}”; pick one from the list.`));
  return err(userError('This server follows no such feed. Pick one from the list, or see `/feeds list`.'));
}
