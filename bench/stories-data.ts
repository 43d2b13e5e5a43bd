// A deterministic synthetic news stream for the story-clustering benchmark: events (each with its own names and
// words, covered by several outlets over one to three days) in a stream of common news words, noise and unrelated
// one-off articles. Generated lazily in published order, so the benchmark holds one batch at a time.
import type { StoryDoc } from '../src/core/story-types.js';
import { mulberry32 } from '../src/eval/prng.js';

const HOUR = 3_600_000;
const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'ten', 'sha', 'vor', 'bel', 'din', 'gra', 'po', 'zu', 'nik', 'ter', 'ma', 'sel', 'on', 'var', 'li', 'dor'];
const ACTORS = ['NATO', 'United States', 'China', 'Russia', 'European Union', 'Ukraine', 'Iran', 'India', 'Israel', 'United Nations',
  'Japan', 'Turkey', 'Germany', 'France', 'United Kingdom', 'Brazil', 'South Africa', 'Saudi Arabia', 'North Korea', 'Taiwan'];

export interface StreamShape {
  articles: number;
  days: number;
  outlets: number;
  /** Share of articles that belong to no event. */
  unrelated: number;
}

export const DEFAULT_STREAM: StreamShape = { articles: 100_000, days: 30, outlets: 120, unrelated: 0.2 };

function word(random: () => number, parts: number): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)] as string;
  return w;
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

interface Event {
  id: number;
  start: number;
  spanMs: number;
  names: string[];
  words: string[];
  actors: string[];
}

/** The stream: `shape.articles` articles, published in order over `shape.days` days. */
export function* storyStream(shape: StreamShape = DEFAULT_STREAM, seed = 15): Generator<StoryDoc & { event: number }> {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const common = Array.from({ length: 3000 }, () => word(random, 3));
  const zipf = (): string => common[Math.floor(common.length * random() ** 3)] as string;
  const outlets = Array.from({ length: shape.outlets }, (_, i) => `${capital(word(random, 2))} News ${i}`);
  const span = shape.days * 24 * HOUR;
  const step = span / shape.articles;
  const start = Date.UTC(2026, 0, 1);
  const live: Event[] = [];
  let next = 0;
  const newEvent = (at: number): Event => ({
    id: next++, start: at, spanMs: (12 + random() * 60) * HOUR,
    names: Array.from({ length: 4 }, () => capital(word(random, 3))),
    words: Array.from({ length: 10 }, () => word(random, 4)),
    actors: [pick(ACTORS), pick(ACTORS)],
  });
  for (let i = 0; i < shape.articles; i++) {
    const published = Math.round(start + i * step);
    for (let k = live.length - 1; k >= 0; k--) if ((live[k] as Event).start + (live[k] as Event).spanMs < published) live.splice(k, 1);
    while (live.length < 150) live.push(newEvent(published));
    const unrelated = random() < shape.unrelated;
    const event = unrelated ? newEvent(published) : pick(live);
    const own = (n: number): string[] => Array.from({ length: n }, () => (random() < 0.55 ? pick(event.words) : zipf()));
    const title = [pick(event.names), ...own(4), word(random, 3)].join(' ');
    const sentence = (): string => `${capital(zipf())} ${pick(event.names)} ${own(12).join(' ')} ${pick(event.names)} ${word(random, 3)}.`;
    yield {
      id: `a${i}`, outlet: pick(outlets), title, lead: `${sentence()} ${sentence()}`, published,
      actors: event.actors.slice(0, 1 + Math.floor(random() * 2)), event: unrelated ? -1 - i : event.id,
    };
  }
}
