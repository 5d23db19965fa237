import { BUNDLED_PITCH, resolvedPath, type AppContext } from '../context.js';
import type { PitchLang } from '../../pitch/language.js';
import type { Translate } from '../../i18n/index.js';
import { allPackFiles, loadPitchTopic, loadQuestionBank } from '../question-bank.js';
import { cached } from '../cache.js';
import { usageError } from '../../core/errors.js';
import type { Store } from '../../store/store.js';
import type { Attempt } from '../../rehearsal/types.js';
import type { Pitch } from '../../pitch/model.js';
import { findSection } from '../../pitch/lookup.js';
import type { StoredCard, Topic } from '../../quiz/types.js';
import { dayToIso, type DayClock, localDayClock } from '../../stats/days.js';
import type { StatsReport } from '../../stats/types.js';
import { parseSince } from '../../stats/since.js';
import { REVIEW_TABLE_FOLD, type ReviewTable } from '../../stats/review-table.js';
import { computeStats, partsShown, summaryReport } from '../../stats/compute.js';
import { statsSummaryFold } from '../../stats/summary.js';
import { type AttemptTable, HISTORY_TABLE_FOLD, hasSection, latestRecorded } from '../../stats/history-table.js';
import type { QuizTopicInfo, SessionInfo } from '../../stats/quiz.js';
import { resolveSection } from './resolve-section.js';
import { timeZoneName } from '../time-zone.js';
import { keepColoursOnly } from '../../ui/sanitize.js';
import { randomUUID } from 'node:crypto';
import { statsJson } from '../../stats/report-json.js';

export interface StatsOptions {
  json?: boolean;
  section?: string;
  topic?: string;
  since?: string;
  file?: string;
}

/** What `pitch stats` computed, with the data it came from (the report page draws from both). */
export interface PreparedStats {
  report: StatsReport;
  data: StatsData;
  clock: DayClock;
  sinceDay: number | null;
}

export async function statsCommand(ctx: AppContext, opts: StatsOptions): Promise<void> {
  const narrowed = opts.section !== undefined || opts.topic !== undefined || opts.since !== undefined;
  const report = narrowed ? (await prepareStats(ctx, opts)).report : await summaryStats(ctx, opts.file);
  if (opts.json) {
    // The report in pieces, then its newline: at a year of data the report is 1.9 MB of text, and joining
    // the pieces would make one more copy of it at the peak of memory. JSON escapes every C0 control (ESC
    // included), so the guard removes the same characters from each piece as from the whole text.
    for (const piece of statsJson(report, randomUUID())) ctx.stdout.write(keepColoursOnly(piece));
    ctx.stdout.write('\n');
    return;
  }
  const [{ renderStats }, { pitchHeader }, { statsFormat }] = await Promise.all([
    import('../../ui/render/stats.js'),
    import('../pitch-file.js'),
    import('../stats-format.js'),
  ]);
  ctx.print(await pitchHeader(ctx, opts.file));
  const format = statsFormat(await ctx.store(), ctx.lang);
  ctx.print(renderStats(report, { width: ctx.width(), lang: ctx.lang, t: ctx.t, chalk: ctx.chalk, format }));
}

/**
 * The report without --since, --section or --topic, from statistics' summary (stats/summary.ts), which the
 * store keeps with the logs' tails: a run reads days, sections and what was logged since, not a year of
 * attempts and reviews. Prints what prepareStats' report would (scripts/compare-stats.mjs checks it).
 */
async function summaryStats(ctx: AppContext, file: string | undefined): Promise<StatsReport> {
  const now = ctx.now();
  const store = await ctx.store();
  const clock = localDayClock(timeZoneName(store));
  const topics = await topicInfos(ctx, file);
  const legacyPitchFile = resolvedPath(BUNDLED_PITCH);
  // Days are counted in the zone's rules as this Node's ICU has them: other zone data, another summary.
  const summary = store.foldBoth(statsSummaryFold(clock, process.versions.tz ?? '', legacyPitchFile));
  const cards = store.readCards();
  const files = new Set(summary.rehearsals.paceFiles.map((f) => (f === '' ? legacyPitchFile : f)));
  const pitchLangs = await pitchLanguages(ctx, files);
  return summaryReport(summary, { now, clock, cards, topics, pitchLangs, legacyPitchFile });
}

/** Options checked, history and cards read, statistics computed: shared by `pitch stats` and `pitch report`. */
export async function prepareStats(ctx: AppContext, opts: StatsOptions): Promise<PreparedStats> {
  const now = ctx.now();
  // The process's own zone (TZ, else the system's): days and streaks are the user's days.
  const clock = localDayClock();
  const today = clock.dayOf(now.getTime());
  const sinceDay = opts.since === undefined ? null : readSince(opts.since, today);
  const wantsTopics = opts.topic !== undefined;
  const parts = partsShown(opts.section ?? null, wantsTopics ? [] : null);

  const store = await ctx.store();
  // Bad --section or --topic values are answered before the (possibly large) history is read.
  let read: StatsData | undefined;
  const data = () => (read ??= readStatsData(store));
  // The pitch names sections (for --section) and is itself a quiz topic; the packs only matter for the quiz.
  const pitch = opts.section !== undefined ? await ctx.loadPitch(opts.file) : null;
  const sectionId =
    opts.section === undefined ? null : resolveStatsSection(pitch!, opts.section, () => data().attempts, ctx.t);
  const { topics, topicIds } = parts.quiz
    ? await quizTopics(ctx, opts.file, opts.topic, () => data().reviews)
    : { topics: [], topicIds: null };
  const all = data();
  const { attempts, reviews, cards, sessions, interviews } = all;

  const report = computeStats({
    now,
    clock,
    attempts,
    reviews,
    cards,
    topics,
    sessions,
    interviews,
    sinceDay,
    sectionId,
    topicIds,
    ...(parts.rehearsals ? await readPitchLangs(ctx, attempts) : {}),
  });
  return { report, data: all, clock, sinceDay };
}

/**
 * The language of each pitch file with a measured pace, read as the rehearsal reads it (front matter, else
 * its words: pitch/parse.ts), so stats judge a pace against the band the rehearsal summary used. A file that
 * is gone or unreadable has no entry: stats say its attempts were judged against the default band.
 */
async function readPitchLangs(
  ctx: AppContext,
  t: AttemptTable,
): Promise<{ pitchLangs: Record<string, PitchLang>; legacyPitchFile: string }> {
  // Records without a pitch file are the bundled pitch's (rehearsal/identity.ts), in records and pace bands alike.
  const legacyPitchFile = resolvedPath(BUNDLED_PITCH);
  const files = new Set<string>();
  // Each interned file once (a year is 10,000 rows of a handful of files).
  const seen = new Set<number>();
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    const f = t.file[r]!;
    if (!(t.wpm[r]! > 0) || seen.has(f)) continue;
    seen.add(f);
    files.add(f < 0 || t.strings[f] === '' ? legacyPitchFile : t.strings[f]!);
  }
  return { pitchLangs: await pitchLanguages(ctx, files), legacyPitchFile };
}

/** The language of each pitch file that can be read (see readPitchLangs). */
async function pitchLanguages(ctx: AppContext, files: Iterable<string>): Promise<Record<string, PitchLang>> {
  const langs: Record<string, PitchLang> = Object.create(null);
  for (const file of files) {
    try {
      const lang = (await ctx.loadPitch(file)).lang;
      if (lang) langs[file] = lang;
    } catch {
      // Moved, deleted or unreadable since: its language is unknown, and the text says so.
    }
  }
  return langs;
}

function readSince(value: string, today: number): number {
  const result = parseSince(value, today);
  if (result.ok) return result.day;
  if (result.problem === 'future')
    throw usageError('stats.sinceFuture', { value }, 'stats.sinceFutureHint', { today: dayToIso(today) });
  if (result.problem === 'tooFar') throw usageError('stats.sinceTooFar', { value }, 'stats.sinceTooFarHint');
  throw usageError('stats.badSince', { value }, 'stats.sinceHint');
}

// ---------------------------------------------------------------- reading the store

export interface StatsData {
  attempts: AttemptTable;
  /** The most recent attempt with a recording (the report page measures it again). */
  latestRecorded: Attempt | null;
  reviews: ReviewTable;
  cards: Record<string, StoredCard>;
  sessions: SessionInfo[];
  interviews: unknown[] | null;
}

/** History and reviews in columns (snapshots kept by the store, extended with what was logged since) and the cards. */
function readStatsData(store: Store): StatsData {
  const history = store.foldHistory(HISTORY_TABLE_FOLD).build();
  return {
    ...history,
    latestRecorded: latestRecorded(history.attempts),
    reviews: store.foldReviews(REVIEW_TABLE_FOLD).build(),
    cards: store.readCards(),
  };
}

// ---------------------------------------------------------------- narrowing

/** --section: a section of the pitch, or the id of a section rehearsed before the pitch changed. */
function resolveStatsSection(pitch: Pitch, query: string, attempts: () => AttemptTable, t: Translate): string {
  const trimmed = query.trim();
  if (findSection(pitch.sections, trimmed).kind !== 'found' && hasSection(attempts(), trimmed)) return trimmed;
  return resolveSection(pitch, query, t).id;
}

/** --topic spark,kubernetes → topic ids; a topic whose pack is gone still counts when reviews name it. */
async function resolveTopics(value: string, topics: readonly Topic[], reviews: () => ReviewTable): Promise<string[]> {
  // The resolver (and the text folding of the bank behind it) only when --topic is given.
  const { resolveTopicIds, topicNames } = await import('../topics.js');
  const names = topicNames(value);
  if (!names.length) throw usageError('quiz.unknownTopic', { value }, 'quiz.unknownTopicNoClose');
  return resolveTopicIds(topics, names, (name) => (reviews().topicIds.includes(name) ? name : null));
}

// ---------------------------------------------------------------- the question bank

/**
 * The topics as statistics need them (ids and prompts of their questions) and the --topic ids. Only
 * that much is kept: the whole bank (explanations, options…) can be collected before the history is read.
 */
async function quizTopics(
  ctx: AppContext,
  file: string | undefined,
  topic: string | undefined,
  reviews: () => ReviewTable,
) {
  if (topic === undefined) return { topics: await topicInfos(ctx, file), topicIds: null };
  const topics = await loadTopics(ctx, file);
  return { topics: topics.map(toTopicInfo), topicIds: await resolveTopics(topic, topics, reviews) };
}

/**
 * The topics' ids, titles and prompts, cached on their own for the same files (the packs and the pitch)
 * and language as the bank: 70 KB to read and parse instead of the whole validated bank's 540 KB and
 * the pitch's cards (5 ms of every `pitch stats`).
 */
async function topicInfos(ctx: AppContext, file: string | undefined): Promise<QuizTopicInfo[]> {
  const [packs, { path }] = await Promise.all([allPackFiles(ctx, {}), ctx.pitchFile(file)]);
  return cached(await ctx.store(), 'stats-topics', [...packs, { path, name: path }], [ctx.lang], async () =>
    (await loadTopics(ctx, file)).map(toTopicInfo),
  );
}

/** The topics `pitch quiz` drills (bundled, the user's packs, the pitch's own cards); pack problems are `pitch quiz --check`'s business. */
async function loadTopics(ctx: AppContext, file: string | undefined): Promise<Topic[]> {
  const [bank, own] = await Promise.all([loadQuestionBank(ctx, { quiet: true }), loadPitchTopic(ctx, file)]);
  // The pitch's own topic replaces any pack topic of its id.
  return [...bank.topics.filter((topic) => topic.id !== own.id), own];
}

function toTopicInfo(topic: Topic): QuizTopicInfo {
  return { id: topic.id, title: topic.title, questions: topic.questions.map((q) => ({ id: q.id, prompt: q.prompt })) };
}
