// /summary [period] [actor] [outlet]: what the server's feeds say about the watched actors.
import { SlashCommandBuilder } from 'discord.js';
import type { SlashCommandStringOption } from 'discord.js';
import { err, ok } from '../../core/result.js';
import type { SummaryPeriod } from '../../jobs/api.js';
import { nameChoices } from '../choices.js';
import type { AutocompleteContext, CommandModule } from '../command.js';
import { safeText } from '../render/escape.js';
import { userError } from '../user-error.js';
import { summaryReply } from '../views/summary.js';

const PERIODS: SummaryPeriod[] = ['24h', '7d', '30d'];

export const periodOption = (o: SlashCommandStringOption): SlashCommandStringOption =>
  o.setName('period').setDescription('How far back (default 7 days)').addChoices(...PERIODS.map((p) => ({ name: p, value: p })));

export function periodOf(value: string | null): SummaryPeriod {
  return PERIODS.find((p) => p === value) ?? '7d';
}

/** The `actor` and `outlet` filter options as given (/summary, /stories). */
export function actorOutletFilter(o: { getString(name: string): string | null }): { actor?: string; outlet?: string } {
  const actor = o.getString('actor');
  const outlet = o.getString('outlet');
  return { ...(actor === null ? {} : { actor }), ...(outlet === null ? {} : { outlet }) };
}

/** Built-in and server actors matching what was typed (any actor, watched or not). */
export async function actorSuggestions({ deps, guildId, focused }: AutocompleteContext) {
  const c = await deps.jobs.actorCatalog(guildId);
  return nameChoices([...c.watched, ...[...c.builtIn, ...c.custom.map((a) => a.name)].filter((n) => !c.watched.includes(n))], focused.value);
}

export const summaryCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('summary').setDescription('Stance toward the watched actors in this server’s feeds')
    .addStringOption(periodOption)
    .addStringOption((o) => o.setName('actor').setDescription('Only this actor').setAutocomplete(true).setMaxLength(64))
    .addStringOption((o) => o.setName('outlet').setDescription('Only this outlet').setMaxLength(100)),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction, deps, guildId }) => {
    const o = interaction.options;
    const view = await deps.jobs.summary(guildId, periodOf(o.getString('period')), actorOutletFilter(o));
    if (!view.ok) return err(userError(safeText(view.error)));
    const subs = await deps.store.listSubscriptions(guildId);
    const watched = (await deps.store.listWatchedActors(guildId)).length;
    const count = (has: (s: (typeof subs)[number]) => boolean): number => subs.filter(has).length;
    return ok(summaryReply(view.value, {
      feeds: subs.length, tried: count((s) => s.lastFetchAt !== null), fetched: count((s) => s.lastSuccessAt !== null), watched,
    }));
  },
  autocomplete: actorSuggestions,
};
