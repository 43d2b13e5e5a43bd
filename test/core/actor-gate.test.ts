// The anaphor gate: one case-insensitive test per sentence that must pass every anaphor form (it is a superset of
// what the scan accepts) and should reject text that holds none.
import { describe, expect, it } from 'vitest';
import { gateOf } from '../../src/core/actor-gate.js';
import { loadActors, projectRoot } from '../../src/resources.js';

const forms = loadActors(projectRoot()).flatMap((a) => a.anaphors ?? []);
const gate = gateOf(forms);

describe('anaphor gate', () => {
  it('passes every anaphor of the registry, in any case and spacing', () => {
    expect(forms.length).toBeGreaterThan(10);
    for (const form of forms) {
      expect(gate.test(`Then ${form} spoke.`)).toBe(true);
      expect(gate.test(`Then ${form.toUpperCase().replace(/ /g, '  ')} spoke.`)).toBe(true);
    }
  });

  it('groups by first word and escapes what the forms hold', () => {
    expect(gateOf(['the alliance', 'the U.S.-led bloc', 'Kremlin']).source).toBe('the\\s+(?:alliance|u\\.s\\.-led\\s+bloc)|kremlin');
    expect(gateOf(['the U.S.-led bloc']).test('the UxSx-led bloc')).toBe(false);
  });

  it('a one-word form makes its first word enough', () => {
    const g = gateOf(['the', 'the alliance']);
    expect(g.test('the talks')).toBe(true);
  });

  it('rejects a sentence with no anaphor', () => {
    expect(gate.test('Talks between the two sides resumed in Geneva on Monday.')).toBe(false);
  });
});
