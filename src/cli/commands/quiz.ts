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
import type { Store } from '../../store/store.js';
import { loadBank, type Bank } from '../../quiz/bank.js';
import { PITCH_TOPIC } from '../../quiz/pack.js';
import { countDue, selectCram, selectSession } from '../../quiz/select.js';
import { buildItems, runSession, type SessionItem, type SessionPorts } from '../../quiz/session.js';
import { summarizeSession, toSessionRecord } from '../../quiz/summary.js';
import { applyReview, cardOf, previewDue, revertReview, type UndoToken } from '../../quiz/schedule.js';
import type { QuizMode, RatingValue, StoredCard, Topic } from '../../quiz/types.js';
import type { Prompts } from '../../ui/prompts.js';
import {
  formatSpan,
  formatWhen,
  renderAgain,
  renderGrade,
  renderQuestion,
  renderUndone,
} from '../../ui/render/quiz.js';
import { findLengthBias } from '../../quiz/mcq-form.js';
import { wrapText } from '../../ui/text-layout.js';
import { checkJson, renderCheck, renderTopics, topicsJson, type TopicRow } from '../../ui/render/quiz-list.js';

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

async function drill(
  ctx: AppContext,
  opts: QuizOptions,
  settings: Settings,
  promptsLoading: Promise<Prompts> | null,
  rng: () => number,
): Promise<void> {
  const { t, chalk } = ctx;
  const [bank, store] = await Promise.all([loadQuestionBank(ctx, opts), ctx.store()]);
  const { topics, all } = await resolveTopics(ctx, opts, bank);
  // Arguments first (a wrong topic is worth knowing even from a script), then the terminal.
  if (!promptsLoading) throw usageError('usage.needsTty', { command: 'quiz' }, 'usage.needsTtyHint');
  const promptsReady = promptsLoading;
  if (all && !topics.some((topic) => topic.questions.length))
    throw usageError('quiz.emptyBank', {}, 'quiz.emptyBankHint');
  const cards = store.readCards();
  const now = ctx.now();
  const topicNames = topics.map((topic) => topic.id).join(', ');
  const selection = selectSession({
    topics,
    cards,
    now,
    count: settings.count,
    newCap: settings.newCap,
    mode: settings.mode,
    rng,
  });
  if (selection.pool === 0)
    throw usageError('quiz.noQuestions', { mode: settings.mode, topics: topicNames }, 'quiz.noQuestionsHint');

  // The session's header names the pitch when its cards are in play.
  if (topics.some((topic) => topic.id === PITCH_TOPIC)) {
    const { pitchHeader } = await import('../pitch-file.js');
    ctx.print(await pitchHeader(ctx, opts.file));
  }
  let cram = false;
  let questions = selection.questions;
  if (!questions.length) {
    const next = earliestDue(topics, cards);
    ctx.print(
      wrapText(
        next
          ? t('quiz.cram.none', { topics: topicNames, when: formatWhen(next, now, t) })
          : t('quiz.cram.noneNoNext', { topics: topicNames }),
        ctx.width(),
      ).join('\n'),
    );
    const prompts = await promptsReady;
    if (!(await prompts.askConfirm({ message: t('quiz.cram.offer'), default: true }))) {
      ctx.print(t('quiz.cram.declined'));
      return;
    }
    cram = true;
    questions = selectCram({ topics, cards, now, count: settings.count, mode: settings.mode, rng });
    ctx.print(
      wrapText(t('quiz.cram.banner'), ctx.width())
        .map((l) => chalk.yellow(l))
        .join('\n'),
    );
  } else {
    const due = Math.min(selection.due, questions.length);
    ctx.print(
      wrapText(t('quiz.start', { count: questions.length, due, fresh: questions.length - due }), ctx.width())
        .map((l) => chalk.dim(l))
        .join('\n'),
    );
  }

  const titles = new Map(topics.map((topic) => [topic.id, topic.title]));
  const synonyms = new Map(topics.map((topic) => [topic.id, topic.synonyms]));
  const session = randomUUID();
  const ports = sessionPorts(ctx, store, promptsReady, { cards, cram, session, titles });
  const result = await runSession(buildItems(questions, rng), ports, {
    cram,
    synonyms: (id) => synonyms.get(id) ?? [],
  });

  if (result.rated.length) {
    const record = toSessionRecord(result, session, all ? [] : topics.map((topic) => topic.id), settings.mode);
    try {
      store.update(historySpec, (doc) => void doc.quizzes.push(record));
    } catch (error) {
      throw result.saveError ?? error;
    }
  }
  // A rating that could not be saved ends the session: its sentence, after the session's record is kept.
  if (result.saveError) throw result.saveError;
  if (result.interrupted) {
    ctx.print(`\n${t('quiz.interrupted', { count: result.rated.length })}`);
    throw interrupted(result.signal ?? null);
  }
  const after = store.readCards();
  const { renderSummary } = await import('../../ui/render/quiz-summary.js');
  const summary = summarizeSession(result, topics, after, ctx.now());
  ctx.print(renderSummary(summary, ctx.now(), ctx.width(), t, chalk));
}

function earliestDue(topics: readonly Topic[], cards: Readonly<Record<string, StoredCard>>): string | null {
  let best: string | null = null;
  for (const topic of topics) {
    for (const q of topic.questions) {
      const due = cardOf(cards, q.id)?.due;
      if (due && (best === null || Date.parse(due) < Date.parse(best))) best = due;
    }
  }
  return best;
}

/** The session's ports: prompts and renderers for the terminal, the store for each rating. */
function sessionPorts(
  ctx: AppContext,
  store: Store,
  promptsReady: Promise<Prompts>,
  state: { cards: Readonly<Record<string, StoredCard>>; cram: boolean; session: string; titles: Map<string, string> },
): SessionPorts {
  const { t, chalk } = ctx;
  return {
    now: ctx.now,
    async ask(item, index, total) {
      const q = item.question;
      ctx.print(renderQuestion(item, index, total, state.titles.get(q.topic) ?? q.topic, ctx.width(), t, chalk));
      const prompts = await promptsReady;
      switch (q.kind) {
        case 'mcq': {
          const options = item.shown?.options ?? q.options ?? [];
          if ((item.shown?.right.length ?? 1) > 1)
            return { kind: 'choice', chosen: await prompts.askChoices({ message: t('quiz.prompt.choices'), options }) };
          return { kind: 'choice', chosen: [await prompts.askChoice({ message: t('quiz.prompt.choice'), options })] };
        }
        case 'open':
          return { kind: 'text', text: await prompts.askAnswer({ message: t('quiz.prompt.answer'), multiline: true }) };
        case 'cloze':
          return { kind: 'text', text: await prompts.askAnswer({ message: t('quiz.prompt.blank'), multiline: false }) };
        case 'flash':
          await prompts.askReveal({ message: t('quiz.prompt.reveal') });
          return { kind: 'revealed' };
      }
    },
    showGrade(item, grade) {
      ctx.print(renderGrade(item, grade, ctx.width(), t, chalk));
    },
    async rate(item: SessionItem, request) {
      if (request.again) ctx.print(renderAgain(item, request.index, request.total, ctx.width(), t, chalk));
      const prompts = await promptsReady;
      const intervals = state.cram ? undefined : previewIntervals(cardOf(state.cards, item.question.id), ctx);
      return prompts.askRating({
        suggestion: request.suggestion,
        preselect: request.preselect,
        canUndo: request.canUndo,
        intervals,
        width: ctx.width(),
      });
    },
    showUndone(item) {
      ctx.print(renderUndone(item, ctx.width(), t, chalk));
    },
    save(item, rating, seconds) {
      const q = item.question;
      return store.updateCards((cardState) =>
        applyReview(cardState, {
          questionId: q.id,
          topic: q.topic,
          kind: q.kind,
          rating,
          seconds,
          session: state.session,
          now: ctx.now(),
        }),
      );
    },
    unsave(token) {
      store.updateCards((cardState) => revertReview(cardState, token as UndoToken));
    },
  };
}

function previewIntervals(card: StoredCard | undefined, ctx: AppContext): Partial<Record<RatingValue, string>> {
  const now = ctx.now();
  const due = previewDue(card, now);
  const span = (r: RatingValue) => formatSpan(due[r].getTime() - now.getTime(), ctx.t);
  return { 1: span(1), 2: span(2), 3: span(3), 4: span(4) };
}
