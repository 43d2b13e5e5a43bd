import { describe, expect, it } from 'vitest';
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { commandPayload, createRegistry } from '../../src/discord/registry.js';
import { adminModule, crashModule, settingsModule } from './modules.js';

describe('command registry and registration payload', () => {
  it('indexes modules by name and rejects duplicates', () => {
    expect([...createRegistry([settingsModule, adminModule]).keys()]).toEqual(['settings', 'purge']);
    expect(() => createRegistry([crashModule, crashModule])).toThrow(/duplicate slash command \/crash/);
  });

  it('marks whole-server commands Manage Server by default and scopes every command to guilds', () => {
    const payload = commandPayload([settingsModule, adminModule]);
    const byName = Object.fromEntries(payload.map((c) => [c.name, c]));
    expect(byName['purge']?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(byName['settings']?.default_member_permissions).toBeNull();
    for (const c of payload) {
      expect(c.contexts).toEqual([InteractionContextType.Guild]);
      expect(c.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(c).not.toHaveProperty('dm_permission');
    }
  });

  it('keeps the builder definition (options, autocomplete) intact', () => {
    const [settings] = commandPayload([settingsModule]);
    expect(settings).toMatchObject({
      name: 'settings',
      options: [{ name: 'list' }, { name: 'set', options: [{ name: 'feed', autocomplete: true, required: true }] }],
    });
  });
});
