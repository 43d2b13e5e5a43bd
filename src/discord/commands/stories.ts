// /stories [period] [actor] [outlet]: the server's biggest stories across outlets, each with its widest split.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok } from '../../core/result.js';
import type { CommandModule } from '../command.js';
import { safeText } from '../render/escape.js';
import { userError } from '../user-error.js';
import { storiesReply } from '../views/stories.js';
import { actorOutletFilter, actorSuggestions, periodOf, periodOption } from './summary.js';

export const storiesCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('stories').setDescription('The biggest stories across this server’s outlets, with their widest split')
    .addStringOption(periodOption)
    .addStringOption((o) => o.setName('actor').setDescription('Only stories about this actor').setAutocomplete(true).setMaxLength(64))
    .addStringOption((o) => o.setName('outlet').setDescription('Only stories this outlet covered').setMaxLength(100)),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction, deps, guildId }) => {
    const o = interaction.options;
    const view = await deps.jobs.storiesView(guildId, periodOf(o.getString('period')), actorOutletFilter(o));
    if (!view.ok) return err(userError(safeText(view.error)));
    return ok(storiesReply(view.value));
  },
  autocomplete: actorSuggestions,
};
