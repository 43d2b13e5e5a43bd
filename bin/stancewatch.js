#!/usr/bin/env node
// Entry point: runs the TypeScript sources through tsx so `npx stancewatch` needs no build step.
// The Docker image runs the compiled tree (`node dist/cli.js`) instead.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await import(pathToFileURL(join(root, 'src', 'cli.ts')).href);
