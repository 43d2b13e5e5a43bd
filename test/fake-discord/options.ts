import { snowflake } from './ids.js';
import type { FakeState, OptionSchema } from './state.js';
import { computePermissions, findChannel, findMember, findRole } from './world.js';
import type { FakeGuild } from './world.js';

/** An attachment option's file, served by the fake at the resolved attachment's URL. */
export interface AttachmentInput {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}
/** Channel/user/role options take an id or a name; attachment options an AttachmentInput. */
export type OptionValue = string | number | boolean | AttachmentInput;

export interface BuiltOption {
  type: number;
  name: string;
  value?: unknown;
  focused?: boolean;
  options?: BuiltOption[];
}
export type Resolved = Record<'channels' | 'attachments' | 'users' | 'members' | 'roles', Record<string, unknown>>;

export interface OptionContext {
  state: FakeState;
  guild: FakeGuild | undefined;
  userId: string;
  resolved: Resolved;
  focused: string | undefined;
}

const T = { SUB: 1, GROUP: 2, STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10, ATTACHMENT: 11 };

function needGuild(ctx: OptionContext): FakeGuild {
  if (ctx.guild === undefined) throw new Error('fake-discord: channel/user/role options need a guild');
  return ctx.guild;
}

function resolveValue(ctx: OptionContext, schema: OptionSchema, value: OptionValue): unknown {
  switch (schema.type) {
    case T.CHANNEL: {
      const guild = needGuild(ctx);
      const c = findChannel(guild, String(value));
      ctx.resolved.channels[c.id] = { id: c.id, name: c.name, type: c.type, parent_id: null,
        permissions: computePermissions(guild, ctx.userId, c.id).toString() };
      return c.id;
    }
    case T.USER:
    case T.MENTIONABLE: {
      const { user, ...member } = findMember(needGuild(ctx), String(value));
      ctx.resolved.users[user.id] = user;
      ctx.resolved.members[user.id] = { ...member, permissions: computePermissions(needGuild(ctx), user.id).toString() };
      return user.id;
    }
    case T.ROLE: {
      const role = findRole(needGuild(ctx), String(value));
      ctx.resolved.roles[role.id] = role;
      return role.id;
    }
    case T.ATTACHMENT:
      return storeAttachment(ctx, value as AttachmentInput);
    default:
      return value;
  }
}

function storeAttachment(ctx: OptionContext, input: AttachmentInput): string {
  const id = snowflake();
  const data = Buffer.isBuffer(input.content) ? input.content : Buffer.from(input.content, 'utf8');
  const contentType = input.contentType ?? 'application/octet-stream';
  ctx.state.messages.files.set(id, { field: 'attachment', name: input.filename, contentType, data });
  const url = `${ctx.state.restUrl}/attachments/0/${id}/${encodeURIComponent(input.filename)}`;
  ctx.resolved.attachments[id] = { id, filename: input.filename, size: data.length, url, proxy_url: url, content_type: contentType };
  return id;
}

/** Builds the leaf options from plain values, using the command's registered schema for types. */
export function buildLeafOptions(ctx: OptionContext, schemas: OptionSchema[], values: Record<string, OptionValue>, where: string): BuiltOption[] {
  for (const name of Object.keys(values)) {
    if (!schemas.some((s) => s.name === name)) throw new Error(`fake-discord: ${where} has no option "${name}"`);
  }
  if (ctx.focused === undefined) {
    const missing = schemas.filter((s) => s.required === true && values[s.name] === undefined).map((s) => s.name);
    if (missing.length > 0) throw new Error(`fake-discord: ${where} is missing required option(s) ${missing.join(', ')}`);
  }
  return schemas.filter((s) => values[s.name] !== undefined).map((s) => {
    const raw = values[s.name] as OptionValue;
    if (s.name === ctx.focused) return { type: s.type, name: s.name, value: String(raw), focused: true };
    return { type: s.type, name: s.name, value: resolveValue(ctx, s, raw) };
  });
}

/** Wraps leaf options in their subcommand (and group), checking the path exists in the schema. */
export function buildOptionTree(ctx: OptionContext, top: OptionSchema[], path: { group?: string; subcommand?: string },
  values: Record<string, OptionValue>, command: string): BuiltOption[] {
  const pick = (list: OptionSchema[], type: number, name: string): OptionSchema =>
    list.find((o) => o.type === type && o.name === name) ??
    (() => { throw new Error(`fake-discord: /${command} has no ${type === T.SUB ? 'subcommand' : 'group'} "${name}"`); })();
  const group = path.group === undefined ? undefined : pick(top, T.GROUP, path.group);
  const level = group?.options ?? top;
  if (path.subcommand === undefined) {
    if (level.some((o) => o.type === T.SUB || o.type === T.GROUP)) throw new Error(`fake-discord: /${command} needs a subcommand`);
    return buildLeafOptions(ctx, level, values, `/${command}`);
  }
  const sub = pick(level, T.SUB, path.subcommand);
  const leaf = buildLeafOptions(ctx, sub.options ?? [], values, `/${command} ${path.subcommand}`);
  const subOption: BuiltOption = { type: T.SUB, name: sub.name, options: leaf };
  return group === undefined ? [subOption] : [{ type: T.GROUP, name: group.name, options: [subOption] }];
}
