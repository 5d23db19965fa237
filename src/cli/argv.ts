/** Finds --lang before commander runs, so help text is already in the right language. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/** `pitch --help`, `pitch -h`, `pitch --version`, `pitch -V` or plain `pitch`, with at most a --lang: what the quick path answers. */
export function quickRequest(argv: readonly string[]): 'help' | 'version' | null {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i]!.startsWith('--lang=')) rest.push(argv[i]!);
  }
  if (rest.length === 0) return 'help';
  if (rest.length !== 1) return null;
  return rest[0] === '--help' || rest[0] === '-h'
    ? 'help'
    : rest[0] === '--version' || rest[0] === '-V'
      ? 'version'
      : null;
}

/** The command's name: the first word that is not an option (nor --lang's value); null for none. */
export function commandName(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1] ?? null;
    if (arg === '--lang') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return null;
}

/** `pitch analyze` as the quick entry answers it (src/cli/quick-analyze.ts). */
export interface AnalyzeRequest {
  /** --lang's value, when given (a valid one: anything else is left to the full program). */
  lang?: string;
  audio: string;
  opts: { section?: string; file?: string; json?: boolean };
}

const ANALYZE_VALUES: Record<string, 'section' | 'file'> = {
  '-s': 'section',
  '--section': 'section',
  '-f': 'file',
  '--file': 'file',
};

/**
 * `pitch analyze AUDIO` with --json, -s/--section S, -f/--file F, each at most once, and --lang L
 * (en/fr) once anywhere: the arguments the quick entry runs the command with, read as commander reads
 * them. Null for any other shape (help, `--opt=value`, `--`, a missing or doubled value, an unknown
 * option, a second file, an unknown language…): the full program answers those, with its messages.
 */
export function analyzeRequest(argv: readonly string[]): AnalyzeRequest | null {
  const request: Partial<AnalyzeRequest> & { opts: AnalyzeRequest['opts'] } = { opts: {} };
  let command = false;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      if (lang !== undefined) return null;
      lang = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (lang !== 'en' && lang !== 'fr') return null;
    } else if (!command) {
      if (arg !== 'analyze') return null;
      command = true;
    } else if (arg === '--json') {
      if (request.opts.json) return null;
      request.opts.json = true;
    } else if (arg in ANALYZE_VALUES) {
      const key = ANALYZE_VALUES[arg]!;
      const value = argv[++i];
      if (request.opts[key] !== undefined || value === undefined || value.startsWith('-')) return null;
      request.opts[key] = value;
    } else if (arg.startsWith('-') || request.audio !== undefined) return null;
    else request.audio = arg;
  }
  if (!command || request.audio === undefined) return null;
  return { ...(lang === undefined ? {} : { lang }), audio: request.audio, opts: request.opts };
}
