// When a channel stops accepting the bot's posts (403/404: bot removed, permission lost, channel deleted):
// pause what posts there (the server's scheduled digests, or the alert rule) and tell the server's admins ONCE,
// through the outbox, in the guild's system channel or else the first other channel the bot may post in.
// The notice is sent only on the transition to paused, so a backlog of failing items yields one notice.
import { ChannelType, PermissionFlagsBits } from 'discord.js';
import type { Client, GuildBasedChannel } from 'discord.js';
import type { Logger } from 'pino';
import type { DeliveryParkedPayload, OutboxPayload } from '../core/outbox-payloads.js';
import type { OutboxItem, Store } from '../store/index.js';

interface ParkDeps {
  client: Client;
  store: Store;
  logger: Logger;
  now: () => number;
}

const NEEDED = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

/** Where to tell the admins: the system channel, else the first text channel the bot can post in (not `except`). */
export function noticeChannel(client: Client, guildId: string, except: string): string | null {
  const guild = client.guilds.cache.get(guildId);
  const me = guild?.members.me;
  if (!guild || !me) return null;
  const postable = (c: GuildBasedChannel | null): boolean =>
    c !== null && c.id !== except && c.type === ChannelType.GuildText && c.permissionsFor(me).has(NEEDED);
  if (postable(guild.systemChannel)) return guild.systemChannel?.id ?? null;
  const text = [...guild.channels.cache.values()]
    .filter((c) => c.type === ChannelType.GuildText)
    .sort((a, b) => ('position' in a && 'position' in b ? a.position - b.position : 0));
  return text.find((c) => postable(c))?.id ?? null;
}

/** Pauses the digest or alert rule that posts in the lost channel; true when it was active until now. */
async function pause(deps: ParkDeps, item: OutboxItem, p: OutboxPayload, reason: string): Promise<{ first: boolean; key: string }> {
  if (p.type === 'digest') {
    const s = await deps.store.getGuildSettings(item.guildId);
    const active = s !== undefined && s.digestChannelId === item.channelId && s.digestParked === null;
    if (active) await deps.store.updateGuildSettings(item.guildId, { digestParked: reason }, deps.now());
    return { first: active, key: `delivery-parked:digest:${item.guildId}:${item.channelId}:${s?.updatedAt ?? 0}` };
  }
  if (p.type === 'alert') {
    const rule = (await deps.store.listAlertRules(item.guildId)).find((r) => r.id === p.ruleId);
    const active = rule !== undefined && rule.enabled;
    if (active) await deps.store.setAlertRuleEnabled(item.guildId, p.ruleId, false);
    return { first: active, key: `delivery-parked:alert:${p.ruleId}:${rule?.createdAt ?? 0}` };
  }
  return { first: false, key: '' };
}

export async function handleLostChannel(deps: ParkDeps, item: OutboxItem, p: OutboxPayload, reason: string): Promise<void> {
  const { first, key } = await pause(deps, item, p, reason);
  if (!first || (p.type !== 'digest' && p.type !== 'alert')) return;
  const target = noticeChannel(deps.client, item.guildId, item.channelId);
  if (target === null) {
    deps.logger.warn({ guildId: item.guildId, channelId: item.channelId }, 'no channel to tell the admins about the lost channel');
    return;
  }
  const payload: DeliveryParkedPayload = {
    type: 'delivery-parked', what: p.type, channelId: item.channelId, reason,
    ...(p.type === 'alert' ? { ruleId: p.ruleId } : {}),
  };
  await deps.store.enqueue({ kind: 'notice', guildId: item.guildId, channelId: target, dedupeKey: key, payload, now: deps.now() });
  deps.logger.info({ guildId: item.guildId, lostChannel: item.channelId, noticeChannel: target }, 'admins notified of the lost channel');
}
