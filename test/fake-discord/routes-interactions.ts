import { apiError } from './http-util.js';
import { checkChoices, checkMessage } from './limits-check.js';
import { MESSAGE_FLAGS } from './messages.js';
import type { FakeMessage } from './messages.js';
import { json } from './rest.js';
import type { Route, RouteContext, RouteResult } from './rest.js';
import { invalidForm } from './routes-core.js';
import { interactionByToken } from './state.js';
import type { FakeState, InteractionRecord } from './state.js';

const unknownInteraction = json(apiError(10062, 'Unknown interaction'), 404);
const unknownMessage = json(apiError(10008, 'Unknown Message'), 404);

interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

function createOriginal(state: FakeState, rec: InteractionRecord, data: Record<string, unknown>, ctx: RouteContext, loading: boolean): FakeMessage {
  const flags = loading ? MESSAGE_FLAGS.LOADING : 0;
  const body = loading ? { flags: Number(data['flags'] ?? 0) & MESSAGE_FLAGS.EPHEMERAL } : data;
  return state.messages.create(rec.channelId, body, ctx.req.files, {
    flags, webhookId: state.applicationId, ...(rec.guildId === null ? {} : { guildId: rec.guildId }),
  });
}

function callbackProblems(rec: InteractionRecord, body: CallbackBody, hasFiles: boolean): string[] {
  const data = body.data ?? {};
  if (body.type === 8) return rec.type === 4 ? checkChoices(data['choices']) : ['autocomplete result for a command interaction'];
  if (rec.type === 4) return [`callback type ${body.type} for an autocomplete interaction`];
  if (body.type === 4) return checkMessage(data, hasFiles, true);
  return [5, 6, 7, 9].includes(body.type) ? [] : [`unknown callback type ${body.type}`];
}

function callback(ctx: RouteContext): RouteResult {
  const { state, req, params } = ctx;
  const rec = state.interactions.get(params['interactionId'] ?? '');
  if (rec === undefined || rec.token !== params['token']) return unknownInteraction;
  if (Date.now() - rec.injectedAt > state.interactionDeadlineMs) return unknownInteraction;
  if (rec.callback !== undefined) return json(apiError(40060, 'Interaction has already been acknowledged.'), 400);
  const body = (req.body ?? {}) as CallbackBody;
  const problems = callbackProblems(rec, body, req.files.length > 0);
  if (problems.length > 0) return invalidForm(problems);
  rec.callback = { type: body.type, data: body.data, files: req.files, at: Date.now() };
  if (body.type === 4 || body.type === 5) rec.original = createOriginal(state, rec, body.data ?? {}, ctx, body.type === 5);
  if (req.query['with_response'] !== 'true') return json(undefined, 204);
  return json({
    interaction: { id: rec.id, type: rec.type, response_message_id: rec.original?.id,
      response_message_loading: body.type === 5, response_message_ephemeral: ((rec.original?.flags ?? 0) & MESSAGE_FLAGS.EPHEMERAL) !== 0 },
    resource: { type: body.type, ...(rec.original === undefined ? {} : { message: rec.original }) },
  });
}

function withRecord(ctx: RouteContext, act: (rec: InteractionRecord) => RouteResult): RouteResult {
  const rec = interactionByToken(ctx.state, ctx.params['token'] ?? '');
  if (rec === undefined || ctx.params['appId'] !== ctx.state.applicationId) return json(apiError(10015, 'Unknown Webhook'), 404);
  if (Date.now() - rec.injectedAt > ctx.state.interactionTokenMs) return json(apiError(50027, 'Invalid Webhook Token'), 401);
  return act(rec);
}

function targetMessage(rec: InteractionRecord, messageId: string | undefined): FakeMessage | undefined {
  if (messageId === '@original') return rec.originalDeleted ? undefined : rec.original;
  return rec.followups.find((m) => m.id === messageId);
}

function editMessage(ctx: RouteContext): RouteResult {
  return withRecord(ctx, (rec) => {
    const msg = targetMessage(rec, ctx.params['messageId']);
    if (msg === undefined) return unknownMessage;
    const body = (ctx.req.body ?? {}) as Record<string, unknown>;
    const merged = { content: msg.content, embeds: msg.embeds, components: msg.components, ...body };
    const keepsFiles = Array.isArray(body['attachments']) ? body['attachments'].length > 0 : msg.attachments.length > 0;
    const problems = checkMessage(merged, keepsFiles || ctx.req.files.length > 0, true);
    return problems.length > 0 ? invalidForm(problems) : json(ctx.state.messages.edit(msg, body, ctx.req.files));
  });
}

function deleteMessage(ctx: RouteContext): RouteResult {
  return withRecord(ctx, (rec) => {
    const msg = targetMessage(rec, ctx.params['messageId']);
    if (msg === undefined) return unknownMessage;
    if (msg === rec.original) rec.originalDeleted = true;
    else rec.followups = rec.followups.filter((m) => m !== msg);
    ctx.state.messages.remove(msg);
    return json(undefined, 204);
  });
}

function followup(ctx: RouteContext): RouteResult {
  return withRecord(ctx, (rec) => {
    if (rec.callback === undefined) return json(apiError(10015, 'Unknown Webhook'), 404);
    const problems = checkMessage(ctx.req.body, ctx.req.files.length > 0, true);
    if (problems.length > 0) return invalidForm(problems);
    const msg = ctx.state.messages.create(rec.channelId, ctx.req.body, ctx.req.files, {
      webhookId: ctx.state.applicationId, ...(rec.guildId === null ? {} : { guildId: rec.guildId }),
    });
    rec.followups.push(msg);
    return ctx.req.query['wait'] === 'false' ? json(undefined, 204) : json(msg);
  });
}

const route = (method: string, path: string, handle: Route['handle']): Route => ({ method, path, handle, auth: false });

export const interactionRoutes: Route[] = [
  route('POST', '/interactions/:interactionId/:token/callback', callback),
  route('POST', '/webhooks/:appId/:token', followup),
  route('GET', '/webhooks/:appId/:token/messages/:messageId', (ctx) =>
    withRecord(ctx, (rec) => {
      const msg = targetMessage(rec, ctx.params['messageId']);
      return msg === undefined ? unknownMessage : json(msg);
    })),
  route('PATCH', '/webhooks/:appId/:token/messages/:messageId', editMessage),
  route('DELETE', '/webhooks/:appId/:token/messages/:messageId', deleteMessage),
];
