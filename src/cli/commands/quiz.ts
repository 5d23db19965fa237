import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { resolveTopicIds, topicNames } from '../topics.js';
import { interrupted, usageError } from '../../core/errors.js';
import {
  allPackFiles,
  loadPitchTopic,
  loadQuestionBank,
  packFiles,
  readAll,
  readPacks,
  type Sources,
} from '../question-bank.js';
import { historySpec } from '../../store/documents.js';
import type { Bank } from '../../quiz/bank.js';
import { countDue } from '../../quiz/select.js';
import { PITCH_TOPIC, type QuizMode, type Topic } from '../../quiz/types.js';
import type { Prompts } from '../../ui/prompts.js';
import { runQuiz } from '../../runners/quiz.js';
import { quizScreen } from '../quiz-screen.js';
import type { TopicRow } from '../../ui/render/quiz-list.js';

export interface QuizOptions {
  topic?: string;
  /** Checked by the option parsers (src/cli/options.ts). */
  count?: number;
  mode?: QuizMode;
  new?: number;
  bank?: string;
  check?: string | boolean;
  listTopics?: boolean;
  json?: boolean;
  file?: string;
}

/** What tests may replace: the prompts (scripted answers) and the random source. */
export interface QuizDeps {
  prompts?: Prompts;
  rng?: () => number;
}

const DEFAULT_COUNT = 10;

export async function quizCommand(ctx: AppContext, opts: QuizOptions, deps: QuizDeps = {}): Promise<void> {
  const settings = readSettings(opts);
  const checking = opts.check !== undefined && opts.check !== false;
  if (checking && opts.listTopics) throw usageError('quiz.checkAndList', {}, 'quiz.checkAndListHint');
  if (opts.json && !checking && !opts.listTopics) throw usageError('quiz.jsonAlone', {}, 'quiz.jsonHint');
  if (checking) return checkPacks(ctx, opts);
  if (opts.listTopics) return listTopics(ctx, opts);
  const interactive = Boolean(deps.prompts) || ctx.isInteractive();
  // Start loading the prompts while the packs load: the first question appears sooner.
  const prompts: Promise<Prompts> | null = deps.prompts
    ? Promise.resolve(deps.prompts)
    : interactive
      ? import('../../ui/prompts.js').then((m) => m.createPrompts({ t: ctx.t, chalk: ctx.chalk }))
      : null;
  prompts?.catch(() => {}); // awaited later; never an unhandled rejection meanwhile
  await drill(ctx, opts, settings, prompts, deps.rng ?? Math.random);
}

interface Settings {
  count: number;
  newCap: number;
  mode: QuizMode;
}

function readSettings(opts: QuizOptions): Settings {
  const count = opts.count ?? DEFAULT_COUNT;
  return { count, newCap: opts.new ?? count, mode: opts.mode ?? 'mixed' };
}

// ---------------------------------------------------------------- --check and --list-topics

async function checkPacks(ctx: AppContext, opts: QuizOptions): Promise<void> {
  let read: Sources;
  if (typeof opts.check === 'string') {
    const files = packFiles(opts.check);
    if (!files.length) throw usageError('quiz.noPacks', { path: opts.check }, 'quiz.formatHint');
    read = { sources: [], issues: [] };
    readPacks(files, (f) => f, read);
  } else read = readAll(await allPackFiles(ctx, opts));
  // The pack reader, the length check and the list renderer load only here and for --list-topics, not before a question.
  const [{ loadBank }, { findLengthBias }, { checkJson, renderCheck }] = await Promise.all([
    import('../../quiz/bank.js'),
    import('../../quiz/mcq-form.js'),
    import('../../ui/render/quiz-list.js'),
  ]);
  const bank = await loadBank(read.sources);
  const issues = [...read.issues, ...bank.issues];
  const report = {
    packs: read.sources.length + read.issues.length,
    topics: bank.topics.length,
    questions: bank.topics.reduce((n, topic) => n + topic.questions.length, 0),
    issues,
    warnings: findLengthBias(bank.topics.flatMap((topic) => topic.questions)),
  };
  ctx.print(opts.json ? JSON.stringify(checkJson(report, ctx.t), null, 2) : renderCheck(report, ctx.t, ctx.chalk));
  if (issues.length) throw usageError('quiz.checkFailed', { count: issues.length }, 'quiz.checkFailedHint');
}

async function listTopics(ctx: AppContext, opts: QuizOptions): Promise<void> {
  const [bank, pitch, store] = await Promise.all([
    loadQuestionBank(ctx, opts),
    loadPitchTopic(ctx, opts.file),
    ctx.store(),
  ]);
  const cards = store.readCards();
  const now = ctx.now();
  const rows: TopicRow[] = [...bank.topics, pitch].map((topic) => ({
    id: topic.id,
    title: topic.title,
    questions: topic.questions.length,
    due: countDue(topic, cards, now),
    aliases: topic.aliases,
  }));
  const { renderTopics, topicsJson } = await import('../../ui/render/quiz-list.js');
  ctx.print(opts.json ? JSON.stringify(topicsJson(rows), null, 2) : renderTopics(rows, ctx.width(), ctx.t, ctx.chalk));
}

/** --topic "spark,k8s" → topics; the pitch topic is only built when asked for (or for all topics). */
async function resolveTopics(
  ctx: AppContext,
  opts: QuizOptions,
  bank: Bank,
): Promise<{ topics: Topic[]; all: boolean }> {
  const names = topicNames(opts.topic);
  if (!names.length) return { topics: [...bank.topics, await loadPitchTopic(ctx, opts.file)], all: true };
  const stub: Topic = { id: PITCH_TOPIC, title: ctx.t('quiz.pitchTitle'), aliases: [], synonyms: [], questions: [] };
  const byId = new Map(bank.topics.map((topic) => [topic.id, topic]));
  const topics: Topic[] = [];
  for (const id of resolveTopicIds([...bank.topics, stub], names))
    topics.push(id === PITCH_TOPIC ? await loadPitchTopic(ctx, opts.file) : byId.get(id)!);
  return { topics, all: false };
}

// ---------------------------------------------------------------- the session

/** Options → the quiz runner with the terminal, the store and the clock → the summary. */
async function drill(
  ctx: AppContext,
  opts: QuizOptions,
  settings: Settings,
  prompts: Promise<Prompts> | null,
  rng: () => number,
): Promise<void> {
  const [bank, store] = await Promise.all([loadQuestionBank(ctx, opts), ctx.store()]);
  const { topics, all } = await resolveTopics(ctx, opts, bank);
  // Arguments first (a wrong topic is worth knowing even from a script), then the terminal.
  if (!prompts) throw usageError('usage.needsTty', { command: 'quiz' }, 'usage.needsTtyHint');
  const screen = quizScreen(ctx, prompts, {
    titles: new Map(topics.map((topic) => [topic.id, topic.title])),
    namePitch: async () => ctx.print(await (await import('../pitch-file.js')).pitchHeader(ctx, opts.file)),
  });
  const outcome = await runQuiz(
    {
      screen,
      cards: { read: () => store.readCards(), update: (change) => store.updateCards(change) },
      history: { addQuiz: (record) => store.update(historySpec, (doc) => void doc.quizzes.push(record)) },
      now: ctx.now,
      rng,
      newId: randomUUID,
    },
    { topics, all, ...settings },
  );
  if (outcome.kind === 'interrupted') {
    ctx.print(`\n${ctx.t('quiz.interrupted', { count: outcome.rated })}`);
    throw interrupted(outcome.signal);
  }
  if (outcome.kind === 'done') {
    const { renderSummary } = await import('../../ui/render/quiz-summary.js');
    ctx.print(renderSummary(outcome.summary, ctx.now(), ctx.width(), ctx.t, ctx.chalk));
  }
}
