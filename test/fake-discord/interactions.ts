import { ChannelType } from 'discord.js';
import { randomToken, snowflake } from './ids.js';
import { buildOptionTree } from './options.js';
import type { OptionContext, OptionValue, Resolved } from './options.js';
import type { FakeState, InteractionRecord, RegisteredCommand } from './state.js';
import { computePermissions, findChannel, findGuild, findMember, makeUser } from './world.js';
import type { FakeGuild } from './world.js';

export interface InjectOptions {
  /** Top-level command name. */
  name: string;
  group?: string;
  subcommand?: string;
  /** Option values by name; types come from the command's schema. */
  options?: Record<string, OptionValue>;
  /** Guild id or name (default: the first guild). Ignored with `dm`. */
  guild?: string;
  /** Channel id or name (default: the guild's first text channel). */
  channel?: string;
  /** Member username or id (default: "member"). */
  user?: string;
  /** Overrides the member's computed permissions (e.g. a server that loosened command permissions). */
  permissions?: bigint;
  /** Invoke from a DM instead of a guild. */
  dm?: boolean;
  /** The command's JSON (default: what the bot registered for this guild, else globally, else `commands` given at start). */
  schema?: RegisteredCommand | { name: string; options?: unknown[] };
  locale?: string;
}
export interface AutocompleteInjectOptions extends InjectOptions {
  /** Name of the option being typed; its value in `options` is the partial text. */
  focused: string;
}

function findSchema(state: FakeState, guildId: string | null, opts: InjectOptions): RegisteredCommand {
  const schema = opts.schema ??
    (guildId === null ? undefined : state.guildCommands.get(guildId)?.find((c) => c.name === opts.name)) ??
    state.globalCommands.find((c) => c.name === opts.name);
  if (schema === undefined) {
    throw new Error(`fake-discord: unknown command /${opts.name}: register it, pass \`commands\` to startFakeDiscord, or give \`schema\``);
  }
  return schema as RegisteredCommand;
}

function guildContext(state: FakeState, opts: InjectOptions): Record<string, unknown> & { guild: FakeGuild; channelId: string; userId: string } {
  const guild = findGuild(state.guilds, opts.guild);
  const channel = opts.channel === undefined
    ? guild.channels.find((c) => c.type === ChannelType.GuildText) ?? guild.channels[0]
    : findChannel(guild, opts.channel);
  if (channel === undefined) throw new Error(`fake-discord: guild ${guild.name} has no channel`);
  const member = findMember(guild, opts.user ?? 'member');
  const permissions = opts.permissions ?? computePermissions(guild, member.user.id, channel.id);
  return {
    guild, channelId: channel.id, userId: member.user.id, guild_id: guild.id,
    channel: { id: channel.id, name: channel.name, type: channel.type, guild_id: guild.id,
      permissions: permissions.toString() },
    member: { ...member, permissions: permissions.toString() },
    app_permissions: computePermissions(guild, state.bot.id, channel.id).toString(),
    guild_locale: 'en-US', context: 0, authorizing_integration_owners: { 0: guild.id },
  };
}

function dmContext(state: FakeState, opts: InjectOptions): Record<string, unknown> & { channelId: string; userId: string } {
  const user = makeUser(opts.user ?? 'member');
  const channelId = snowflake();
  return {
    channelId, userId: user.id, user, channel: { id: channelId, type: ChannelType.DM, recipients: [user] },
    app_permissions: '0', context: 1, authorizing_integration_owners: { 1: user.id },
  };
}

/** Builds the INTERACTION_CREATE body for a slash command (type 2) or autocomplete (type 4) and records it. */
export function createInteraction(state: FakeState, opts: InjectOptions, focused?: string): InteractionRecord {
  const { guild, channelId, userId, ...where } = opts.dm === true ? { guild: undefined, ...dmContext(state, opts) } : guildContext(state, opts);
  const schema = findSchema(state, guild?.id ?? null, opts);
  const resolved: Resolved = { channels: {}, attachments: {}, users: {}, members: {}, roles: {} };
  const ctx: OptionContext = { state, guild, userId, resolved, focused };
  const options = buildOptionTree(ctx, (schema.options ?? []) as never, opts, opts.options ?? {}, opts.name);
  const usedResolved = Object.fromEntries(Object.entries(resolved).filter(([, v]) => Object.keys(v).length > 0));
  const id = snowflake();
  const token = `fake-${randomToken()}`;
  const payload: Record<string, unknown> = {
    id, token, type: focused === undefined ? 2 : 4, application_id: state.applicationId, version: 1,
    data: { id: schema.id ?? snowflake(), name: schema.name, type: 1, options,
      ...(Object.keys(usedResolved).length > 0 ? { resolved: usedResolved } : {}),
      ...(schema.guild_id === undefined ? {} : { guild_id: schema.guild_id }) },
    ...where, locale: opts.locale ?? 'en-US', entitlements: [], attachment_size_limit: 10_485_760,
  };
  const rec: InteractionRecord = {
    id, token, type: payload['type'] as number, name: schema.name, guildId: guild?.id ?? null, channelId, userId,
    injectedAt: Date.now(), payload, callback: undefined, original: undefined, originalDeleted: false, followups: [],
  };
  state.interactions.set(id, rec);
  return rec;
}
