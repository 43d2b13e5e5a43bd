// Whom a speaker speaks for: officials an actor lists as `speakers`, and the country a person actor leads
// (`speaksFor`). A source speaking of its own side defends it. Sentences are written for these tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { tokenize } from '../../src/core/text.js';
import { listedSide, sideOf, speakerSides } from '../../src/core/voice-sides.js';
import { loadActors, loadAnalyserResources, projectRoot } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources(projectRoot()));
const voices = (text: string): Array<[string, string | undefined, string, string]> =>
  analyser.analyse({ text }).voices.map((v) => [v.speaker, v.speakerActor, v.actor, v.label]);

describe('listed speakers', () => {
  const sides = speakerSides([
    { name: 'Russia', kind: 'country', aliases: ['Russia'], speakers: ['Sergey Lavrov', 'Lavrov'] },
    { name: 'India', kind: 'country', aliases: ['India'], speakers: ['S. Jaishankar'] },
    { name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], speaksFor: 'Russia' },
  ]);
  const side = (phrase: string): string | undefined => {
    const tokens = tokenize(phrase.toLowerCase());
    return listedSide(tokens, 0, tokens.length - 1, sides);
  };

  it('a full name, a surname, a possessive, a name with an initial', () => {
    expect(side('Foreign Minister Sergey Lavrov')).toBe('Russia');
    expect(side('Lavrov')).toBe('Russia');
    expect(side("Lavrov's deputy")).toBe('Russia');
    expect(side('External Affairs Minister S. Jaishankar')).toBe('India');
  });

  it('whole words only: no name inside another', () => {
    expect(side('Lavrovsky')).toBeUndefined();
    expect(side('Sergey Ivanov')).toBeUndefined();
  });

  it('a person actor speaks for its country; other actors for themselves', () => {
    expect(sideOf(sides, 'Vladimir Putin')).toBe('Russia');
    expect(sideOf(sides, 'India')).toBe('India');
    expect(sideOf(sides, undefined)).toBeUndefined();
  });
});

describe('own side in the analysis', () => {
  it('"Peskov said NATO\'s expansion was a direct threat to Russia": Peskov speaks for Russia, one voice, on NATO', () => {
    expect(voices("Peskov said NATO's expansion was a direct threat to Russia.")).toEqual([['Peskov', 'Russia', 'NATO', 'negative']]);
  });

  it('an official speaking of their own country defends it', () => {
    expect(voices('Baghaei emphasized that Iran had acted in accordance with international law.')).toContainEqual(['Baghaei', 'Iran', 'Iran', 'positive']);
  });

  it('a person actor speaking of the country it leads defends it', () => {
    expect(voices('Putin said Russia would never abandon its friends.')).toContainEqual(['Putin', 'Vladimir Putin', 'Russia', 'positive']);
  });

  it('an unlisted name stays without an actor', () => {
    const found = voices('Ivanov said NATO was a relic of the Cold War.');
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toBeUndefined();
  });
});

describe('the built-in registry', () => {
  const actors = loadActors(projectRoot());
  const names = new Set(actors.map((a) => a.name));

  it('every speaksFor names a built-in actor, and only person actors have one', () => {
    for (const a of actors) if (a.speaksFor !== undefined) {
      expect(names.has(a.speaksFor)).toBe(true);
      expect(a.kind).toBe('person');
    }
  });

  it('a speaksFor that names no actor of the file is a clear error', () => {
    const root = mkdtempSync(join(tmpdir(), 'sw-actors-'));
    try {
      mkdirSync(join(root, 'config'));
      writeFileSync(join(root, 'config', 'actors.yaml'), 'version: 1\nactors:\n  - name: Vladimir Putin\n    kind: person\n    aliases: [Putin]\n    speaksFor: Rusia\n');
      expect(() => loadActors(root)).toThrow(/speaksFor names no actor of this file: Rusia/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('no speaker is listed for two actors', () => {
    const seen = new Map<string, string>();
    for (const a of actors) for (const s of a.speakers ?? []) {
      const key = s.toLowerCase();
      expect(seen.get(key) ?? a.name).toBe(a.name);
      seen.set(key, a.name);
    }
  });
});
