// Import rules for src/ (see docs/architecture.md). Data flows one way:
// feeds -> fetch -> parse -> analyse -> store -> digest -> discord.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make layers meaningless.',
      from: {}, to: { circular: true } },
    { name: 'core-is-pure', severity: 'error',
      comment: 'src/core is pure logic: it imports nothing outside src/core but pure packages: the sentiment lexicon engine, zod for validating data handed in, and the language detectors eld (n-gram tables as JS modules, no I/O) and franc-min (only to tell Indonesian from Malay, which eld does not separate), and croner (the one cron dialect: parses expressions and computes run times in IANA zones with Intl; a Cron made without a function schedules nothing).',
      from: { path: '(^|/)src/core/' },
      to: { pathNot: ['(^|/)src/core/', 'node_modules/(sentiment|zod|eld|franc-min|croner)/'] } },
    { name: 'core-no-io', severity: 'error', comment: 'src/core does no I/O.',
      from: { path: '(^|/)src/core/' }, to: { dependencyTypes: ['core'] } },
    { name: 'ingest-layer', severity: 'error', comment: 'src/ingest may use only src/core (and packages).',
      from: { path: '(^|/)src/ingest/' },
      to: { path: '(^|/)src/', pathNot: ['(^|/)src/core/', '(^|/)src/ingest/'] } },
    { name: 'store-layer', severity: 'error', comment: 'src/store may use only src/core (and packages).',
      from: { path: '(^|/)src/store/' },
      to: { path: '(^|/)src/', pathNot: ['(^|/)src/core/', '(^|/)src/store/'] } },
    { name: 'report-layer', severity: 'error', comment: 'src/report renders core data to files; it may use only src/core (and packages).',
      from: { path: '(^|/)src/report/' },
      to: { path: '(^|/)src/', pathNot: ['(^|/)src/core/', '(^|/)src/report/'] } },
    { name: 'jobs-not-discord', severity: 'error', comment: 'Jobs hand work to Discord through the store outbox.',
      from: { path: '(^|/)src/jobs/' }, to: { path: '(^|/)src/(discord|cli)/' } },
    { name: 'discord-not-ingest-or-jobs-internals', severity: 'error',
      comment: 'The bot reaches ingest and jobs only through the src/jobs/api.ts facade.',
      from: { path: '(^|/)src/discord/' },
      to: { path: '(^|/)src/(ingest/|jobs/(?!api\\.ts$)|cli/|main\\.ts|config\\.ts)' } },
    { name: 'config-only-from-roots', severity: 'error',
      comment: 'Only the composition root and CLI read configuration; others take parameters.',
      from: { pathNot: '(^|/)src/(main\\.ts|main-parts\\.ts|cli/|cli\\.ts|config\\.ts)' }, to: { path: '(^|/)src/config\\.ts$' } },
    { name: 'nobody-imports-roots', severity: 'error', comment: 'main.ts and cli.ts are entry points.',
      from: { pathNot: '(^|/)src/(cli/|cli\\.ts)' }, to: { path: '(^|/)src/(main|cli)\\.ts$' } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
  },
};
