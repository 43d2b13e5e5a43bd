// /actor name [period]: one actor's trend (chart image, sparkline fallback), extreme articles, outlets.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok } from '../../core/result.js';
import { stanceChartPng } from '../../report/png.js';
import type { CommandModule } from '../command.js';
import { safeText } from '../render/escape.js';
import { userError } from '../user-error.js';
import { actorReply } from '../views/summary.js';
import { actorSuggestions, periodOf, periodOption } from './summary.js';

export const actorCommand: CommandModule = {
  data: new SlashCommandBuilder().setName('actor').setDescription('One actor: stance trend, telling articles, outlets')
    .addStringOption((o) => o.setName('name').setDescription('The actor').setRequired(true).setAutocomplete(true).setMaxLength(64))
    .addStringOption(periodOption),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction, deps, guildId, log }) => {
    const o = interaction.options;
    const view = await deps.jobs.actorView(guildId, o.getString('name', true), periodOf(o.getString('period')));
    if (!view.ok) return err(userError(safeText(view.error)));
    const png = stanceChartPng(view.value.chart, { title: `Stance toward ${view.value.actor} per day` });
    if (!png.ok) log.warn({ reason: png.error }, 'chart not rendered, sparkline only');
    return ok({
      embeds: [actorReply(view.value, png.ok)],
      ...(png.ok ? { files: [{ name: 'stance.png', data: Buffer.from(png.value), description: `Stance toward ${view.value.actor} per day` }] } : {}),
    });
  },
  autocomplete: actorSuggestions,
};
