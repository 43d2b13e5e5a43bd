import type { CommandModule } from './command.js';

interface SubcommandOptions {
  options: { getSubcommandGroup(required: false): string | null; getSubcommand(required: false): string | null };
}

/** "group sub", "sub" or "" for the invoked subcommand path. */
export function subcommandPath(interaction: SubcommandOptions): string {
  return [interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false)].filter(Boolean).join(' ');
}

export function needsManageServer(module: CommandModule, path: string): boolean {
  return module.managesServer === true || (Array.isArray(module.managesServer) && module.managesServer.includes(path));
}
