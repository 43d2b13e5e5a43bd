import { PermissionFlagsBits } from 'discord.js';
import { checkCommands } from './command-check.js';
import { apiError } from './http-util.js';
import { checkMessage } from './limits-check.js';
import { snowflake } from './ids.js';
import { json } from './rest.js';
import type { Route, RouteContext, RouteResult } from './rest.js';
import type { FakeState, RegisteredCommand } from './state.js';
import { computePermissions, guildCreatePayload, locateChannel } from './world.js';
import type { FakeGuild } from './world.js';

const notFound = (code: number, what: string): RouteResult => json(apiError(code, `Unknown ${what}`), 404);
export const invalidForm = (problems: string[]): RouteResult =>
  json(apiError(50035, 'Invalid Form Body', { _errors: problems.map((message) => ({ code: 'INVALID', message })) }), 400);

const findChannel = (state: FakeState, id: string | undefined): ReturnType<typeof locateChannel> =>
  id === undefined || !/^\d+$/.test(id) ? undefined : locateChannel(state.guilds, id);

function application(state: FakeState): Record<string, unknown> {
  return { id: state.applicationId, name: state.bot.username, icon: null, description: '', bot_public: true,
    bot_require_code_grant: false, verify_key: 'fake', flags: 0, owner: state.bot, team: null };
}

function putCommands({ state, req, params }: RouteContext): RouteResult {
  const problems = checkCommands(req.body);
  if (problems.length > 0) return invalidForm(problems);
  const guildId = params['guildId'];
  const previous = guildId === undefined ? state.globalCommands : (state.guildCommands.get(guildId) ?? []);
  const stored = (req.body as RegisteredCommand[]).map((c): RegisteredCommand => ({
    ...c, type: c.type ?? 1, id: previous.find((p) => p.name === c.name)?.id ?? snowflake(),
    application_id: state.applicationId, version: snowflake(), ...(guildId === undefined ? {} : { guild_id: guildId }),
  }));
  if (guildId === undefined) state.globalCommands = stored;
  else state.guildCommands.set(guildId, stored);
  return json(stored);
}

function listMessages({ state, req, params }: RouteContext): RouteResult {
  const found = findChannel(state, params['channelId']);
  if (found === undefined) return notFound(10003, 'Channel');
  const limit = Math.min(Number(req.query['limit'] ?? 50), 100);
  const { before, after } = req.query;
  const newestFirst = [...state.messages.list(found.channel.id)].reverse()
    .filter((m) => before === undefined || BigInt(m.id) < BigInt(before))
    .filter((m) => after === undefined || BigInt(m.id) > BigInt(after));
  const page = newestFirst.slice(0, limit);
  return json(state.listNonces ? page : page.map(({ nonce: _nonce, ...rest }) => rest));
}

function postMessage({ state, req, params }: RouteContext): RouteResult {
  const found = findChannel(state, params['channelId']);
  if (found === undefined) return notFound(10003, 'Channel');
  const perms = computePermissions(found.guild, state.bot.id, found.channel.id);
  const needed = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages |
    (req.files.length > 0 ? PermissionFlagsBits.AttachFiles : 0n);
  if ((perms & needed) !== needed) return json(apiError(50013, 'Missing Permissions'), 403);
  const problems = checkMessage(req.body, req.files.length > 0, true);
  if (problems.length > 0) return invalidForm(problems);
  return json(state.messages.create(found.channel.id, req.body, req.files, { guildId: found.guild.id }));
}

function withMessage(ctx: RouteContext, act: (msg: NonNullable<ReturnType<FakeState['messages']['find']>>) => RouteResult): RouteResult {
  const msg = ctx.state.messages.find(ctx.params['channelId'] ?? '', ctx.params['messageId'] ?? '');
  return msg === undefined ? notFound(10008, 'Message') : act(msg);
}

function attachment({ state, params }: RouteContext): RouteResult {
  const file = state.messages.files.get(params['attachmentId'] ?? '');
  return file === undefined ? notFound(0, 'Attachment') : { status: 200, raw: { data: file.data, contentType: file.contentType } };
}

function guildRoute(ctx: RouteContext, act: (guild: FakeGuild) => RouteResult): RouteResult {
  const guild = ctx.state.guilds.find((g) => g.id === ctx.params['guildId']);
  return guild === undefined ? notFound(10004, 'Guild') : act(guild);
}

const route = (method: string, path: string, handle: Route['handle'], auth = true): Route => ({ method, path, handle, auth });

export const coreRoutes: Route[] = [
  route('GET', '/gateway/bot', ({ state }) => json({ url: state.gatewayUrl, shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } })),
  route('GET', '/gateway', ({ state }) => json({ url: state.gatewayUrl }), false),
  route('GET', '/users/@me', ({ state }) => json(state.bot)),
  route('GET', '/applications/@me', ({ state }) => json(application(state))),
  route('GET', '/applications/:appId/commands', ({ state }) => json(state.globalCommands)),
  route('PUT', '/applications/:appId/commands', putCommands),
  route('GET', '/applications/:appId/guilds/:guildId/commands', ({ state, params }) =>
    json(state.guildCommands.get(params['guildId'] ?? '') ?? [])),
  route('PUT', '/applications/:appId/guilds/:guildId/commands', putCommands),
  route('GET', '/guilds/:guildId', (ctx) => guildRoute(ctx, (g) => json(guildCreatePayload(g)))),
  route('GET', '/guilds/:guildId/channels', (ctx) => guildRoute(ctx, (g) => json(g.channels))),
  route('GET', '/guilds/:guildId/roles', (ctx) => guildRoute(ctx, (g) => json(g.roles))),
  route('GET', '/guilds/:guildId/members/:userId', (ctx) => guildRoute(ctx, (g) => {
    const member = g.members.find((m) => m.user.id === ctx.params['userId']);
    return member === undefined ? notFound(10007, 'Member') : json(member);
  })),
  route('GET', '/channels/:channelId', ({ state, params }) => {
    const found = findChannel(state, params['channelId']);
    return found === undefined ? notFound(10003, 'Channel') : json(found.channel);
  }),
  route('GET', '/channels/:channelId/messages', listMessages),
  route('POST', '/channels/:channelId/messages', postMessage),
  route('GET', '/channels/:channelId/messages/:messageId', (ctx) => withMessage(ctx, (m) => json(m))),
  route('PATCH', '/channels/:channelId/messages/:messageId', (ctx) => withMessage(ctx, (m) => {
    const problems = checkMessage(ctx.req.body, ctx.req.files.length > 0, false);
    return problems.length > 0 ? invalidForm(problems) : json(ctx.state.messages.edit(m, ctx.req.body, ctx.req.files));
  })),
  route('DELETE', '/channels/:channelId/messages/:messageId', (ctx) => withMessage(ctx, (m) => {
    ctx.state.messages.remove(m);
    return json(undefined, 204);
  })),
  route('GET', '/attachments/:channelId/:attachmentId/:filename', attachment, false),
];
