import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../context.js';
import { BUNDLED_PITCH, BUNDLED_QUESTIONS } from '../context.js';
import { PitchError, usageError } from '../../core/errors.js';
import { readTextInput, isErrno } from '../../io/input.js';
import { cardsSpec, historySpec } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { findTopic, loadBank, type Bank } from '../../quiz/bank.js';
import { PITCH_TOPIC } from '../../quiz/pack.js';
import { countDue, selectCram, selectSession } from '../../quiz/select.js';
import { buildItems, runSession, type SessionItem, type SessionPorts } from '../../quiz/session.js';
import { summarizeSession, toSessionRecord } from '../../quiz/summary.js';
import { applyReview, previewDue, revertReview, type UndoToken } from '../../quiz/schedule.js';
import { QUIZ_MODES, type PackIssue, type PackSource, type QuizMode, type RatingValue, type StoredCard, type Topic } from '../../quiz/types.js';
import type { Prompts } from '../../ui/prompts.js';
import { formatSpan, formatWhen, renderAgain, renderGrade, renderQuestion, renderUndone } from '../../ui/render/quiz.js';
import { checkJson, formatIssue, renderCheck, renderTopics, topicsJson, type TopicRow } from '../../ui/render/quiz-list.js';

export interface QuizOptions {
  topic?: string;
  count?: string;
  mode?: string;
  new?: string;
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

const MAX_COUNT = 500;
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
  const count = opts.count === undefined ? DEFAULT_COUNT : wholeNumber(opts.count);
  if (count === null || count < 1 || count > MAX_COUNT) throw usageError('quiz.badCount', { value: String(opts.count), max: MAX_COUNT }, 'quiz.countHint');
  const newCap = opts.new === undefined ? count : wholeNumber(opts.new);
  if (newCap === null) throw usageError('quiz.badNew', { value: String(opts.new) }, 'quiz.countHint');
  const mode = (opts.mode ?? 'mixed').trim().toLowerCase();
  if (!(QUIZ_MODES as readonly string[]).includes(mode)) throw usageError('quiz.badMode', { value: String(opts.mode) }, 'quiz.modeHint', { list: QUIZ_MODES.join(', ') });
  return { count, newCap, mode: mode as QuizMode };
}

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null;
}

// ---------------------------------------------------------------- reading packs

interface Sources {
  sources: PackSource[];
  issues: PackIssue[];
}

/** The .yaml files of a directory (sorted), or the file itself. A missing path is a usage error. */
function packFiles(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) throw usageError('quiz.bankMissing', { path }, 'quiz.bankHint');
    throw error;
  }
  if (!isDir) return [path];
  return readdirSync(path)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** Reads pack files; a file that cannot be read becomes a pack issue, not a crash. */
function readPacks(files: readonly string[], nameOf: (file: string) => string, into: Sources): void {
  for (const file of files) {
    try {
      into.sources.push({ name: nameOf(file), text: readTextInput(file) });
    } catch (error) {
      if (!(error instanceof PitchError)) throw error;
      into.issues.push({ file: nameOf(file), line: 0, key: error.key, params: error.params });
    }
  }
}

/** A pack file to load and what messages call it. */
interface PackFile {
  path: string;
  name: string;
}

/** Bundled packs, then $PITCH_HOME/questions, then --bank: the merge order. */
async function allPackFiles(ctx: AppContext, opts: QuizOptions): Promise<PackFile[]> {
  const files = packFiles(BUNDLED_QUESTIONS).map((path) => ({ path, name: basename(path) }));
  const home = join((await ctx.store()).home, 'questions');
  if (isDirectory(home)) files.push(...packFiles(home).map((path) => ({ path, name: path })));
  if (opts.bank) files.push(...packFiles(opts.bank).map((path) => ({ path, name: path })));
  return files;
}

function readAll(files: readonly PackFile[]): Sources {
  const out: Sources = { sources: [], issues: [] };
  readPacks(files.map((f) => f.path), (path) => files.find((f) => f.path === path)!.name, out);
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every pack, merged and validated; unchanged packs come from the cache. Problems are told once, on stderr. */
async function loadEverything(ctx: AppContext, opts: QuizOptions): Promise<Bank> {
  const files = await allPackFiles(ctx, opts);
  const bank = await cached(ctx, 'quiz-bank', files, [], async () => {
    const { sources, issues } = readAll(files);
    const loaded = await loadBank(sources);
    return { ...loaded, issues: [...issues, ...loaded.issues] };
  });
  if (bank.issues.length) {
    ctx.warn(ctx.chalkErr.yellow(ctx.t('quiz.packWarning', { count: bank.issues.length, first: formatIssue(bank.issues[0]!, ctx.t) })));
  }
  return bank;
}

/** The user's pitch as a topic (cached: building it means loading the Markdown parser). */
async function loadPitchTopic(ctx: AppContext, opts: QuizOptions): Promise<Topic> {
  const path = opts.file ?? (ctx.env.PITCH_FILE?.trim() || BUNDLED_PITCH);
  return cached(ctx, 'quiz-pitch', [{ path, name: path }], [ctx.lang], async () => {
    const [{ pitchTopic }, pitch] = await Promise.all([import('../../quiz/pitch-cards.js'), ctx.loadPitch(opts.file)]);
    const { t } = ctx;
    return pitchTopic(pitch, {
      title: t('quiz.pitchTitle'),
      recallPrompt: (intro, count) => (intro ? t('quiz.pitch.recall', { intro, count }) : t('quiz.pitch.recallNoIntro', { count })),
      where: (section) => t('quiz.pitch.where', { number: section.number, title: section.title }),
    });
  });
}

// ---------------------------------------------------------------- cache

let codeStamp: Buffer | undefined;
/** A hash of this program's code: a new version (or build) never trusts what an older one computed. */
function stampOfCode(): Buffer {
  codeStamp ??= createHash('sha1').update(readFileSync(fileURLToPath(import.meta.url))).digest();
  return codeStamp;
}

/**
 * What parsing and validating files produced, kept in $PITCH_HOME/cache/<slot>.json and reused while
 * the files' bytes, the language and the program are the same (a 5,000-question bank then loads in
 * a few milliseconds instead of a few hundred). A missing, damaged or unwritable cache only costs time.
 */
async function cached<T>(ctx: AppContext, slot: string, files: readonly PackFile[], extra: readonly string[], compute: () => Promise<T>): Promise<T> {
  const hash = createHash('sha1').update(stampOfCode()).update(`${slot}\0${extra.join('\0')}\0`);
  for (const file of files) {
    hash.update(`${file.path}\0${file.name}\0`);
    try {
      hash.update(readFileSync(file.path));
    } catch {
      hash.update('\0missing\0'); // compute() reports it properly
    }
  }
  const key = hash.digest('hex');
  const store = await ctx.store();
  // One file per set of paths, so alternating --bank directories do not evict each other.
  const paths = createHash('sha1').update(files.map((f) => f.path).join('\0')).digest('hex').slice(0, 12);
  const name = `cache/${slot}-${paths}.json`;
  try {
    const doc = JSON.parse(readFileSync(store.path(name), 'utf8')) as { key?: string; data?: T };
    if (doc.key === key && doc.data !== undefined) return doc.data;
  } catch {
    // no cache yet, or a damaged one: recompute
  }
  const data = await compute();
  try {
    store.writeAtomic(name, JSON.stringify({ key, data }));
  } catch {
    // a read-only data directory only loses the speed-up
  }
  return data;
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
  };
  ctx.print(opts.json ? JSON.stringify(checkJson(report, ctx.t), null, 2) : renderCheck(report, ctx.t, ctx.chalk));
  if (issues.length) throw usageError('quiz.checkFailed', { count: issues.length }, 'quiz.checkFailedHint');
}

async function listTopics(ctx: AppContext, opts: QuizOptions): Promise<void> {
  const [bank, pitch, store] = await Promise.all([loadEverything(ctx, opts), loadPitchTopic(ctx, opts), ctx.store()]);
  const cards = store.read(cardsSpec).cards;
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
async function resolveTopics(ctx: AppContext, opts: QuizOptions, bank: Bank): Promise<{ topics: Topic[]; all: boolean }> {
  const names = (opts.topic ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  if (!names.length) return { topics: [...bank.topics, await loadPitchTopic(ctx, opts)], all: true };
  const stub: Topic = { id: PITCH_TOPIC, title: ctx.t('quiz.pitchTitle'), aliases: [], synonyms: [], questions: [] };
  const candidates = [...bank.topics, stub];
  const topics: Topic[] = [];
  for (const name of names) {
    const found = findTopic(candidates, name);
    if (found.kind === 'unknown') {
      if (!found.closest.length) throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicNoClose');
      throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicHint', { list: found.closest.map((c) => c.id).join(', ') });
    }
    const topic = found.topic === stub ? await loadPitchTopic(ctx, opts) : found.topic;
    if (!topics.some((x) => x.id === topic.id)) topics.push(topic);
  }
  return { topics, all: false };
}

// ---------------------------------------------------------------- the session

async function drill(ctx: AppContext, opts: QuizOptions, settings: Settings, promptsLoading: Promise<Prompts> | null, rng: () => number): Promise<void> {
  const { t, chalk } = ctx;
  const [bank, store] = await Promise.all([loadEverything(ctx, opts), ctx.store()]);
  const { topics, all } = await resolveTopics(ctx, opts, bank);
  // Arguments first (a wrong topic is worth knowing even from a script), then the terminal.
  if (!promptsLoading) throw usageError('usage.needsTty', { command: 'quiz' }, 'usage.needsTtyHint');
  const promptsReady = promptsLoading;
  if (all && !topics.some((topic) => topic.questions.length)) throw usageError('quiz.emptyBank', {}, 'quiz.emptyBankHint');
  const cards = store.read(cardsSpec).cards;
  const now = ctx.now();
  const topicNames = topics.map((topic) => topic.id).join(', ');
  const selection = selectSession({ topics, cards, now, count: settings.count, newCap: settings.newCap, mode: settings.mode, rng });
  if (selection.pool === 0) throw usageError('quiz.noQuestions', { mode: settings.mode, topics: topicNames }, 'quiz.noQuestionsHint');

  let cram = false;
  let questions = selection.questions;
  if (!questions.length) {
    const next = earliestDue(topics, cards);
    ctx.print(next ? t('quiz.cram.none', { topics: topicNames, when: formatWhen(next, now, t) }) : t('quiz.cram.noneNoNext', { topics: topicNames }));
    const prompts = await promptsReady;
    if (!(await prompts.askConfirm({ message: t('quiz.cram.offer'), default: true }))) {
      ctx.print(t('quiz.cram.declined'));
      return;
    }
    cram = true;
    questions = selectCram({ topics, cards, now, count: settings.count, mode: settings.mode, rng });
    ctx.print(chalk.yellow(t('quiz.cram.banner')));
  } else {
    const due = Math.min(selection.due, questions.length);
    ctx.print(chalk.dim(t('quiz.start', { count: questions.length, due, fresh: questions.length - due })));
  }

  const titles = new Map(topics.map((topic) => [topic.id, topic.title]));
  const synonyms = new Map(topics.map((topic) => [topic.id, topic.synonyms]));
  const session = randomUUID();
  const ports = sessionPorts(ctx, store, promptsReady, { cards, cram, session, titles });
  const result = await runSession(buildItems(questions, rng), ports, { cram, synonyms: (id) => synonyms.get(id) ?? [] });

  if (result.rated.length) {
    const record = toSessionRecord(result, session, all ? [] : topics.map((topic) => topic.id), settings.mode);
    store.update(historySpec, (doc) => void doc.quizzes.push(record));
  }
  if (result.interrupted) {
    ctx.print(`\n${t('quiz.interrupted', { count: result.rated.length })}`);
    throw new PitchError('interrupted', 'error.interrupted');
  }
  const after = store.read(cardsSpec).cards;
  const { renderSummary } = await import('../../ui/render/quiz-summary.js');
  const summary = summarizeSession(result, topics, after, ctx.now());
  ctx.print(renderSummary(summary, ctx.now(), ctx.width(), t, chalk));
}

function earliestDue(topics: readonly Topic[], cards: Readonly<Record<string, StoredCard>>): string | null {
  let best: string | null = null;
  for (const topic of topics) {
    for (const q of topic.questions) {
      const due = cards[q.id]?.due;
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
          if ((item.shown?.right.length ?? 1) > 1) return { kind: 'choice', chosen: await prompts.askChoices({ message: t('quiz.prompt.choices'), options }) };
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
      const intervals = state.cram ? undefined : previewIntervals(state.cards[item.question.id], ctx);
      return prompts.askRating({ suggestion: request.suggestion, canUndo: request.canUndo, intervals, width: ctx.width() });
    },
    showUndone(item) {
      ctx.print(renderUndone(item, ctx.width(), t, chalk));
    },
    save(item, rating, seconds) {
      const q = item.question;
      return store.update(cardsSpec, (doc) =>
        applyReview(doc, { questionId: q.id, topic: q.topic, kind: q.kind, rating, seconds, session: state.session, now: ctx.now() }),
      );
    },
    unsave(token) {
      store.update(cardsSpec, (doc) => revertReview(doc, token as UndoToken));
    },
  };
}

function previewIntervals(card: StoredCard | undefined, ctx: AppContext): Partial<Record<RatingValue, string>> {
  const now = ctx.now();
  const due = previewDue(card, now);
  const span = (r: RatingValue) => formatSpan(due[r].getTime() - now.getTime(), ctx.t);
  return { 1: span(1), 2: span(2), 3: span(3), 4: span(4) };
}
