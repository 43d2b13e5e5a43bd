// Articles for the /stories and /story tests, written for the tests (no copied journalism): one event (a NATO
// summit decision) covered by four outlets (two print the same quote) with different stances toward NATO and different quoted voices, a
// second event covered by two outlets, and an unrelated article. Another server's feed carries its own story.
import type { SeedArticle } from '../../jobs/story-seed.js';

export const SUMMIT: SeedArticle[] = [
  { id: 'vil-compass', outlet: 'Brussels Compass', event: 'summit', hour: 0,
    title: 'NATO summit in Vilnius agrees new air-defence plan for Ukraine',
    text: 'NATO leaders meeting in Vilnius agreed a new air-defence plan for Ukraine on Wednesday. The alliance praised the plan as a strong and welcome step that will protect civilians and support peace. "This is a proud day for our alliance," said NATO Secretary General Jens Stoltenberg. The Vilnius summit will send more Patriot batteries to Kyiv.' },
  { id: 'vil-harmony', outlet: 'Eastern Harmony', event: 'summit', hour: 3,
    title: 'Vilnius summit: NATO air-defence plan for Ukraine fuels dangerous confrontation',
    text: 'The NATO summit in Vilnius approved an air-defence plan that sends more Patriot batteries to Ukraine. NATO is reckless and aggressive, and its hostile expansion threatens peace and fuels a dangerous confrontation. Kremlin spokesman Dmitry Peskov said NATO was "a hostile, aggressive bloc provoking war". The Vilnius provocation deepens the confrontation, and every provocation brings the confrontation closer to Russia\'s borders.' },
  { id: 'vil-harmony-2', outlet: 'Eastern Harmony', event: 'summit', hour: 6,
    title: 'Commentary: the Vilnius provocation and NATO\'s confrontation with Russia',
    text: 'The Vilnius summit was one more provocation. NATO chose confrontation over dialogue, and each provocation makes the confrontation in Europe harder to end. The Patriot batteries for Ukraine are a provocation, not a path to peace; confrontation is what NATO offers. Confrontation breeds confrontation: after this provocation, the next provocation will come, and the confrontation will widen. Readers should ask who gains from provocation and confrontation.' },
  { id: 'vil-star', outlet: 'Northern Star', event: 'summit', hour: 4,
    title: 'Moscow condemns NATO Vilnius summit plan for Ukraine air defence',
    text: 'Moscow condemned the air-defence plan for Ukraine agreed at the NATO summit in Vilnius. Kremlin spokesman Dmitry Peskov said NATO was "a hostile, aggressive bloc provoking war". The Patriot batteries for Kyiv were announced in Vilnius on Wednesday.' },
  { id: 'vil-ledger', outlet: 'Atlantic Ledger', event: 'summit', hour: 5,
    title: 'NATO Vilnius summit: allies back Ukraine air-defence plan, Patriot batteries',
    text: 'Allies at the NATO summit in Vilnius backed an air-defence plan for Ukraine that adds Patriot batteries for Kyiv. The Vilnius summit statement said the batteries would arrive within months. Officials in Vilnius said the plan would be reviewed next year.' },
];

export const QUAKE: SeedArticle[] = [
  { id: 'quake-wire', outlet: 'Meridian Wire', event: 'quake', hour: 1,
    title: 'Strong earthquake shakes northern Chile, Antofagasta port closed',
    text: 'A magnitude 7.1 earthquake struck northern Chile near Antofagasta on Tuesday. The port of Antofagasta was closed while engineers inspected the docks. Chile\'s emergency office said two people were injured and several roads to the copper mines were blocked by landslides.' },
  { id: 'quake-ledger', outlet: 'Atlantic Ledger', event: 'quake', hour: 2,
    title: 'Chile earthquake: Antofagasta counts the damage after 7.1 tremor',
    text: 'Residents of Antofagasta spent the night outdoors after a 7.1 earthquake hit northern Chile. The port remained closed and copper mines near Antofagasta halted work as landslides blocked access roads. Chile\'s government promised emergency funds for the injured and the damaged homes.' },
];

export const UNRELATED: SeedArticle[] = [
  { id: 'rates-wire', outlet: 'Meridian Wire', event: null, hour: 4,
    title: 'Bank of Japan leaves interest rates unchanged',
    text: 'The Bank of Japan kept its short-term interest rate unchanged on Thursday and said wage growth needed more time. The yen weakened slightly against the dollar after the announcement.' },
];

/** The other server's feed: its own story, which the first server must never see. */
export const FOREIGN: SeedArticle[] = [
  { id: 'alps-herald', outlet: 'Alpine Herald', event: 'alps', hour: 1,
    title: 'Avalanche closes Gotthard pass, Swiss rail tunnel traffic rerouted',
    text: 'An avalanche closed the Gotthard pass in Switzerland on Monday and rail traffic through the Gotthard tunnel was rerouted. Swiss rescuers searched the slopes above Airolo.' },
  { id: 'alps-post', outlet: 'Lakeside Post', event: 'alps', hour: 2,
    title: 'Gotthard avalanche: Airolo rescuers search slopes, tunnel trains rerouted',
    text: 'Rescuers in Airolo searched the slopes after an avalanche blocked the Gotthard pass. Trains through the Gotthard tunnel were rerouted while Swiss engineers checked the tracks.' },
];
