// Explicit time-zone abbreviation table for feed dates (offsets in minutes east of UTC).
// Ambiguous abbreviations resolve to the reading RFC 822 / US usage gives them (CST = US Central, not
// China Standard; IST = India; BST = British Summer) and are reported back so the caller can warn.

export const ZONE_OFFSETS: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WEZ: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  ET: -300, CT: -360, MT: -420, PT: -480,
  BST: 60, IST: 330, CET: 60, CEST: 120, MET: 60, MEST: 120, MEZ: 60, MESZ: 120, WEST: 60, WESZ: 60,
  EET: 120, EEST: 180, OEZ: 120, OESZ: 180, MSK: 180, MSD: 240,
  PKT: 300, HKT: 480, SGT: 480, AWST: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780,
};

/** Abbreviations with more than one common meaning; the table holds the reading chosen above. */
export const AMBIGUOUS_ZONES: ReadonlySet<string> = new Set(['CST', 'CDT', 'IST', 'BST', 'AST', 'ADT', 'EST', 'CT']);
