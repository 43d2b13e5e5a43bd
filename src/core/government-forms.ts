// A leader's name before a word for the government they head names the state: "the Obama administration", "the
// Modi government", "Kim's regime", "the Lai-led authorities" (guideline rule 7, as the labelled data reads it:
// "the Moon administration" is South Korea). Leaders who are actors of their own keep their name ("the Biden
// administration" is Joe Biden), so they are not listed. Pure.

const GOVERNMENT_NOUNS = ['administration', 'government', 'regime', 'cabinet', 'authorities'] as const;

/** The surface forms of `names` heading a government: "X administration", "X's government", "X-led regime" ... */
export function governmentForms(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) for (const noun of GOVERNMENT_NOUNS) out.push(`${name} ${noun}`, `${name}'s ${noun}`, `${name}-led ${noun}`);
  return out;
}
