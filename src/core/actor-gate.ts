// The case-insensitive gate of the anaphor scan: one test that rules out the sentences that hold no anaphor. Pure.

const escaped = (f: string): string => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * A case-insensitive test for any of `forms` (a superset of what the scan accepts), one group per first word:
 * "the\s+(?:alliance|mainland|...)" is a few times faster than one alternative per form (most anaphors start with
 * "the").
 */
export function gateOf(forms: string[]): RegExp {
  const rests = new Map<string, string[]>();
  for (const [first = '', ...rest] of forms.map((f) => f.trim().toLowerCase().split(/\s+/))) rests.set(first, [...(rests.get(first) ?? []), rest.join(' ')]);
  const groups = [...rests].map(([first, rest]) => (rest.includes('') ? escaped(first) : `${escaped(first)}\\s+(?:${[...new Set(rest)].map(escaped).join('|')})`));
  return new RegExp(groups.join('|'), 'i');
}
