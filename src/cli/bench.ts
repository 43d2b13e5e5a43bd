// `stancewatch bench [--json] [--only NAME] [--write FILE]`: runs the benchmarks in bench/ and prints one table.
// With --write, the figures and the machine they came from are written as Markdown (docs/benchmarks.md).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../resources.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';

type BenchFn = () => Promise<Record<string, number>>;

/** Benchmark name -> module in bench/ and its exported function. Targets are the issues' acceptance figures. */
const BENCHES: Record<string, { file: string; fn: string; targets: Record<string, string> }> = {
  analysis: { file: 'analysis.ts', fn: 'benchAnalysis', targets: { 'analysis.articles_per_s': '>= 1000' } },
  poll: {
    file: 'poll.ts', fn: 'benchPoll',
    targets: { 'poll.cold_feeds_per_s': '>= 100', 'poll.all304_feeds_per_s': '>= 500', 'poll.peak_rss_mb': '<= 300' },
  },
  summary: { file: 'summary.ts', fn: 'benchSummary', targets: { 'summary.sqlite_p95_ms': '<= 50', 'summary.postgres_p95_ms': '<= 50' } },
  digest: { file: 'digest.ts', fn: 'benchDigest', targets: {} },
  bot: { file: 'bot.ts', fn: 'benchBot', targets: {} },
  soak: { file: 'soak.ts', fn: 'benchSoak', targets: {} },
  stories: { file: 'stories.ts', fn: 'benchStories', targets: { 'stories.articles_per_s': '>= 5000' } },
};

interface Row {
  bench: string;
  metric: string;
  value: number;
  target: string;
}

async function runBench(name: string, io: CliIo): Promise<Row[]> {
  const spec = BENCHES[name];
  if (!spec) return [];
  io.err(`bench: running ${name}…`);
  const module = (await import(pathToFileURL(join(projectRoot(), 'bench', spec.file)).href)) as Record<string, BenchFn>;
  const fn = module[spec.fn];
  if (!fn) throw new Error(`bench/${spec.file} does not export ${spec.fn}`);
  const figures = await fn();
  return Object.entries(figures).map(([metric, value]) => ({ bench: name, metric, value, target: spec.targets[metric] ?? '' }));
}

/** Runs `stancewatch bench --only NAME --json` as a child process with this process's Node flags. */
async function runBenchApart(name: string, io: CliIo): Promise<Row[]> {
  const script = process.argv[1] ?? join(projectRoot(), 'bin', 'stancewatch.js');
  const child = spawn(process.execPath, [...process.execArgv, script, 'bench', '--only', name, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`bench ${name} exited with code ${code}`);
  io.err(`bench: ${name} done`);
  return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { results: Row[] }).results;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function table(rows: Row[]): string {
  const header = '| bench | metric | value | target |\n| --- | --- | ---: | --- |';
  return [header, ...rows.map((r) => `| ${r.bench} | ${r.metric} | ${r.value} | ${r.target} |`)].join('\n');
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['only', 'write'], ['json']);
  if (typeof parsed === 'string') {
    io.err(`stancewatch bench: ${parsed}\nUsage: stancewatch bench [--json] [--only ${Object.keys(BENCHES).join('|')}] [--write FILE]`);
    return EXIT.usage;
  }
  const only = parsed.flags.get('only');
  const names = typeof only === 'string' ? only.split(',') : Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length > 0) {
    io.err(`stancewatch bench: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHES).join(', ')})`);
    return EXIT.usage;
  }
  const rows: Row[] = [];
  // Several benchmarks: each in a process of its own (same Node flags), so none inherits another's heap, JIT state
  // or resident memory (peak RSS is a target). One: in this process.
  for (const name of names) rows.push(...(names.length > 1 ? await runBenchApart(name, io) : await runBench(name, io)));
  const when = new Date().toISOString();
  if (parsed.flags.get('json') === true) io.out(JSON.stringify({ machine: machine(), when, results: rows }, null, 2));
  else io.out(`${table(rows)}\n\nMachine: ${machine()}`);
  const write = parsed.flags.get('write');
  if (typeof write === 'string') {
    writeFileSync(write, `# Benchmarks\n\nProduced by \`npm run bench\` on ${when}.\n\nMachine: ${machine()}\n\n${table(rows)}\n`);
    io.err(`bench: wrote ${write}`);
  }
  return EXIT.ok;
};
