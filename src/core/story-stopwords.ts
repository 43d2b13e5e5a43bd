// English function words, reporting verbs, calendar words and news boilerplate that say nothing about which event
// an article covers. Used by story clustering and framing terms. Pure data.
//
// Written here rather than taken from a package (stopword, stopwords-en): the list is small, news-specific
// (reporting verbs, weekdays, months) and adding a dependency would mean widening core's allowed packages.

const FUNCTION_WORDS =
  'a about above after again against all almost also although always am among an and another any anyone anything are ' +
  'around as at be became because become been before being below between both but by can could did do does doing done ' +
  'down during each either else enough even ever every few for from further had has have having he her here hers ' +
  'herself him himself his how however i if in into is it its itself just last least less like made make many may me ' +
  'might more most much must my myself near neither never new next no nor not now of off often on once one only onto ' +
  'or other others our ours ourselves out over own per perhaps quite rather same several shall she should since so ' +
  'some such than that the their theirs them themselves then there these they this those though through thus to too ' +
  'toward towards under until up upon us very via was we well were what whatever when where whether which while who ' +
  'whom whose why will with within without would yet you your yours yourself still already amid against across ' +
  'two three four five six seven eight nine ten first second third lot lots way ways thing things get got gets going';

const NEWS_WORDS =
  'said says say saying told tells tell telling according added adding noted stated statement stressed reported ' +
  'reports report reporting announced announces claimed claims asked asks spoke speaking speaks comments comment ' +
  'news article update updated latest breaking live video photo photos image images read also see watch exclusive ' +
  'week weeks day days today yesterday tomorrow time times year years month months hour hours minute minutes ' +
  'morning evening night tonight ago earlier later recently recent local official officials people percent ' +
  'monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun ' +
  'january february march april may june july august september october november december ' +
  'jan feb mar apr jun jul aug sep sept oct nov dec';

export const STOPWORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${NEWS_WORDS}`.split(/\s+/));

export const isStopword = (word: string): boolean => STOPWORDS.has(word);
