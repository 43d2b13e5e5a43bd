// The only reader of the bundled analysis data: config/actors.yaml, config/lexicon/, models/. Hands plain data
// to src/core. These files ship with the code, so a missing or malformed one is a bug and throws.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { createAnalyser, type Analyser, type AnalyserResources } from './core/analyse.js';
import type { AuthorHeadData } from './core/author-head.js';
import type { AuthorLexiconData } from './core/author.js';
import type { LexiconData } from './core/lexicon.js';
import type { StanceModelData } from './core/model.js';
import type { WordVectorsData } from './core/word-vectors.js';
import type { ActorDef } from './core/types.js';

const actorSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['country', 'organization', 'bloc', 'person', 'region', 'other']),
  aliases: z.array(z.string().min(1)).min(1),
  demonyms: z.array(z.string().min(1)).optional(),
  metonyms: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  prefixes: z.array(z.string().min(1)).optional(),
  anaphors: z.array(z.string().min(1)).optional(),
  governments: z.array(z.string().min(1)).optional(),
  speakers: z.array(z.string().min(1)).optional(),
  speaksFor: z.string().min(1).optional(),
});
export const actorListSchema = z.array(actorSchema);
const actorsFileSchema = z.object({ version: z.number(), actors: actorListSchema }).superRefine((file, ctx) => {
  const names = new Set(file.actors.map((a) => a.name));
  file.actors.forEach((a, i) => {
    if (a.speaksFor !== undefined && !names.has(a.speaksFor)) ctx.addIssue({ code: 'custom', path: ['actors', i, 'speaksFor'], message: `speaksFor names no actor of this file: ${a.speaksFor}` });
  });
});
const framingSchema = z.object({ version: z.number().int(), terms: z.record(z.string(), z.number()) });
const modelSchema = z.object({
  format: z.literal('stancewatch-hashed-lr'),
  version: z.number(),
  lexiconVersion: z.number(),
  bits: z.number().int(),
  ids: z.array(z.number().int()),
  weights: z.array(z.number()),
  fusion: z.object({ beta: z.number(), gamma: z.number(), neutral: z.number(), delta: z.number().optional() }),
  training: z.record(z.string(), z.unknown()),
});

const authorLexiconSchema = z.object({
  version: z.number().int(),
  events: z.array(z.string()),
  feelings: z.array(z.string()),
  terms: z.record(z.string(), z.number()),
  accusations: z.array(z.string()),
  falsehoods: z.array(z.string()),
  dismissals: z.array(z.string()),
  charges: z.array(z.string()),
});
const authorHeadSchema = z.object({
  format: z.literal('stancewatch-author-lr'),
  version: z.number(),
  bits: z.number().int(),
  ids: z.array(z.number().int()),
  weights: z.array(z.number()),
  voice: z.array(z.number()),
  blend: z.number().min(0).max(1),
  neutralMargin: z.number().min(0).max(1),
  aggregate: z.object({ prior: z.number(), threshold: z.number(), votes: z.boolean().optional(), head: z.array(z.number()).optional() }),
  context: z.array(z.number()).optional(),
  training: z.record(z.string(), z.unknown()),
});

/** The repository root: the nearest folder above this module holding config/actors.yaml. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'config', 'actors.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('config/actors.yaml not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

const require = createRequire(import.meta.url);
export const MODEL_PATH = join('models', 'stance.json');
export const AUTHOR_HEAD_PATH = join('models', 'author.json');
/** models/word-vectors.txt (the words, one a line, commonest first) and models/word-vectors.i8 (their int8 vectors). */
export const WORD_VECTORS_PATH = join('models', 'word-vectors');

export function loadActors(root: string): ActorDef[] {
  return actorsFileSchema.parse(parse(readFileSync(join(root, 'config', 'actors.yaml'), 'utf8'))).actors;
}

export function loadLexicon(root: string): LexiconData {
  const framing = framingSchema.parse(parse(readFileSync(join(root, 'config', 'lexicon', 'framing.yaml'), 'utf8')));
  const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
  return { version: framing.version, afinn, framing: framing.terms };
}

export function loadModelData(root: string): StanceModelData {
  return modelSchema.parse(JSON.parse(readFileSync(join(root, MODEL_PATH), 'utf8'))) as StanceModelData;
}

export function loadAuthorLexicon(root: string): AuthorLexiconData {
  return authorLexiconSchema.parse(parse(readFileSync(join(root, 'config', 'lexicon', 'author.yaml'), 'utf8')));
}

export function loadAuthorHead(root: string): AuthorHeadData {
  return authorHeadSchema.parse(JSON.parse(readFileSync(join(root, AUTHOR_HEAD_PATH), 'utf8')));
}

export function loadWordVectors(root: string): WordVectorsData {
  const words = readFileSync(join(root, `${WORD_VECTORS_PATH}.txt`), 'utf8').split('\n').filter((w) => w !== '');
  const bytes = readFileSync(join(root, `${WORD_VECTORS_PATH}.i8`));
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = vectors.length / words.length;
  if (words.length === 0 || !Number.isInteger(dims)) throw new Error(`${WORD_VECTORS_PATH}: ${vectors.length} components do not divide among ${words.length} words`);
  return { words, dims, vectors };
}

export function loadAnalyserResources(rootDir: string = projectRoot()): AnalyserResources {
  return {
    actors: loadActors(rootDir),
    lexicon: loadLexicon(rootDir),
    model: loadModelData(rootDir),
    author: { lexicon: loadAuthorLexicon(rootDir), head: loadAuthorHead(rootDir), vectors: loadWordVectors(rootDir) },
  };
}

export const loadAnalyser = (): Analyser => createAnalyser(loadAnalyserResources());
