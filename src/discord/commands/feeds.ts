// /feeds add|remove|list|test|pause|resume|import|export: the server's feed subscriptions.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import { feedChoices, resolveFeed } from '../choices.js';
import type { CommandContext, CommandModule, CommandReply } from '../command.js';
import { userError, type UserError } from '../user-error.js';
import { safeUrl, quote } from '../views/format.js';
import { feedListEmbeds, feedsErrorText, previewEmbed } from '../views/feeds.js';
import { DISCORD_IMPORT_TIMING, importFile, type ImportTiming } from './feeds-import.js';

const MAX_URL = 2048;

const data = new SlashCommandBuilder()
  .setName('feeds').setDescription('The news feeds this server follows')
  .addSubcommand((s) => s.setName('add').setDescription('Follow a feed (RSS, Atom or JSON Feed)')
    .addStringOption((o) => o.setName('url').setDescription('The feed address, https://…').setRequired(true).setMaxLength(MAX_URL))
    .addStringOption((o) => o.setName('name').setDescription('A short name (default: the feed title)').setMaxLength(100))
    .addBooleanOption((o) => o.setName('full_text').setDescription('Fetch each article page for its full text')))
  .addSubcommand((s) => s.setName('remove').setDescription('Stop following a feed')
    .addStringOption((o) => o.setName('feed').setDescription('The feed').setRequired(true).setAutocomplete(true).setMaxLength(100)))
  .addSubcommand((s) => s.setName('list').setDescription('The feeds followed, with their status'))
  .addSubcommand((s) => s.setName('test').setDescription('Dry run: read a feed and score its first items, storing nothing')
    .addStringOption((o) => o.setName('url').setDescription('The feed address, https://…').setRequired(true).setMaxLength(MAX_URL)))
  .addSubcommand((s) => s.setName('pause').setDescription('Pause a feed')
    .addStringOption((o) => o.setName('feed').setDescription('The feed').setRequired(true).setAutocomplete(true).setMaxLength(100)))
  .addSubcommand((s) => s.setName('resume').setDescription('Resume a paused (or disabled) feed')
    .addStringOption((o) => o.setName('feed').setDescription('The feed').setRequired(true).setAutocomplete(true).setMaxLength(100)))
  .addSubcommand((s) => s.setName('import').setDescription('Follow the feeds of an OPML file')
    .addAttachmentOption((o) => o.setName('file').setDescription('An .opml file').setRequired(true)))
  .addSubcommand((s) => s.setName('export').setDescription('Download the followed feeds as an OPML file'));

type Reply = Promise<Result<CommandReply, UserError>>;

async function add({ interaction, deps, guildId }: CommandContext): Reply {
  const o = interaction.options;
  const name = o.getString('name');
  const added = await deps.jobs.addFeed({
    guildId, channelId: interaction.channelId, userId: interaction.user.id, url: o.getString('url', true),
    fullText: o.getBoolean('full_text') ?? false, ...(name === null ? {} : { name }),
  });
  if (!added.ok) return err(userError(feedsErrorText(added.error)));
  const { subscription, url, newFeed } = added.value;
  const backlog = newFeed ? ' Its current items are kept as already seen: only new articles will count as new.' : '';
  return ok({ content: `✅ Now following **${quote(subscription.name, 100)}** (${safeUrl(url)}).${backlog}` });
}

async function test({ interaction, deps }: CommandContext): Reply {
  const preview = await deps.jobs.testFeed(interaction.options.getString('url', true));
  return preview.ok ? ok({ embeds: [previewEmbed(preview.value)] }) : err(userError(feedsErrorText(preview.error)));
}

async function change({ interaction, deps, guildId }: CommandContext, action: 'remove' | 'pause' | 'resume'): Reply {
  const feed = await resolveFeed(deps, guildId, interaction.options.getString('feed', true));
  if (!feed.ok) return feed;
  const done = action === 'remove'
    ? await deps.jobs.removeFeed(guildId, feed.value.id)
    : await deps.jobs.setFeedPaused(guildId, feed.value.id, action === 'pause');
  if (!done.ok) return err(userError(feedsErrorText(done.error)));
  const verb = { remove: 'No longer following', pause: 'Paused', resume: 'Resumed' }[action];
  return ok({ content: `${verb} **${quote(done.value.name, 100)}**.` });
}

async function exportFile({ deps, guildId }: CommandContext): Reply {
  const opml = await deps.jobs.exportOpml(guildId);
  return ok({ content: 'The feeds this server follows, as OPML:', files: [{ name: 'stancewatch-feeds.opml', data: Buffer.from(opml, 'utf8') }] });
}

async function list({ deps, guildId }: CommandContext): Reply {
  return ok({ embeds: feedListEmbeds(await deps.store.listSubscriptions(guildId)) });
}

function run(ctx: CommandContext, importTiming: ImportTiming): Reply {
  const sub = ctx.interaction.options.getSubcommand(true);
  switch (sub) {
    case 'add': return add(ctx);
    case 'test': return test(ctx);
    case 'remove':
    case 'pause':
    case 'resume': return change(ctx, sub);
    case 'import': return importFile(ctx, importTiming);
    case 'export': return exportFile(ctx);
    default: return list(ctx);
  }
}

/** /feeds; `importTiming` (token lifetime, progress interval) is Discord's unless a test shortens it. */
export function createFeedsCommand(importTiming: ImportTiming = DISCORD_IMPORT_TIMING): CommandModule {
  return {
    data,
    managesServer: ['add', 'remove', 'test', 'pause', 'resume', 'import', 'export'],
    adminByDefault: true,
    defer: 'ephemeral',
    execute: (ctx) => run(ctx, importTiming),
    autocomplete: ({ deps, guildId, focused }) => feedChoices(deps, guildId, focused.value),
  };
}

export const feedsCommand: CommandModule = createFeedsCommand();
