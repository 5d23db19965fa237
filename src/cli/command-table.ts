import { ANALYZE_ROW } from './analyze-row.js';
import { type CommandRow, row, withFile } from './command-row.js';
import { countOption, durationOption, modeOption, promptOption } from './options.js';

export type { CommandRow } from './command-row.js';

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
const TARGET = durationOption('rehearse.badTarget', 'rehearse.badTargetHint');

const loadHistory = () => import('./commands/history.js');

/**
 * The single list of commands. The program (program.ts) declares each from its row, in this order (the
 * order of `pitch --help`), loads its module beside the store and colours, and runs it; the help the
 * build records is that program's help; the argv table test drives every row. A command exists when,
 * and only when, it has a row here.
 */
export const COMMANDS: readonly CommandRow[] = [
  row({
    name: 'init',
    load: () => import('./commands/init.js'),
    declare: (c, t) =>
      c.description(t('cli.cmd.init')).argument('[file]', t('cli.arg.initFile')).option('--reset', t('cli.opt.reset')),
    run: (m, ctx, file: string | undefined, opts: import('./commands/init.js').InitOptions) =>
      m.initCommand(ctx, file, opts),
  }),
  row({
    name: 'sections',
    load: () => import('./commands/sections.js'),
    declare: (c, t) => withFile(c, t).description(t('cli.cmd.sections')).option('--json', t('cli.opt.json')),
    run: (m, ctx, opts: { file?: string; json?: boolean }) => m.sectionsCommand(ctx, opts),
  }),
  row({
    name: 'show',
    load: () => import('./commands/show.js'),
    declare: (c, t) => withFile(c, t).description(t('cli.cmd.show')).argument('[section]', t('cli.arg.section')),
    run: (m, ctx, section: string | undefined, opts: { file?: string }) => m.showCommand(ctx, section, opts),
  }),
  row({
    name: 'rehearse',
    load: () => import('./commands/rehearse.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.rehearse'))
        .argument('[section]', t('cli.arg.rehearseSection'))
        .option('-t, --target <duration>', t('cli.opt.target'), TARGET)
        .option('--prompt <level>', t('cli.opt.prompt'), promptOption, 'auto')
        .option('--from <n>', t('cli.opt.from'))
        .option('--only <n>', t('cli.opt.only'))
        .option('--practice', t('cli.opt.practice'))
        .option('--no-countdown', t('cli.opt.noCountdown'))
        .option('--record', t('cli.opt.record')),
    run: (m, ctx, section: string | undefined, opts: import('./commands/rehearse.js').RehearseOptions) =>
      m.rehearseCommand(ctx, section, opts),
  }),
  row({
    name: 'quiz',
    load: () => import('./commands/quiz.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.quiz'))
        .option('--topic <topics>', t('cli.opt.topic'))
        .option('-n, --count <n>', t('cli.opt.count'), QUIZ_COUNT)
        .option('-m, --mode <mode>', t('cli.opt.mode'), modeOption)
        .option('--new <n>', t('cli.opt.new'), QUIZ_NEW)
        .option('--bank <dir>', t('cli.opt.bank'))
        .option('--check [dir]', t('cli.opt.check'))
        .option('--list-topics', t('cli.opt.listTopics'))
        .option('--json', t('cli.opt.json')),
    run: (m, ctx, opts: import('./commands/quiz.js').QuizOptions) => m.quizCommand(ctx, opts),
  }),
  row({
    name: 'interview',
    load: () => import('./commands/interview.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.interview'))
        .option('-q, --questions <n>', t('cli.opt.questions'), INTERVIEW_QUESTIONS)
        .option('--answer-time <duration>', t('cli.opt.answerTime'), ANSWER_TIME)
        .option('--topics <topics>', t('cli.opt.topics'))
        .option('--prompt <level>', t('cli.opt.prompt'), promptOption)
        .option('--speak', t('cli.opt.speak'))
        .option('--no-pitch', t('cli.opt.noPitch'))
        .option('--no-countdown', t('cli.opt.noCountdown'))
        .option('--record', t('cli.opt.record')),
    run: (m, ctx, opts: import('./commands/interview.js').InterviewOptions) => m.interviewCommand(ctx, opts),
  }),
  row({
    name: 'grade',
    load: () => import('./commands/grade.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.grade'))
        .argument('[question-id]', t('cli.arg.questionId'))
        .argument('[answer...]', t('cli.arg.answer'))
        .option('--json', t('cli.opt.json'))
        .option('--batch <file>', t('cli.opt.batch'))
        .option('--bank <dir>', t('cli.opt.bank'))
        .option('--topic <topics>', t('cli.opt.gradeTopic')),
    run: (m, ctx, id: string | undefined, answer: string[], opts: import('./commands/grade.js').GradeOptions) =>
      m.gradeCommand(ctx, id, answer, opts),
  }),
  row({
    name: 'history',
    load: loadHistory,
    declare: (c, t) => c.description(t('cli.cmd.history')).option('--json', t('cli.opt.json')),
    run: (m, ctx, opts: { json?: boolean }) => m.historyCommand(ctx, opts),
    subcommands: [
      row({
        name: 'delete',
        load: loadHistory,
        declare: (c, t) =>
          c
            .description(t('cli.cmd.historyDelete'))
            .argument('<id>', t('cli.arg.historyId'))
            .option('-y, --yes', t('cli.opt.yes')),
        run: (m, ctx, id: string, opts: { yes?: boolean }) => m.historyDeleteCommand(ctx, id, opts),
      }),
      row({
        name: 'undo',
        load: loadHistory,
        declare: (c, t) => c.description(t('cli.cmd.historyUndo')).option('-y, --yes', t('cli.opt.yes')),
        run: (m, ctx, opts: { yes?: boolean }) => m.historyUndoCommand(ctx, opts),
      }),
    ],
  }),
  ANALYZE_ROW,
  row({
    name: 'stats',
    load: () => import('./commands/stats.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.stats'))
        .option('--section <section>', t('cli.opt.statsSection'))
        .option('--topic <topics>', t('cli.opt.statsTopic'))
        .option('--since <period>', t('cli.opt.since'))
        .option('--json', t('cli.opt.json')),
    run: (m, ctx, opts: import('./commands/stats.js').StatsOptions) => m.statsCommand(ctx, opts),
  }),
  row({
    name: 'report',
    load: () => import('./commands/report.js'),
    declare: (c, t) =>
      withFile(c, t)
        .description(t('cli.cmd.report'))
        .option('-o, --out <file>', t('cli.opt.reportOut'))
        .option('--open', t('cli.opt.reportOpen'))
        .option('--section <section>', t('cli.opt.statsSection'))
        .option('--topic <topics>', t('cli.opt.statsTopic'))
        .option('--since <period>', t('cli.opt.since')),
    run: (m, ctx, opts: import('./commands/report.js').ReportOptions) => m.reportCommand(ctx, opts),
  }),
  row({
    name: 'export',
    load: () => import('./commands/export.js'),
    declare: (c, t) =>
      c
        .description(t('cli.cmd.export'))
        .option('--csv <dir>', t('cli.opt.csv'))
        .option('--delimiter <char>', t('cli.opt.delimiter')),
    run: (m, ctx, opts: { csv?: string; delimiter?: string }) => m.exportCommand(ctx, opts),
  }),
];
