import { Command, CommanderError, Help, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { AppContext } from './context.js';
import type { MessageKey, Translate } from '../i18n/index.js';
import { createContext } from './context.js';
import { detectLang, isLang } from '../i18n/lang.js';
import { langArgument } from './argv.js';
import { PitchError, exitCodeOf, EXIT, usageError } from '../core/errors.js';
import { formatError } from '../ui/render/error.js';
import { sanitizeParams } from '../ui/sanitize.js';
import { exitIfTerminalGone, guardTerminal } from '../ui/terminal.js';
import { describeCommanderError } from './commander-errors.js';
import { countOption, durationOption, modeOption, promptOption } from './options.js';

/** The options checked at the edge that more than a default differs in (src/cli/options.ts). */
const QUIZ_COUNT = countOption('quiz.badCount', 'quiz.countHint', { min: 1, max: 500, digits: 6 });
const QUIZ_NEW = countOption('quiz.badNew', 'quiz.countHint', { min: 0, max: 999_999, digits: 6 });
const INTERVIEW_QUESTIONS = countOption(
  'interview.badQuestions',
  'interview.badQuestionsHint',
  { min: 1, max: 20, digits: 3 },
  { max: 20 },
);
const ANSWER_TIME = durationOption('interview.badAnswerTime', 'interview.badAnswerTimeHint', { min: 10, max: 600 });

let pendingCommanderMessage = '';

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
  'Global Options:': 'cli.help.globalOptions',
};

/** Each command's module, for preloading; the actions import the same modules again (free once loaded). */
const COMMAND_MODULES: Record<string, () => Promise<unknown>> = {
  init: () => import('./commands/init.js'),
  sections: () => import('./commands/sections.js'),
  show: () => import('./commands/show.js'),
  rehearse: () => import('./commands/rehearse.js'),
  quiz: () => import('./commands/quiz.js'),
  interview: () => import('./commands/interview.js'),
  history: () => import('./commands/history.js'),
  analyze: () => import('./commands/analyze.js'),
  stats: () => import('./commands/stats.js'),
  export: () => import('./commands/export.js'),
  report: () => import('./commands/report.js'),
  grade: () => import('./commands/grade.js'),
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
export function createProgram(ctx: AppContext): Command {
  const { t } = ctx;
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
      await Promise.all([COMMAND_MODULES[action.name()]?.(), action.opts().json ? undefined : ctx.ready()]);
    })
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
      // Commander's own usage errors ("unknown option") are printed by handleError, once chalk is loaded.
      outputError: (s) => (pendingCommanderMessage = s.replace(/^error:\s*/, '').trim()),
    })
    // Commander's own headings ("Usage:", "Options:"…) in the user's language; subcommands inherit it.
    // and commander's own notes after an option, « (default: "auto") », too.
    .configureHelp({
      styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title),
      optionDescription(option) {
        return translateDefaults(Help.prototype.optionDescription.call(this, option), t);
      },
      argumentDescription(argument) {
        return translateDefaults(Help.prototype.argumentDescription.call(this, argument), t);
      },
    })
    .addHelpText(
      'after',
      `\n${t('cli.examples')}\n` + EXAMPLES.map(([command, key]) => `  $ ${command.padEnd(36)}# ${t(key)}`).join('\n'),
    );

  const withFile = (cmd: Command) => cmd.option('-f, --file <path>', t('cli.opt.file'));

  program
    .command('init')
    .description(t('cli.cmd.init'))
    .argument('[file]', t('cli.arg.initFile'))
    .option('--reset', t('cli.opt.reset'))
    .action(async (file: string | undefined, opts: import('./commands/init.js').InitOptions) => {
      const { initCommand } = await import('./commands/init.js');
      await initCommand(ctx, file, opts);
    });

  withFile(program.command('sections'))
    .description(t('cli.cmd.sections'))
    .option('--json', t('cli.opt.json'))
    .action(async (opts: { file?: string; json?: boolean }) => {
      const { sectionsCommand } = await import('./commands/sections.js');
      await sectionsCommand(ctx, opts);
    });

  withFile(program.command('show'))
    .description(t('cli.cmd.show'))
    .argument('[section]', t('cli.arg.section'))
    .action(async (section: string | undefined, opts: { file?: string }) => {
      const { showCommand } = await import('./commands/show.js');
      await showCommand(ctx, section, opts);
    });

  withFile(program.command('rehearse'))
    .description(t('cli.cmd.rehearse'))
    .argument('[section]', t('cli.arg.rehearseSection'))
    .option(
      '-t, --target <duration>',
      t('cli.opt.target'),
      durationOption('rehearse.badTarget', 'rehearse.badTargetHint'),
    )
    .option('--prompt <level>', t('cli.opt.prompt'), promptOption, 'auto')
    .option('--from <n>', t('cli.opt.from'))
    .option('--only <n>', t('cli.opt.only'))
    .option('--practice', t('cli.opt.practice'))
    .option('--no-countdown', t('cli.opt.noCountdown'))
    .option('--record', t('cli.opt.record'))
    .action(async (section: string | undefined, opts: import('./commands/rehearse.js').RehearseOptions) => {
      const { rehearseCommand } = await import('./commands/rehearse.js');
      await rehearseCommand(ctx, section, opts);
    });

  withFile(program.command('quiz'))
    .description(t('cli.cmd.quiz'))
    .option('--topic <topics>', t('cli.opt.topic'))
    .option('-n, --count <n>', t('cli.opt.count'), QUIZ_COUNT)
    .option('-m, --mode <mode>', t('cli.opt.mode'), modeOption)
    .option('--new <n>', t('cli.opt.new'), QUIZ_NEW)
    .option('--bank <dir>', t('cli.opt.bank'))
    .option('--check [dir]', t('cli.opt.check'))
    .option('--list-topics', t('cli.opt.listTopics'))
    .option('--json', t('cli.opt.json'))
    .action(async (opts: import('./commands/quiz.js').QuizOptions) => {
      const { quizCommand } = await import('./commands/quiz.js');
      await quizCommand(ctx, opts);
    });

  withFile(program.command('interview'))
    .description(t('cli.cmd.interview'))
    .option('-q, --questions <n>', t('cli.opt.questions'), INTERVIEW_QUESTIONS)
    .option('--answer-time <duration>', t('cli.opt.answerTime'), ANSWER_TIME)
    .option('--topics <topics>', t('cli.opt.topics'))
    .option('--prompt <level>', t('cli.opt.prompt'), promptOption)
    .option('--speak', t('cli.opt.speak'))
    .option('--no-pitch', t('cli.opt.noPitch'))
    .option('--no-countdown', t('cli.opt.noCountdown'))
    .option('--record', t('cli.opt.record'))
    .action(async (opts: import('./commands/interview.js').InterviewOptions) => {
      const { interviewCommand } = await import('./commands/interview.js');
      await interviewCommand(ctx, opts);
    });

  withFile(program.command('grade'))
    .description(t('cli.cmd.grade'))
    .argument('[question-id]', t('cli.arg.questionId'))
    .argument('[answer...]', t('cli.arg.answer'))
    .option('--json', t('cli.opt.json'))
    .option('--batch <file>', t('cli.opt.batch'))
    .option('--bank <dir>', t('cli.opt.bank'))
    .option('--topic <topics>', t('cli.opt.gradeTopic'))
    .action(async (id: string | undefined, answer: string[], opts: import('./commands/grade.js').GradeOptions) => {
      const { gradeCommand } = await import('./commands/grade.js');
      await gradeCommand(ctx, id, answer, opts);
    });

  const history = program
    .command('history')
    .description(t('cli.cmd.history'))
    .option('--json', t('cli.opt.json'))
    .action(async (opts: { json?: boolean }) => {
      const { historyCommand } = await import('./commands/history.js');
      await historyCommand(ctx, opts);
    });
  history
    .command('delete')
    .description(t('cli.cmd.historyDelete'))
    .argument('<id>', t('cli.arg.historyId'))
    .option('-y, --yes', t('cli.opt.yes'))
    .action(async (id: string, opts: { yes?: boolean }) => {
      const { historyDeleteCommand } = await import('./commands/history.js');
      await historyDeleteCommand(ctx, id, opts);
    });
  history
    .command('undo')
    .description(t('cli.cmd.historyUndo'))
    .option('-y, --yes', t('cli.opt.yes'))
    .action(async (opts: { yes?: boolean }) => {
      const { historyUndoCommand } = await import('./commands/history.js');
      await historyUndoCommand(ctx, opts);
    });

  withFile(program.command('analyze'))
    .description(t('cli.cmd.analyze'))
    .argument('<audio>', t('cli.arg.audioFile'))
    .option('-s, --section <section>', t('cli.opt.analyzeSection'))
    .option('--json', t('cli.opt.json'))
    .action(async (audio: string, opts: import('./commands/analyze.js').AnalyzeCommandOptions) => {
      const { analyzeCommand } = await import('./commands/analyze.js');
      await analyzeCommand(ctx, audio, opts);
    });

  withFile(program.command('stats'))
    .description(t('cli.cmd.stats'))
    .option('--section <section>', t('cli.opt.statsSection'))
    .option('--topic <topics>', t('cli.opt.statsTopic'))
    .option('--since <period>', t('cli.opt.since'))
    .option('--json', t('cli.opt.json'))
    .action(async (opts: import('./commands/stats.js').StatsOptions) => {
      const { statsCommand } = await import('./commands/stats.js');
      await statsCommand(ctx, opts);
    });

  withFile(program.command('report'))
    .description(t('cli.cmd.report'))
    .option('-o, --out <file>', t('cli.opt.reportOut'))
    .option('--open', t('cli.opt.reportOpen'))
    .option('--section <section>', t('cli.opt.statsSection'))
    .option('--topic <topics>', t('cli.opt.statsTopic'))
    .option('--since <period>', t('cli.opt.since'))
    .action(async (opts: import('./commands/report.js').ReportOptions) => {
      const { reportCommand } = await import('./commands/report.js');
      await reportCommand(ctx, opts);
    });

  program
    .command('export')
    .description(t('cli.cmd.export'))
    .option('--csv <dir>', t('cli.opt.csv'))
    .option('--delimiter <char>', t('cli.opt.delimiter'))
    .action(async (opts: { csv?: string; delimiter?: string }) => {
      const { exportCommand } = await import('./commands/export.js');
      await exportCommand(ctx, opts);
    });

  return program;
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
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      return EXIT.ok;
    await ctx.ready();
    const { message, hint } = describeCommanderError(ctx.t, error.code, pendingCommanderMessage || error.message);
    ctx.warn(formatError(ctx.t, ctx.chalkErr, message, hint));
    return EXIT.usage;
  }
  await ctx.ready();
  if (error instanceof PitchError) {
    if (error.kind === 'interrupted') {
      ctx.warn(ctx.t('error.interrupted'));
      return exitCodeOf(error);
    }
    ctx.warn(
      formatError(
        ctx.t,
        ctx.chalkErr,
        ctx.t(error.key, sanitizeParams(error.params)),
        error.hint ? ctx.t(error.hint, sanitizeParams(error.hintParams)) : undefined,
      ),
    );
    if (env.PITCH_DEBUG) ctx.warn(error.stack ?? '');
    return exitCodeOf(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.warn(
    formatError(
      ctx.t,
      ctx.chalkErr,
      ctx.t('error.unexpected', sanitizeParams({ message })),
      ctx.t('error.unexpectedHint'),
    ),
  );
  if (env.PITCH_DEBUG && error instanceof Error) ctx.warn(error.stack ?? '');
  return EXIT.failure;
}
