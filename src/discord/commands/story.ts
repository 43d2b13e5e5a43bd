// /story story:<autocomplete>: one story side by side across the server's outlets, with the outlets × actors chart.
import { SlashCommandBuilder } from 'discord.js';
import { storyChartSvg } from '../../core/chart-story.js';
import { err, ok } from '../../core/result.js';
import { svgToPng } from '../../report/png.js';
import type { CommandModule } from '../command.js';
import { userError } from '../user-error.js';
import { STORY_CHART_FILE, storyReply } from '../views/stories.js';

export const storyCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('story').setDescription('One story side by side: each outlet’s stance, voices and framing')
    .addStringOption((o) => o.setName('story').setDescription('The story (type part of a headline)').setRequired(true).setAutocomplete(true).setMaxLength(200)),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction, deps, guildId, log }) => {
    const view = await deps.jobs.storyView(guildId, interaction.options.getString('story', true));
    if (!view.ok) return err(userError(view.error));
    const c = view.value;
    const png = c.mainActors.length > 0 ? svgToPng(storyChartSvg(c, { title: `Stance per outlet: ${c.title}` })) : null;
    if (png && !png.ok) log.warn({ reason: png.error }, 'story chart not rendered');
    const chart = png?.ok ? png.value : null;
    return ok({
      ...storyReply(c, chart !== null),
      ...(chart ? { files: [{ name: STORY_CHART_FILE, data: Buffer.from(chart), description: 'Author stance per outlet toward the story\'s main actors' }] } : {}),
    });
  },
  autocomplete: async ({ deps, guildId, focused }) =>
    (await deps.jobs.searchStories(guildId, focused.value)).map((s) => ({ name: s.title.replace(/\s+/g, ' ').trim() || 'Untitled', value: s.ref })),
};
