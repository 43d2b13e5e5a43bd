// Articles for the story-clustering tests, written for the tests (no copied journalism): a few events each covered
// by several outlets, unrelated articles from the same days, and a generator of many synthetic events (made-up
// place names, so each event's articles share names no other event has) for the crash and concurrency tests.
import type { ArticleAnalysis } from '../../src/core/types.js';
import type { NewArticle, Store } from '../../src/store/index.js';
import { analyser } from './fixtures.js';

const HOUR = 3_600_000;

export interface SeedArticle {
  id: string;
  outlet: string;
  title: string;
  text: string;
  /** Hours after the seed's start. */
  hour: number;
  /** The event it covers (for the expectations), or null when unrelated to every other article. */
  event: string | null;
}

export const EVENT_ARTICLES: SeedArticle[] = [
  { id: 'quake-wire', outlet: 'Meridian Wire', event: 'quake', hour: 0,
    title: 'Strong earthquake shakes northern Chile, Antofagasta port closed',
    text: 'A magnitude 7.1 earthquake struck northern Chile near Antofagasta on Tuesday. The port of Antofagasta was closed while engineers inspected the docks. Chile\'s emergency office said two people were injured and several roads to the copper mines were blocked by landslides.' },
  { id: 'quake-ledger', outlet: 'Atlantic Ledger', event: 'quake', hour: 2,
    title: 'Chile earthquake: Antofagasta counts the damage after 7.1 tremor',
    text: 'Residents of Antofagasta spent the night outdoors after a 7.1 earthquake hit northern Chile. The port remained closed and copper mines near Antofagasta halted work as landslides blocked access roads. Chile\'s government promised emergency funds for the injured and the damaged homes.' },
  { id: 'quake-harmony', outlet: 'Eastern Harmony', event: 'quake', hour: 5,
    title: 'Chinese copper buyers watch Antofagasta after Chile earthquake',
    text: 'Copper traders are watching the port of Antofagasta after a strong earthquake in northern Chile closed it on Tuesday. Mines near Antofagasta stopped work while landslides were cleared. Chile supplies much of the copper that Chinese factories use.' },
  { id: 'summit-compass', outlet: 'Brussels Compass', event: 'summit', hour: 1,
    title: 'NATO summit in Vilnius agrees new air-defence plan for Ukraine',
    text: 'NATO leaders meeting in Vilnius agreed a new air-defence plan for Ukraine on Wednesday. The alliance said the Vilnius summit would send more Patriot batteries to Kyiv. Russia condemned the decision as a provocation.' },
  { id: 'summit-harmony', outlet: 'Eastern Harmony', event: 'summit', hour: 4,
    title: 'Vilnius summit: NATO air-defence plan for Ukraine fuels confrontation',
    text: 'The NATO summit in Vilnius approved an air-defence plan that sends more Patriot batteries to Ukraine. Russia warned that the Vilnius decision would prolong the conflict, and Beijing urged NATO to stop fuelling confrontation.' },
  { id: 'rates-wire', outlet: 'Meridian Wire', event: null, hour: 3,
    title: 'Bank of Japan leaves interest rates unchanged',
    text: 'The Bank of Japan kept its short-term interest rate unchanged on Thursday and said wage growth needed more time. The yen weakened slightly against the dollar after the announcement.' },
  { id: 'football-observer', outlet: 'Straits Observer', event: null, hour: 6,
    title: 'Singapore clinches regional football title on penalties',
    text: 'Singapore won the regional football championship after a tense penalty shoot-out in the final. The goalkeeper saved two penalties and thousands of fans celebrated at the national stadium.' },
];

const analyses = new Map<string, ArticleAnalysis>();

/** The real analysis of the text (cached: synthetic articles share a few texts' analyses). */
export function analysisOf(article: { title: string; text: string }, key = `${article.title}\n${article.text}`): ArticleAnalysis {
  let a = analyses.get(key);
  if (!a) {
    a = analyser.analyse(article);
    analyses.set(key, a);
  }
  return a;
}

/** Stores the articles as delivered by `feedId` and analysed (in the same transaction), `start` being hour 0. */
export async function seedArticles(store: Store, feedId: number, articles: SeedArticle[], start: number, now = start + 1000 * HOUR, analysisKey?: (a: SeedArticle) => string): Promise<void> {
  for (let i = 0; i < articles.length; i += 1000) {
    const part = articles.slice(i, i + 1000);
    const items: NewArticle[] = part.map((a) => ({ id: a.id, link: `https://news.example/${a.id}`, outlet: a.outlet, title: a.title, publishedAt: start + a.hour * HOUR, text: a.text }));
    await store.insertArticles(feedId, items, {
      eligible: true, now,
      analyses: { items: part.map((a) => ({ articleId: a.id, analysis: analysisOf(a, analysisKey?.(a)) })), meta: { modelVersion: 'test', now } },
    });
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'te', 'va', 'do', 'ne', 'si', 'pu', 'ga', 'zo', 'be', 'fi', 'ho', 'ju', 'ly', 'qa', 'wy', 'xe'];

/** A made-up capitalised name, different for every n. */
function placeName(n: number, salt: number): string {
  let name = '';
  let x = n * 7 + salt;
  for (let k = 0; k < 4; k++) {
    name += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) + k + 1;
  }
  return name.charAt(0).toUpperCase() + name.slice(1) + `${n}`;
}

const OUTLETS = ['Meridian Wire', 'Atlantic Ledger', 'Eastern Harmony', 'Brussels Compass', 'Straits Observer'];

/**
 * `events` synthetic events, `perEvent` articles each from different outlets, one event every `spacingHours`:
 * each names its own made-up town and river and uses its own made-up words, so no two events look alike. The
 * analysis of one representative text is reused for all.
 */
export function syntheticEvents(events: number, perEvent: number, spacingHours = 1): SeedArticle[] {
  const out: SeedArticle[] = [];
  for (let e = 0; e < events; e++) {
    const town = placeName(e, 3);
    const river = placeName(e, 11);
    const words = Array.from({ length: 6 }, (_, k) => placeName(e, 17 + 5 * k).toLowerCase());
    for (let k = 0; k < perEvent; k++) {
      const outlet = OUTLETS[k % OUTLETS.length] as string;
      out.push({
        id: `ev${e}-${k}`, outlet, event: `ev${e}`, hour: e * spacingHours + k * 0.1,
        title: k % 2 === 0 ? `${town} ${words[0]} ${words[1]} near the ${river}` : `${river} ${words[1]} ${words[0]} in ${town}`,
        text: `${town} ${words[2]} ${words[3]} the ${river}, ${words[4]} ${words[0]}. ` +
          `${words[5]} ${town} ${words[1]} ${words[2]} ${river} ${words[3]}. Report ${k} from ${outlet}.`,
      });
    }
  }
  return out;
}

/** All synthetic articles share this analysis key (one analysis computed, reused). */
export const SYNTHETIC_ANALYSIS = (): string => 'synthetic';
