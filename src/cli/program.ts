import { Command, CommanderError, Help, type HelpConfiguration, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { AppContext } from './context.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { createContext } from './context.js';
import { detectLang, isLang } from '../i18n/lang.js';
import { langArgument } from './argv.js';
import { EXIT, usageError } from '../core/errors.js';
import { formatError } from '../ui/render/error.js';
import { reportError } from './report-error.js';
import { exitIfTerminalGone, guardTerminal } from '../ui/terminal.js';
import { describeCommanderError } from './commander-errors.js';
import { COMMANDS, type CommandRow } from './command-table.js';

let pendingCommanderMessage = '';

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

const EXAMPLES: Array<[string, MessageKey]> = [
  ['pitch init', 'cli.ex.init'],
  ['pitch rehearse', 'cli.ex.rehearse'],
  ['pitch rehearse 2.3 --target 3m', 'cli.ex.rehearseSection'],
  ['pitch rehearse --record', 'cli.ex.record'],
  ['pitch quiz --topic spark', 'cli.ex.quiz'],
  ['pitch interview --questions 3', 'cli.ex.interview'],
  ['pitch sections', 'cli.ex.sections'],
  ['pitch show 1', 'cli.ex.show'],
  ['pitch stats --since 30d', 'cli.ex.stats'],
  ['pitch history --json', 'cli.ex.history'],
  ['pitch report --open', 'cli.ex.report'],
  ['pitch grade ID "réponse"', 'cli.ex.grade'],
  ['pitch --lang en --help', 'cli.ex.lang'],
];

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Builds the program. Each action lazily imports its command module, so `pitch --help`
 * loads none of marked, inquirer, ora or ts-fsrs.
 */
export function createProgram(ctx: AppContext, commands: readonly CommandRow[] = COMMANDS): Command {
  const { t } = ctx;
  const rows = new Map<Command, CommandRow>();
  const program = new Command('pitch')
    .description(t('cli.description'))
    .version(pkg.version, '-V, --version', t('cli.opt.version'))
    .helpOption('-h, --help', t('cli.opt.help'))
    .helpCommand('help [command]', t('cli.cmd.help'))
    .addOption(new Option('--lang <lang>', t('cli.opt.lang')))
    .showSuggestionAfterError(true)
    .exitOverride()
    // Every command gets colours loaded before it runs; --json output and --help never load them.
    .hook('preAction', async (_program, action) => {
      // Load, side by side: the command's module (its action's own import() then finds it loaded),
      // the store, and colours for text output. One after the other they cost a few ms each.
      ctx.store().catch(() => {});
      await Promise.all([rows.get(action)?.load(), action.opts().json ? undefined : ctx.ready()]);
    })
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      // Commander's own usage errors ("unknown option") are printed by handleError, once chalk is loaded.
      outputError: (s) => (pendingCommanderMessage = s.replace(/^error:\s*/, '').trim()),
    })
    .configureHelp(translatedHelp(t))
    .addHelpText('after', examples(t));
  for (const row of commands) declareCommand(program, row, ctx, rows);
  return program;
}

/** A row of the command table as a commander command (its subcommands too), run with its module. */
function declareCommand(parent: Command, row: CommandRow, ctx: AppContext, rows: Map<Command, CommandRow>): void {
  const command = parent.command(row.name);
  row.declare(command, ctx.t);
  command.action(async (...args: unknown[]) => row.run(await row.load(), ctx, args));
  rows.set(command, row);
  for (const sub of row.subcommands ?? []) declareCommand(command, sub, ctx, rows);
}

/** Commander's own headings ("Usage:", "Options:"…) in the user's language, subcommands included, and its notes after an option, « (default: "auto") », too. */
function translatedHelp(t: Translate): HelpConfiguration {
  return {
    styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title),
    optionDescription(option) {
      return translateDefaults(Help.prototype.optionDescription.call(this, option), t);
    },
    argumentDescription(argument) {
      return translateDefaults(Help.prototype.argumentDescription.call(this, argument), t);
    },
  };
}

function examples(t: Translate): string {
  return (
    `\n${t('cli.examples')}\n` + EXAMPLES.map(([command, key]) => `  $ ${command.padEnd(36)}# ${t(key)}`).join('\n')
  );
}

/** Commander's « (default: "auto") » in the user's language and quotes. */
function translateDefaults(text: string, t: Translate): string {
  return text.replace(/\(default: "?([^")]*)"?\)/g, (_, value: string) => t('cli.help.default', { value }));
}

/** The full program: parses argv, runs the command, maps every error to one sentence and an exit code. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const args = argv.slice(2);
  const requested = langArgument(args);
  const ctx = createContext(detectLang(requested, env), env);
  guardTerminal();
  try {
    if (requested !== undefined && !isLang(requested))
      throw usageError(
        requested.trim() ? 'usage.badLang' : 'usage.missingLang',
        { value: requested },
        'usage.langHint',
      );
    const program = createProgram(ctx);
    if (args.length === 0) {
      program.outputHelp();
      return;
    }
    await program.parseAsync(argv as string[]);
  } catch (error) {
    process.exitCode = await handleError(ctx, error, env);
  }
  // Whatever was finished is saved by now: a process whose terminal went away ends by SIGHUP.
  exitIfTerminalGone();
}

export async function handleError(ctx: AppContext, error: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  if (error instanceof CommanderError) return commanderExit(ctx, error);
  return reportError(ctx, error, env);
}

/** Commander's help and version end well; its usage errors get pitch's sentence and hint, exit 2. */
async function commanderExit(ctx: AppContext, error: CommanderError): Promise<number> {
  if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return EXIT.ok;
  await ctx.ready();
  const { message, hint } = describeCommanderError(ctx.t, error.code, pendingCommanderMessage || error.message);
  ctx.warn(formatError(ctx.t, ctx.chalkErr, message, hint));
  return EXIT.usage;
}
