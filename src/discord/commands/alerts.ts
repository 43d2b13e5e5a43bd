// /alerts add stance|volume|article, /alerts list, /alerts remove: per-server alert rules. Each alert posts once
// per event, at most a few per channel per hour, and says why it fired.
import { ChannelType, SlashCommandBuilder } from 'discord.js';
import type { SlashCommandSubcommandBuilder } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import type { AlertRuleInput, AlertRuleView } from '../../jobs/api.js';
import type { AutocompleteContext, CommandContext, CommandModule, CommandReply } from '../command.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../render/escape.js';
import { discordTime } from '../render/digest.js';
import { truncate } from '../render/truncate.js';
import { userError, type UserError } from '../user-error.js';
import { postableChannel } from './digest.js';

type Reply = Promise<Result<CommandReply, UserError>>;

function common(s: SlashCommandSubcommandBuilder, description: string): SlashCommandSubcommandBuilder {
  return s.setDescription(description)
    .addStringOption((o) => o.setName('actor').setDescription('The actor, e.g. Russia or NATO').setRequired(true).setMaxLength(100));
}

function channelOption(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return s.addChannelOption((o) => o.setName('channel').setDescription('Where alerts are posted (default: this channel)').addChannelTypes(ChannelType.GuildText));
}

const data = new SlashCommandBuilder()
  .setName('alerts').setDescription('Alerts when the stance toward an actor shifts')
  .addSubcommandGroup((g) => g.setName('add').setDescription('Add an alert rule')
    .addSubcommand((s) => channelOption(common(s.setName('stance'), 'Mean stance over a window crosses a threshold')
      .addStringOption((o) => o.setName('direction').setDescription('Fire when it rises above or falls below').setRequired(true)
        .addChoices({ name: 'falls below', value: 'below' }, { name: 'rises above', value: 'above' }))
      .addNumberOption((o) => o.setName('threshold').setDescription('Stance between -1 and +1, e.g. -0.3').setRequired(true).setMinValue(-1).setMaxValue(1))
      .addStringOption((o) => o.setName('window').setDescription('Window, e.g. 24h or 7d (default 24h)').setMaxLength(10))
      .addIntegerOption((o) => o.setName('min_articles').setDescription('Articles needed in the window (default 3)').setMinValue(1).setMaxValue(1000))))
    .addSubcommand((s) => channelOption(common(s.setName('volume'), 'Mentions spike against the actor\'s own baseline')
      .addStringOption((o) => o.setName('window').setDescription('Window, e.g. 6h or 24h (default 24h)').setMaxLength(10))
      .addNumberOption((o) => o.setName('k').setDescription('Spike = above mean + k·sd of earlier windows (default 3)').setMinValue(0.5).setMaxValue(10))))
    .addSubcommand((s) => channelOption(common(s.setName('article'), 'A strongly negative or positive article')
      .addStringOption((o) => o.setName('direction').setDescription('Which stance').setRequired(true)
        .addChoices({ name: 'negative', value: 'negative' }, { name: 'positive', value: 'positive' }))
      .addNumberOption((o) => o.setName('threshold').setDescription('Strength from 0 to 1 (default 0.6)').setMinValue(0.05).setMaxValue(1))
      .addStringOption((o) => o.setName('outlet').setDescription('Only from this outlet').setMaxLength(200)))))
  .addSubcommand((s) => s.setName('list').setDescription('The alert rules of this server'))
  .addSubcommand((s) => s.setName('remove').setDescription('Remove an alert rule')
    .addStringOption((o) => o.setName('rule').setDescription('The rule').setRequired(true).setAutocomplete(true).setMaxLength(20)));

function ruleInput(ctx: CommandContext, channelId: string): AlertRuleInput {
  const o = ctx.interaction.options;
  const base = { guildId: ctx.guildId, channelId, createdBy: ctx.interaction.user.id, actor: o.getString('actor', true) };
  const kind = o.getSubcommand(true);
  if (kind === 'stance') {
    const minArticles = o.getInteger('min_articles');
    return { ...base, kind, direction: o.getString('direction', true) === 'above' ? 'above' : 'below', threshold: o.getNumber('threshold', true),
      window: o.getString('window') ?? '24h', ...(minArticles === null ? {} : { minArticles }) };
  }
  if (kind === 'volume') {
    const k = o.getNumber('k');
    return { ...base, kind, window: o.getString('window') ?? '24h', ...(k === null ? {} : { k }) };
  }
  const outlet = o.getString('outlet');
  return { ...base, kind: 'article', direction: o.getString('direction', true) === 'positive' ? 'positive' : 'negative',
    threshold: o.getNumber('threshold') ?? 0.6, ...(outlet === null ? {} : { outlet }) };
}

function ruleLine(r: AlertRuleView): string {
  const fired = r.lastFiredAt === null ? 'never fired' : `last fired ${discordTime(r.lastFiredAt, 'R')}`;
  return `**#${r.id}** ${safeText(r.description)} → <#${r.channelId}> · ${fired}${r.enabled ? '' : ' · ⏸ disabled'}`;
}

async function add(ctx: CommandContext): Reply {
  const picked = ctx.interaction.options.getChannel('channel');
  const channel = picked === null ? ok(ctx.interaction.channel) : postableChannel(ctx, 'channel');
  if (!channel.ok) return channel;
  const channelId = channel.value?.id ?? ctx.interaction.channelId;
  const added = await ctx.deps.jobs.addAlertRule(ruleInput(ctx, channelId));
  if (!added.ok) return err(userError(`The rule was not added: ${safeText(added.error)}`));
  return ok({ content: `✅ Alert rule added.\n${ruleLine(added.value)}\n${added.value.checks}` });
}

async function list(ctx: CommandContext): Reply {
  const rules = await ctx.deps.jobs.listAlertRules(ctx.guildId);
  if (!rules.length) return ok({ content: 'No alert rules yet. Add one with /alerts add stance, volume or article.' });
  return ok({ content: truncate(`Alert rules (${rules.length}):\n${rules.map(ruleLine).join('\n')}`, LIMITS.content * 5) });
}

async function remove(ctx: CommandContext): Reply {
  const typed = ctx.interaction.options.getString('rule', true).trim().replace(/^#/, '');
  const id = Number(typed);
  if (!/^\d{1,9}$/.test(typed)) return err(userError('Pick a rule from the list, or give its number (see /alerts list).'));
  const removed = await ctx.deps.jobs.removeAlertRule(ctx.guildId, id);
  return removed ? ok({ content: `✅ Alert rule #${id} removed.` }) : err(userError(`There is no alert rule #${id} in this server.`));
}

export const alertsCommand: CommandModule = {
  data,
  managesServer: true,
  defer: 'ephemeral',
  async execute(ctx) {
    if (ctx.interaction.options.getSubcommandGroup(false) === 'add') return add(ctx);
    return ctx.interaction.options.getSubcommand(true) === 'list' ? list(ctx) : remove(ctx);
  },
  async autocomplete({ deps, guildId, focused }: AutocompleteContext) {
    const rules = await deps.jobs.listAlertRules(guildId);
    const q = focused.value.trim().replace(/^#/, '').toLowerCase();
    return rules
      .filter((r) => q === '' || String(r.id).startsWith(q) || r.description.toLowerCase().includes(q))
      .map((r) => ({ name: `#${r.id} ${r.description}`, value: String(r.id) }));
  },
};
