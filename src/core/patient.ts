// Who a negative act is done to and who does it, in the author's own voice: "China has repeatedly provoked
// Japan" blames China and says nothing of Japan; "Japan was provoked by China" the same. Guideline rule 3: the
// victim of an event gets 0 unless the author portrays it; the doer of a judged act (provoke, bully, betray,
// deceive: events such as attack or sanction are no judgement and are gone before this) is the one judged. Used by
// attribution.ts for the author view's terms. Pure.
import { BE_FORMS, groupBefore, type ClauseShape, type Groups } from './accusation.js';
import type { ScoredTerm } from './lexicon.js';

const at = (s: ClauseShape, i: number): string => s.tokens[i]?.text ?? '';

/** Words that may stand between a verb and its object mention ("provoked the Philippines", "betrayed its allies in Kyiv"). */
const DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'our']);

/** A verb form by its ending: past or participle, third person, gerund ("provoked", "bullies", "deceiving"). */
function verbForm(word: string): boolean {
  if (word.endsWith('ed') || word.endsWith('ing')) return word.length > 4;
  return word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('ous') && !word.endsWith('is') && word.length > 4;
}

/** Words before a participle that make it an adjective of the noun after it ("the saber-rattling NATO chief"). */
const ATTRIBUTIVE = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'such', 'of', 'by', 'with', 'for', 'against']);

/** The group that starts right after token `i` (a determiner between is allowed), or -1. */
function groupRightAfter(s: ClauseShape, i: number, g: Groups): number {
  let j = i + 1;
  if (DETERMINERS.has(at(s, j))) j++;
  return s.clause[j] === s.clause[i] ? (g.at[j] ?? -1) : -1;
}

/**
 * Share of a negative verb for the target when it has a patient among the mentions: 0 for the patient (its
 * object, or the subject of its passive), 1 for the doer (the mention before it in its clause, or the agent of
 * its passive after "by"). Undefined when the term is no such verb (the usual attribution applies).
 */
export function patientShare(s: ClauseShape, term: ScoredTerm, g: Groups): number | undefined {
  if (term.weight >= 0 || term.first !== term.last || !verbForm(term.term) || term.term.includes('-')) return undefined;
  if (ATTRIBUTIVE.has(at(s, term.first - 1))) return undefined;
  let patient: number;
  let doer: number;
  if (BE_FORMS.has(at(s, term.first - 1)) && term.term.endsWith('ed')) {
    patient = groupBefore(s, term.first - 1, g);
    doer = at(s, term.last + 1) === 'by' ? groupRightAfter(s, term.last + 1, g) : -1;
  } else {
    patient = groupRightAfter(s, term.last, g);
    doer = groupBefore(s, term.first, g);
  }
  if (patient < 0) return undefined;
  if (patient === 0) return 0;
  return doer === 0 ? 1 : undefined;
}

/** Prepositions whose object is what a negative act is done to ("interference in", "aggression against", "a threat to"). */
const PATIENT_PREPOSITIONS = new Set(['in', 'into', 'on', 'upon', 'against', 'toward', 'towards', 'to']);

/**
 * The patient of a negative act named through a preposition: "Takaichi's remarks interfere in China's internal
 * affairs", "a rehearsal for aggression against the DPRK", "NATO is a threat to Russia". The target right after the
 * preposition (a determiner between is allowed) is what the act is done to: 0 from the act (guideline rule 3, as
 * for an object). Undefined otherwise ("of" is left out: "criticism of" and "the hypocrisy of" name either side).
 * Words that judge the act ("blatant interference") keep the usual attribution: giving them to the act as well
 * measured no better (author CV 0.5829 -> 0.5822, four-seed means).
 */
export function prepositionalPatient(s: ClauseShape, term: ScoredTerm, g: Groups): 0 | undefined {
  const preposition = at(s, term.last + 1);
  if (term.weight >= 0 || !PATIENT_PREPOSITIONS.has(preposition)) return undefined;
  // "in"/"into" name a patient only after an intrusion ("interfere in"); else a place ("the dictators in Pyongyang").
  if ((preposition === 'in' || preposition === 'into') && !INTRUSION.test(term.term)) return undefined;
  return groupRightAfter(s, term.last + 1, g) === 0 ? 0 : undefined;
}

const INTRUSION = /^(interfer|meddl|intru|incursion|interven)/;
