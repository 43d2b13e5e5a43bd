// /digest channel|schedule|now|preview|status: the server's scheduled stance digest. `preview` is ephemeral
// and posts nothing; `now` queues a digest for the period since the last one (the deliverer posts it).
import { ChannelType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { GuildBasedChannel } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import { stanceChartPng } from '../../report/png.js';
import type { DigestSettingsView } from '../../jobs/api.js';
import type { AutocompleteContext, CommandContext, CommandModule, CommandReply } from '../command.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../render/escape.js';
import { CHART_FILE, digestEmbeds, discordTime } from '../render/digest.js';
import { userError, type UserError } from '../user-error.js';

type Reply = Promise<Result<CommandReply, UserError>>;

/** What the bot needs in a channel to post digests and alerts. */
export const POST_PERMISSIONS = [
  ['View Channel', PermissionFlagsBits.ViewChannel],
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Embed Links', PermissionFlagsBits.EmbedLinks],
  ['Attach Files', PermissionFlagsBits.AttachFiles],
] as const;

const data = new SlashCommandBuilder()
  .setName('digest').setDescription('Scheduled stance digests for this server')
  .addSubcommand((s) => s.setName('channel').setDescription('Post the digests in a channel')
    .addChannelOption((o) => o.setName('channel').setDescription('A text channel the bot can post in').setRequired(true).addChannelTypes(ChannelType.GuildText)))
  .addSubcommand((s) => s.setName('schedule').setDescription('When digests are posted')
    .addStringOption((o) => o.setName('when').setDescription('"daily 09:00", "weekly mon 08:30" or a cron expression').setRequired(true).setMaxLength(100))
    .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64)))
  .addSubcommand((s) => s.setName('now').setDescription('Post a digest now for the period since the last one'))
  .addSubcommand((s) => s.setName('preview').setDescription('Show what the next digest would contain (only to you; posts nothing)'))
  .addSubcommand((s) => s.setName('status').setDescription('Show the digest channel, schedule and next digest'));

/** Names of the permissions the bot lacks in `channel` (empty when it can post digests there). */
export function missingPermissions(ctx: CommandContext, channel: GuildBasedChannel): string[] {
  const me = ctx.interaction.guild.members.me;
  const perms = me ? channel.permissionsFor(me) : null;
  return POST_PERMISSIONS.filter(([, bit]) => !perms?.has(bit)).map(([name]) => name);
}

/** The channel option, checked: a text channel where the bot can post embeds and files. */
export function postableChannel(ctx: CommandContext, name: string): Result<GuildBasedChannel, UserError> {
  const channel = ctx.interaction.options.getChannel(name, true);
  if (channel.type !== ChannelType.GuildText) return err(userError('Choose a text channel.'));
  const missing = missingPermissions(ctx, channel);
  if (missing.length) return err(userError(`I cannot post in <#${channel.id}>: I am missing ${missing.join(', ')} there. Give me these permissions or pick another channel.`));
  return ok(channel);
}

export function describeSettings(s: DigestSettingsView): string {
  const lines = [
    `Channel: ${s.channelId ? `<#${s.channelId}>` : 'not set (use /digest channel)'}`,
    `Schedule: ${s.description ? safeText(s.description) : 'not set'}`,
  ];
  if (s.parked) lines.push(`⚠️ Paused: ${safeText(s.parked)}. Set the channel again with /digest channel to resume.`);
  if (s.nextDigestAt !== null) lines.push(`Next digest: ${discordTime(s.nextDigestAt)} (${discordTime(s.nextDigestAt, 'R')})`);
  return lines.join('\n');
}

async function channel(ctx: CommandContext): Reply {
  const target = postableChannel(ctx, 'channel');
  if (!target.ok) return target;
  const s = await ctx.deps.jobs.setDigestChannel(ctx.guildId, target.value.id);
  return ok({ content: `✅ Digests will be posted in <#${target.value.id}>.\n${describeSettings(s)}` });
}

async function schedule(ctx: CommandContext): Reply {
  const o = ctx.interaction.options;
  const zone = o.getString('timezone');
  const s = await ctx.deps.jobs.setDigestSchedule(ctx.guildId, o.getString('when', true), zone ?? undefined);
  if (!s.ok) return err(userError(`The schedule was not changed: ${safeText(s.error)}`));
  return ok({ content: `✅ Schedule set.\n${describeSettings(s.value)}` });
}

async function now(ctx: CommandContext): Reply {
  const queued = await ctx.deps.jobs.digestNow(ctx.guildId);
  if (!queued.ok) return err(userError(safeText(queued.error)));
  const s = await ctx.deps.jobs.digestSettings(ctx.guildId);
  const { from, to } = queued.value.period;
  const verb = queued.value.created ? 'is being posted' : 'was already queued';
  return ok({ content: `✅ The digest for ${discordTime(from)} → ${discordTime(to)} ${verb} in <#${s.channelId ?? ''}>.` });
}

/** Why a digest can count fewer articles than /summary shows right after /feeds add. */
export const BACKLOG_RULE = '-# Digests count only articles first stored after their feed was added: the items a new feed already had '
  + 'are stored as already seen, so /summary shows them but digests do not.';

async function preview(ctx: CommandContext): Reply {
  const payload = await ctx.deps.jobs.previewDigest(ctx.guildId);
  if (!payload.ok) return err(userError(safeText(payload.error)));
  const chart = payload.value.digest.chart.series.length > 0 ? stanceChartPng(payload.value.digest.chart) : null;
  const png = chart?.ok ? chart.value : null;
  if (chart && !chart.ok) ctx.log.warn({ error: chart.error }, 'preview chart not rendered');
  return ok({
    content: `Preview of the next digest (only you can see this; nothing was posted).\n${BACKLOG_RULE}`,
    embeds: digestEmbeds(payload.value, png !== null),
    files: png ? [{ name: CHART_FILE, data: png }] : [],
  });
}

async function status(ctx: CommandContext): Reply {
  return ok({ content: describeSettings(await ctx.deps.jobs.digestSettings(ctx.guildId)) });
}

const handlers: Record<string, (ctx: CommandContext) => Reply> = { channel, schedule, now, preview, status };

/** IANA zones matching what was typed. */
export function zoneChoices(typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  const hits = [...zones.filter((z) => z.toLowerCase().startsWith(q)), ...zones.filter((z) => !z.toLowerCase().startsWith(q) && z.toLowerCase().includes(q))];
  return hits.slice(0, LIMITS.autocompleteChoices).map((z) => ({ name: z, value: z }));
}

export const digestCommand: CommandModule = {
  data,
  managesServer: true,
  defer: 'ephemeral',
  async execute(ctx) {
    const handler = handlers[ctx.interaction.options.getSubcommand(true)];
    if (!handler) return err(userError('Unknown subcommand.'));
    return handler(ctx);
  },
  autocomplete: async ({ focused }: AutocompleteContext) => (focused.name === 'timezone' ? zoneChoices(focused.value) : []),
};
