import { PermissionFlagsBits } from 'discord.js';
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandModule } from './command.js';
import type { BotDeps } from './deps.js';
import { LIMITS } from './limits.js';
import { needsManageServer, subcommandPath } from './permissions.js';
import type { CommandRegistry } from './registry.js';
import { truncate } from './render/truncate.js';

/** Time left for answering after the module ran out of it (Discord drops answers after 3 s). */
const AUTOCOMPLETE_BUDGET_MS = LIMITS.interactionResponseMs - 500;

/** At most 25 choices; names cut to 100 characters; choices whose value would not fit are dropped, not altered. */
export function clampChoices(choices: readonly ApplicationCommandOptionChoiceData[]): ApplicationCommandOptionChoiceData[] {
  return choices
    .filter((c) => typeof c.value !== 'string' || c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.autocompleteChoices)
    .map((c) => ({ ...c, name: truncate(c.name, LIMITS.choiceName) }));
}

/** Routes autocomplete to the command's module; errors, slowness or missing permission give an empty list. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, registry: CommandRegistry, deps: BotDeps): Promise<void> {
  const log = deps.logger.child({ command: interaction.commandName, interactionId: interaction.id, guildId: interaction.guildId, autocomplete: true });
  const choices = await suggest(interaction, registry.get(interaction.commandName), deps, log);
  await interaction.respond(clampChoices(choices)).catch((error: unknown) => {
    log.warn({ err: error }, 'autocomplete response failed');
  });
}

async function suggest(interaction: AutocompleteInteraction, module: CommandModule | undefined, deps: BotDeps, log: Logger): Promise<ApplicationCommandOptionChoiceData[]> {
  if (module?.autocomplete === undefined || !interaction.inCachedGuild()) return [];
  const allowed = !needsManageServer(module, subcommandPath(interaction)) || interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
  if (!allowed) return [];
  const focused = interaction.options.getFocused(true);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ApplicationCommandOptionChoiceData[]>((resolve) => {
    timer = setTimeout(() => {
      log.warn({ option: focused.name }, 'autocomplete too slow');
      resolve([]);
    }, AUTOCOMPLETE_BUDGET_MS);
  });
  const work = module
    .autocomplete({ interaction, log, deps, guildId: interaction.guildId, focused: { name: focused.name, value: String(focused.value) } })
    .catch((error: unknown) => {
      log.warn({ err: error, option: focused.name }, 'autocomplete failed');
      return [];
    });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
