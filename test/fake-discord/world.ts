import { ChannelType, OverwriteType, PermissionFlagsBits } from 'discord.js';
import type { APIOverwrite, APIRole, APIUser, RoleFlags } from 'discord.js';
import { snowflake } from './ids.js';

/** Input: what a test declares. Every id is optional and generated when missing. */
export interface RoleSpec {
  id?: string;
  name: string;
  permissions?: bigint;
}
export interface OverwriteSpec {
  /** Role id/name, or member id/username. */
  target: string;
  type: 'role' | 'member';
  allow?: bigint;
  deny?: bigint;
}
export interface ChannelSpec {
  id?: string;
  name: string;
  type?: ChannelType;
  overwrites?: OverwriteSpec[];
}
export interface MemberSpec {
  id?: string;
  username: string;
  /** Role ids or names. */
  roles?: string[];
}
export interface GuildSpec {
  id?: string;
  name?: string;
  /** Default: #general and #digests. */
  channels?: ChannelSpec[];
  /** Extra roles besides @everyone. Default: an "Admin" role with Manage Server. */
  roles?: RoleSpec[];
  /** Default: "owner" (the guild owner), "admin" (Admin role) and "member" (no role). The bot is always added. */
  members?: MemberSpec[];
  everyonePermissions?: bigint;
  /** Permissions of the bot's own role. */
  botPermissions?: bigint;
}

/** Output: the resolved guild as the fake serves it. */
export interface FakeChannel {
  id: string;
  name: string;
  type: ChannelType;
  guild_id: string;
  position: number;
  permission_overwrites: APIOverwrite[];
}
export interface FakeMember {
  user: APIUser;
  roles: string[];
  joined_at: string;
  deaf: boolean;
  mute: boolean;
  flags: number;
}
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: APIRole[];
  channels: FakeChannel[];
  members: FakeMember[];
}

const P = PermissionFlagsBits;
export const DEFAULT_EVERYONE_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.EmbedLinks | P.AttachFiles | P.UseApplicationCommands;
export const DEFAULT_BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS;
const ALL_PERMISSIONS = Object.values(P).reduce((acc, bit) => acc | bit, 0n);

export function makeUser(username: string, id = snowflake(), bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: username, avatar: null, ...(bot ? { bot: true } : {}) };
}

function makeRole(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id, name, permissions: permissions.toString(), position, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, managed: false, mentionable: false, flags: 0 as RoleFlags, icon: null, unicode_emoji: null,
  };
}

const DEFAULT_MEMBERS: MemberSpec[] = [{ username: 'owner' }, { username: 'admin', roles: ['Admin'] }, { username: 'member' }];

export function buildGuild(spec: GuildSpec, bot: APIUser): FakeGuild {
  const id = spec.id ?? snowflake();
  const extraRoles = spec.roles ?? [{ name: 'Admin', permissions: P.ManageGuild }];
  const roles = [
    makeRole(id, '@everyone', spec.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0),
    ...extraRoles.map((r, i) => makeRole(r.id ?? snowflake(), r.name, r.permissions ?? 0n, i + 1)),
  ];
  const botRole = makeRole(snowflake(), bot.username, spec.botPermissions ?? DEFAULT_BOT_PERMISSIONS, roles.length);
  roles.push(botRole);
  const members = (spec.members ?? DEFAULT_MEMBERS).map((m) => makeMember(makeUser(m.username, m.id), m.roles ?? [], roles));
  members.push(makeMember(bot, [botRole.id], roles));
  const guild: FakeGuild = { id, name: spec.name ?? 'Test Server', ownerId: members[0]?.user.id ?? bot.id, roles, channels: [], members };
  const channelSpecs = spec.channels ?? [{ name: 'general' }, { name: 'digests' }];
  guild.channels = channelSpecs.map((c, i) => ({
    id: c.id ?? snowflake(), name: c.name, type: c.type ?? ChannelType.GuildText, guild_id: id, position: i,
    permission_overwrites: (c.overwrites ?? []).map((o) => resolveOverwrite(guild, o)),
  }));
  return guild;
}

function makeMember(user: APIUser, roleRefs: string[], roles: APIRole[]): FakeMember {
  const roleIds = roleRefs.map((ref) => (roles.find((r) => r.id === ref || r.name === ref) ?? fail(`unknown role ${ref}`)).id);
  return { user, roles: roleIds, joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
}

function resolveOverwrite(guild: FakeGuild, o: OverwriteSpec): APIOverwrite {
  const id = o.type === 'role' ? findRole(guild, o.target).id : findMember(guild, o.target).user.id;
  const type = o.type === 'role' ? OverwriteType.Role : OverwriteType.Member;
  return { id, type, allow: (o.allow ?? 0n).toString(), deny: (o.deny ?? 0n).toString() };
}

function fail(message: string): never {
  throw new Error(`fake-discord: ${message}`);
}

export function findRole(guild: FakeGuild, ref: string): APIRole {
  return guild.roles.find((r) => r.id === ref || r.name === ref) ?? fail(`unknown role ${ref}`);
}
export function findMember(guild: FakeGuild, ref: string): FakeMember {
  return guild.members.find((m) => m.user.id === ref || m.user.username === ref) ?? fail(`unknown member ${ref}`);
}
export function findChannel(guild: FakeGuild, ref: string): FakeChannel {
  return guild.channels.find((c) => c.id === ref || c.name === ref || `#${c.name}` === ref) ?? fail(`unknown channel ${ref}`);
}

export function findGuild(guilds: readonly FakeGuild[], ref: string | undefined): FakeGuild {
  const guild = ref === undefined ? guilds[0] : guilds.find((g) => g.id === ref || g.name === ref);
  return guild ?? fail(`unknown guild ${ref ?? '(none configured)'}`);
}

/** The channel with this id (or name) in any guild, with its guild. */
export function locateChannel(guilds: readonly FakeGuild[], ref: string | undefined): { guild: FakeGuild; channel: FakeChannel } | undefined {
  for (const guild of guilds) {
    const channel = guild.channels.find((c) => c.id === ref || c.name === ref || `#${c.name}` === ref);
    if (channel !== undefined) return { guild, channel };
  }
  return undefined;
}

/** Discord's permission algorithm: base from roles (owner/Administrator = all), then channel overwrites. */
export function computePermissions(guild: FakeGuild, memberId: string, channelId?: string): bigint {
  if (memberId === guild.ownerId) return ALL_PERMISSIONS;
  const member = findMember(guild, memberId);
  let base = BigInt(findRole(guild, guild.id).permissions);
  for (const roleId of member.roles) base |= BigInt(findRole(guild, roleId).permissions);
  if ((base & P.Administrator) !== 0n) return ALL_PERMISSIONS;
  const channel = channelId === undefined ? undefined : guild.channels.find((c) => c.id === channelId);
  return channel === undefined ? base : applyOverwrites(base, channel.permission_overwrites, guild.id, member);
}

function applyOverwrites(base: bigint, overwrites: APIOverwrite[], everyoneId: string, member: FakeMember): bigint {
  const apply = (perms: bigint, list: APIOverwrite[]): bigint => {
    const deny = list.reduce((acc, o) => acc | BigInt(o.deny), 0n);
    const allow = list.reduce((acc, o) => acc | BigInt(o.allow), 0n);
    return (perms & ~deny) | allow;
  };
  let perms = apply(base, overwrites.filter((o) => o.id === everyoneId));
  perms = apply(perms, overwrites.filter((o) => o.type === OverwriteType.Role && member.roles.includes(o.id)));
  return apply(perms, overwrites.filter((o) => o.type === OverwriteType.Member && o.id === member.user.id));
}

/** The GUILD_CREATE dispatch body for a guild. */
export function guildCreatePayload(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, owner_id: guild.ownerId,
    afk_channel_id: null, afk_timeout: 300, verification_level: 0, default_message_notifications: 0,
    explicit_content_filter: 0, roles: guild.roles, emojis: [], stickers: [], features: [], mfa_level: 0,
    application_id: null, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
    vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    joined_at: new Date().toISOString(), large: false, unavailable: false, member_count: guild.members.length,
    members: guild.members, channels: guild.channels, threads: [], presences: [], voice_states: [],
    stage_instances: [], guild_scheduled_events: [],
  };
}
