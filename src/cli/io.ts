/** What a CLI subcommand may use to talk to the user. Tests pass their own buffers. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input (for `-` file arguments). */
  readStdin(): Promise<string>;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, failure: 1, usage: 2, inputError: 3 } as const;

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Minimal flag parser: `--name value`, `--flag`, positionals. Unknown flags are reported, not ignored. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(args: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs | string {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (boolFlags.includes(name)) flags.set(name, true);
    else if (valueFlags.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) return `--${name} needs a value`;
      flags.set(name, value);
    } else return `unknown option --${name}`;
  }
  return { positionals, flags };
}
