// /analyze text: ad-hoc analysis of pasted text, only for the one who asked.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok } from '../../core/result.js';
import type { CommandModule } from '../command.js';
import { userError } from '../user-error.js';
import { analysisEmbed } from '../views/analysis.js';
import { feedsErrorText } from '../views/feeds.js';

/** Longest text accepted; the same limit is enforced by the facade. */
export const ANALYZE_MAX_CHARS = 4000;

export const analyzeCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('analyze').setDescription('Score the tone and the stance toward actors of a text')
    .addStringOption((o) => o.setName('text').setDescription(`Up to ${ANALYZE_MAX_CHARS} characters`).setRequired(true).setMaxLength(ANALYZE_MAX_CHARS)),
  managesServer: false,
  defer: 'ephemeral',
  execute: async ({ interaction, deps, guildId }) => {
    const text = interaction.options.getString('text', true);
    const result = await deps.jobs.analyseText(guildId, text);
    if (!result.ok) return err(userError(feedsErrorText(result.error)));
    return ok({ embeds: [analysisEmbed('Analysis of your text', result.value)] });
  },
};
