// /actors list|add|remove|watch|unwatch: the actors this server tracks and which ones its summaries cover.
import { SlashCommandBuilder } from 'discord.js';
import type { ApplicationCommandOptionChoiceData, SlashCommandStringOption } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ActorKind } from '../../core/types.js';
import { nameChoices } from '../choices.js';
import type { AutocompleteContext, CommandContext, CommandModule, CommandReply } from '../command.js';
import { userError, type UserError } from '../user-error.js';
import { COLOURS, linesToEmbeds, quote } from '../views/format.js';
import { feedsErrorText } from '../views/feeds.js';

const KINDS: ActorKind[] = ['country', 'organization', 'bloc', 'person', 'region', 'other'];
const nameOption = (autocomplete: boolean) => (o: SlashCommandStringOption) =>
  o.setName('name').setDescription('The actor').setRequired(true).setMaxLength(64).setAutocomplete(autocomplete);

const data = new SlashCommandBuilder()
  .setName('actors').setDescription('The actors (countries, organisations, people) this server tracks')
  .addSubcommand((s) => s.setName('list').setDescription('Built-in and server actors, and which are watched'))
  .addSubcommand((s) => s.setName('add').setDescription('Define an actor for this server')
    .addStringOption(nameOption(false))
    .addStringOption((o) => o.setName('aliases').setDescription('Other names, separated by commas').setRequired(true).setMaxLength(1000))
    .addStringOption((o) => o.setName('kind').setDescription('What it is').addChoices(...KINDS.map((k) => ({ name: k, value: k })))))
  .addSubcommand((s) => s.setName('remove').setDescription('Remove an actor this server defined').addStringOption(nameOption(true)))
  .addSubcommand((s) => s.setName('watch').setDescription('Cover an actor in this server’s summaries and digests').addStringOption(nameOption(true)))
  .addSubcommand((s) => s.setName('unwatch').setDescription('Stop covering an actor').addStringOption(nameOption(true)));

type Reply = Promise<Result<CommandReply, UserError>>;

async function list({ deps, guildId }: CommandContext): Reply {
  const c = await deps.jobs.actorCatalog(guildId);
  const watched = new Set(c.watched);
  const mark = (name: string): string => (watched.has(name) ? `👁️ **${quote(name, 64)}**` : quote(name, 64));
  const lines = [
    c.watched.length === 0 ? 'No actor is watched yet: `/actors watch` chooses what summaries and digests cover.' : `Watched: ${c.watched.map((w) => quote(w, 64)).join(', ')}`,
    '', '**Built in**', c.builtIn.map(mark).join(', '),
    '', '**Defined by this server**',
    ...(c.custom.length === 0 ? ['None yet (`/actors add`).'] : c.custom.map((a) => `${mark(a.name)} (${a.kind}): ${quote(a.aliases.join(', '), 300)}`)),
  ];
  return ok({ embeds: linesToEmbeds('Actors', lines, COLOURS.info) });
}

async function add({ interaction, deps, guildId }: CommandContext): Reply {
  const o = interaction.options;
  const added = await deps.jobs.addActor({
    guildId, userId: interaction.user.id, name: o.getString('name', true),
    aliases: o.getString('aliases', true).split(','), kind: (o.getString('kind') ?? 'other') as ActorKind,
  });
  if (!added.ok) return err(userError(feedsErrorText(added.error)));
  const a = added.value;
  return ok({ content: `Added **${quote(a.name, 64)}** (${a.kind}) with aliases ${quote(a.aliases.join(', '), 500)}. It is used for articles analysed from now on; \`/actors watch\` puts it in summaries.` });
}

async function named({ interaction, deps, guildId }: CommandContext, action: 'remove' | 'watch' | 'unwatch'): Reply {
  const name = interaction.options.getString('name', true);
  if (action === 'watch') {
    const w = await deps.jobs.watchActor(guildId, name);
    if (!w.ok) return err(userError(feedsErrorText(w.error)));
    return ok({ content: w.value.added ? `Now watching **${quote(w.value.actor, 64)}**.` : `**${quote(w.value.actor, 64)}** was already watched.` });
  }
  const done = action === 'remove' ? await deps.jobs.removeActor(guildId, name) : await deps.jobs.unwatchActor(guildId, name);
  if (!done.ok) return err(userError(feedsErrorText(done.error)));
  return ok({ content: `${action === 'remove' ? 'Removed' : 'No longer watching'} **${quote(done.value, 64)}**.` });
}

async function suggest({ interaction, deps, guildId, focused }: AutocompleteContext): Promise<ApplicationCommandOptionChoiceData[]> {
  const c = await deps.jobs.actorCatalog(guildId);
  const custom = c.custom.map((a) => a.name);
  const sub = interaction.options.getSubcommand(false);
  const names = sub === 'remove' ? custom : sub === 'unwatch' ? c.watched : [...c.builtIn, ...custom].filter((n) => !c.watched.includes(n));
  return nameChoices(names, focused.value);
}

export const actorsCommand: CommandModule = {
  data,
  managesServer: ['add', 'remove', 'watch', 'unwatch'],
  adminByDefault: true,
  defer: 'ephemeral',
  execute: (ctx) => {
    const sub = ctx.interaction.options.getSubcommand(true);
    if (sub === 'add') return add(ctx);
    if (sub === 'remove' || sub === 'watch' || sub === 'unwatch') return named(ctx, sub);
    return list(ctx);
  },
  autocomplete: suggest,
};
