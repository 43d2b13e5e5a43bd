// Command modules defined for the tests: they exercise the framework, not real features.
import { SlashCommandBuilder } from 'discord.js';
import { err, ok } from '../../src/core/result.js';
import type { CommandModule, CommandReply } from '../../src/discord/command.js';
import { userError } from '../../src/discord/user-error.js';

export function reportModule(release: Promise<CommandReply>): CommandModule {
  return {
    data: new SlashCommandBuilder().setName('report').setDescription('A slow public report')
      .addStringOption((o) => o.setName('period').setDescription('Period').setRequired(true)),
    managesServer: false,
    defer: 'public',
    execute: async () => ok(await release),
  };
}

export const settingsModule: CommandModule = {
  data: new SlashCommandBuilder().setName('settings').setDescription('Change server settings')
    .addSubcommand((s) => s.setName('list').setDescription('Show settings'))
    .addSubcommand((s) => s.setName('set').setDescription('Change a setting')
      .addStringOption((o) => o.setName('feed').setDescription('Feed').setRequired(true).setAutocomplete(true))),
  managesServer: ['set'],
  defer: 'ephemeral',
  execute: async ({ interaction, guildId }) =>
    ok({ content: `${interaction.options.getSubcommand()} done in ${guildId}` }),
  autocomplete: async ({ focused }) => {
    if (focused.value === 'boom') throw new Error('store unavailable');
    const names = Array.from({ length: 40 }, (_, i) => `${focused.value} feed ${i}`);
    return [
      { name: `${'very long name '.repeat(10)}`, value: 'long-name' },
      { name: 'value too long', value: 'v'.repeat(101) },
      ...names.map((name) => ({ name, value: name })),
    ];
  },
};

export const adminModule: CommandModule = {
  data: { name: 'purge', description: 'Delete everything', options: [] },
  managesServer: true,
  defer: false,
  execute: async () => ok({ content: 'purged', ephemeral: true }),
};

export const validateModule: CommandModule = {
  data: new SlashCommandBuilder().setName('validate').setDescription('Validates input')
    .addStringOption((o) => o.setName('url').setDescription('A URL').setRequired(true)),
  managesServer: false,
  defer: 'public',
  execute: async ({ interaction }) => {
    const url = interaction.options.getString('url', true);
    return url.startsWith('https://') ? ok({ content: `ok ${url}` }) : err(userError('That is not an https:// URL.'));
  },
};

export const crashModule: CommandModule = {
  data: { name: 'crash', description: 'Fails unexpectedly', options: [] },
  managesServer: false,
  defer: 'public',
  execute: async () => {
    throw new Error('database exploded at /srv/secret/path');
  },
};

export const longModule: CommandModule = {
  data: { name: 'long', description: 'A long answer', options: [] },
  managesServer: false,
  defer: false,
  execute: async () => {
    const content = Array.from({ length: 300 }, (_, i) => `line ${i} @everyone ${'word '.repeat(2)}`).join('\n');
    const embeds = Array.from({ length: 12 }, (_, i) => ({ title: `Actor ${i}`, description: 'd'.repeat(900) }));
    return ok({ content, embeds, ephemeral: false });
  },
};
