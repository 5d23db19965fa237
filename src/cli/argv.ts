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
