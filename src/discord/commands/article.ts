// /article url: the stored analysis of an article, or one made now through the address guard.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok } from '../../core/result.js';
import type { CommandModule } from '../command.js';
import { userError } from '../user-error.js';
import { articleEmbed } from '../views/analysis.js';
import { feedsErrorText } from '../views/feeds.js';

export const articleCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('article').setDescription('The tone and stance analysis of one article')
    .addStringOption((o) => o.setName('url').setDescription('The article address, https://…').setRequired(true).setMaxLength(2048)),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction, deps, guildId }) => {
    const result = await deps.jobs.articleByUrl(guildId, interaction.options.getString('url', true));
    return result.ok ? ok({ embeds: [articleEmbed(result.value)] }) : err(userError(feedsErrorText(result.error)));
  },
};
