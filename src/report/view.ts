/**
 * What the report page shows, computed from plain data: the statistics `pitch stats` computes, the
 * attempts and mock interviews they came from, and the latest recording once measured. Pure — no
 * file system, no clock but the one passed in — so every figure and every piece of advice is testable.
 */
import type { Attempt } from '../rehearsal/types.js';
import { countsForRecords } from '../rehearsal/records.js';
import type { InterviewRecord } from '../interview/types.js';
import type { SectionStats, StatsReport, WeakQuestion } from '../stats/types.js';
import type { DayClock } from '../stats/days.js';
import { median } from '../stats/rehearsals.js';
import type { AnalyzeOptions } from '../audio/metrics.js';
import type { RecordingAnalysis } from '../audio/analyze-file.js';

/** A run within ±20 % of its target is on time: the same band the rehearsal verdicts use. */
export const TARGET_BAND = 0.2;
/** At most this many points in a line chart: long histories are summarised by bucket medians. */
export const MAX_RUN_POINTS = 240;
/** At most this many dots per split in the strip plot (the most recent runs). */
export const MAX_SPLIT_DOTS = 120;
/** Rows of the "latest runs" table under the chart. */
const TABLE_RUNS = 10;
/** An answer shorter than this share of its clock is too short (the interview's own verdict). */
const SHORT_SHARE = 0.4;

export type Trend = 'faster' | 'slower' | 'steady';

export type PitchAdvice =
  | { key: 'noRun' }
  | { key: 'tooLong'; over: number; split: string | null }
  | { key: 'tooShort'; under: number }
  | { key: 'ready' }
  | { key: 'keepGoing'; trend: Trend | null };

export type QuizAdvice =
  | { key: 'start' }
  | { key: 'weakTopic'; topic: string; retention: number }
  | { key: 'due'; count: number }
  | { key: 'ready' };

export type InterviewAdvice =
  | { key: 'none' }
  | { key: 'length'; inBand: number; answers: number }
  | { key: 'keyPoints'; covered: number; total: number }
  | { key: 'ready' };

export interface RunRow {
  at: string;
  seconds: number;
  /** Seconds over (positive) or under the target. */
  delta: number;
}

export interface SectionView {
  id: string;
  title: string;
  targetSeconds: number;
  band: { min: number; max: number };
  completed: number;
  practice: number;
  personalBest: number | null;
  median: number | null;
  last: number | null;
  trend: Trend | null;
  /** Times of complete runs, oldest first, summarised to at most MAX_RUN_POINTS. */
  series: number[];
  /** True when `series` summarises more runs than it has points. */
  summarised: boolean;
  firstDay: string | null;
  lastDay: string | null;
  latest: RunRow[];
  splits: Array<{
    key: string;
    title: string;
    budgetSeconds: number;
    complete: number[];
    practice: number[];
    median: number | null;
  }>;
  costliestSplit: string | null;
}

export interface RecordingView {
  at: string;
  sectionTitle: string;
  file: string;
  durationSeconds: number;
  speechSeconds: number;
  peaks: number[];
  segments: Array<{ start: number; end: number }>;
  pauses: Array<{ start: number; end: number }>;
  marks: Array<{ at: number; label: string }>;
  wordsPerMinute: number | null;
  longestPauseSeconds: number;
  splits: Array<{
    title: string;
    seconds: number;
    wordsPerMinute: number | null;
    /** Measured from the voice (syllable nuclei), not from the text; null when not measured. */
    syllablesPerSecond: number | null;
  }>;
  /** Intonation, when the voice analysis found enough voiced speech. */
  intonation: {
    /** F0 per waveform slice (Hz), null where nothing was voiced. */
    contour: Array<number | null>;
    medianHz: number | null;
    rangeSemitones: number | null;
    monotoneStretches: Array<{ start: number; end: number }>;
  } | null;
  syllablesPerSecond: number | null;
}

/** A rehearsal that was recorded, as history keeps it. */
export type RecordedAttempt = Attempt & { recording: NonNullable<Attempt['recording']> };

/** What the analysis of a recording takes from its rehearsal: the words said and where each split ended. */
export function recordingAnalysisOptions(attempt: RecordedAttempt): AnalyzeOptions {
  const rec = attempt.recording;
  const said = attempt.splits.slice(0, rec.splitEnds.length);
  return {
    scriptWords: said.reduce((n, s) => n + s.words, 0),
    splitEnds: rec.splitEnds,
    splitWords: said.map((s) => s.words),
    splitTitles: said.map((s) => s.title),
    clockStart: rec.clockStart,
  };
}

/**
 * The latest recording as the page shows it, from its analysis and its waveform (`peaks` over
 * `durationSeconds`); `contour` is the voice's F0 per waveform slice, null when no pitch track was made.
 */
export function recordingViewOf(
  attempt: RecordedAttempt,
  measured: {
    analysis: RecordingAnalysis;
    peaks: number[];
    durationSeconds: number;
    contour: Array<number | null> | null;
  },
): RecordingView {
  const rec = attempt.recording;
  const { analysis, peaks, durationSeconds, contour } = measured;
  const said = attempt.splits.slice(0, rec.splitEnds.length);
  const title = (i: number) => said[i]?.title ?? String(i + 1);
  const pitch = analysis.pitch;
  const span = ({ start, end }: { start: number; end: number }) => ({ start, end });
  return {
    at: attempt.startedAt,
    sectionTitle: attempt.sectionTitle,
    file: rec.file,
    durationSeconds,
    speechSeconds: analysis.speechSeconds,
    peaks,
    segments: analysis.segments.map(span),
    pauses: analysis.pauses.map(span),
    marks: rec.splitEnds.map((at, i) => ({ at, label: title(i) })),
    wordsPerMinute: analysis.wordsPerMinute,
    longestPauseSeconds: analysis.longestPauseSeconds,
    splits: (analysis.splits ?? []).map((s, i) => ({
      title: title(i),
      seconds: Math.round(s.durationSeconds * 10) / 10,
      wordsPerMinute: s.wordsPerMinute,
      syllablesPerSecond: s.syllablesPerSecond ?? null,
    })),
    syllablesPerSecond: analysis.syllablesPerSecond,
    intonation:
      contour && pitch?.medianHz
        ? {
            contour,
            medianHz: pitch.medianHz,
            rangeSemitones: pitch.rangeSemitones,
            monotoneStretches: pitch.monotoneStretches.map(span),
          }
        : null,
  };
}

export interface InterviewRow {
  at: string;
  questionId: string;
  topic: string;
  prompt: string;
  seconds: number | null;
  clockSeconds: number;
  /** 'short' | 'long' | 'ok' against the answer clock; null when the answer was not given. */
  length: 'short' | 'long' | 'ok' | null;
  covered: number;
  total: number;
  rating: number | null;
}

export interface ReportView {
  generatedAt: string;
  today: string;
  since: string | null;
  empty: boolean;
  readiness: {
    pitch: { section: SectionView | null; advice: PitchAdvice };
    quiz: {
      reviews: number;
      retention: number | null;
      dueThisWeek: number;
      dueNow: number;
      weakest: WeakQuestion[];
      advice: QuizAdvice;
    } | null;
    interviews: {
      count: number;
      answers: number;
      inBand: number;
      keyPointsCovered: number;
      keyPointsTotal: number;
      advice: InterviewAdvice;
    };
  };
  sections: SectionView[];
  recording: RecordingView | null;
  quiz: {
    calendar: Array<{ date: string; reviews: number | null }>;
    topics: Array<{
      id: string;
      title: string;
      new: number;
      learning: number;
      review: number;
      retention: number | null;
      reviews: number;
    }>;
    forecast: Array<{ date: string; due: number }>;
  } | null;
  interviews: InterviewRow[];
}

export interface ReportInput {
  stats: StatsReport;
  /** The attempts the statistics were computed from (any kind). */
  attempts: readonly Attempt[];
  interviews: readonly InterviewRecord[];
  recording: RecordingView | null;
  clock: DayClock;
  /** First local day included (the --since filter), as a day number of `clock`, or null. */
  sinceDay: number | null;
  /** How many sections get their own charts (most recently rehearsed first). */
  maxSections?: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Medians of `max` consecutive buckets: a long series keeps its shape without thousands of points. */
export function summariseSeries(values: readonly number[], max = MAX_RUN_POINTS): number[] {
  if (values.length <= max) return [...values];
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const from = Math.floor((k * values.length) / max);
    const to = Math.floor(((k + 1) * values.length) / max);
    out.push(median(values.slice(from, Math.max(to, from + 1))) ?? values[from]!);
  }
  return out;
}

/** Median of the last five complete runs against the five before: ±3 % of the target is "steady". */
export function trendOf(runs: readonly number[], targetSeconds: number): Trend | null {
  if (runs.length < 6) return null;
  const recent = median(runs.slice(-5))!;
  const before = median(runs.slice(-10, -5))!;
  const tolerance = Math.max(1, targetSeconds * 0.03);
  if (recent < before - tolerance) return 'faster';
  if (recent > before + tolerance) return 'slower';
  return 'steady';
}

export function pitchAdvice(section: SectionView | null): PitchAdvice {
  if (!section || section.completed === 0 || section.median === null) return { key: 'noRun' };
  const reference = section.last ?? section.median;
  if (reference > section.band.max)
    return { key: 'tooLong', over: round1(reference - section.targetSeconds), split: section.costliestSplit };
  if (reference < section.band.min) return { key: 'tooShort', under: round1(section.targetSeconds - reference) };
  if (section.completed >= 3 && section.trend !== 'slower') return { key: 'ready' };
  return { key: 'keepGoing', trend: section.trend };
}

export function quizAdvice(quiz: NonNullable<StatsReport['quiz']>, dueThisWeek: number): QuizAdvice {
  if (quiz.reviews === 0) return { key: 'start' };
  // The weakest topic with enough reviews to judge: under 80 % retention is worth a focused session.
  let weakest: { topic: string; retention: number } | null = null;
  for (const topic of Object.values(quiz.topics)) {
    if (topic.retention === null || topic.retentionReviews < 5) continue;
    if (!weakest || topic.retention < weakest.retention) weakest = { topic: topic.title, retention: topic.retention };
  }
  if (weakest && weakest.retention < 0.8) return { key: 'weakTopic', ...weakest };
  if (dueThisWeek > 0) return { key: 'due', count: dueThisWeek };
  return { key: 'ready' };
}

export function interviewAdvice(rows: readonly InterviewRow[], count: number): InterviewAdvice {
  if (count === 0) return { key: 'none' };
  const answered = rows.filter((r) => r.length !== null);
  const inBand = answered.filter((r) => r.length === 'ok').length;
  if (answered.length && inBand / answered.length < 0.7) return { key: 'length', inBand, answers: answered.length };
  const covered = rows.reduce((n, r) => n + r.covered, 0);
  const total = rows.reduce((n, r) => n + r.total, 0);
  if (total && covered / total < 0.7) return { key: 'keyPoints', covered, total };
  return { key: 'ready' };
}

function lengthOf(seconds: number | null, clockSeconds: number): InterviewRow['length'] {
  if (seconds === null) return null;
  if (seconds < clockSeconds * SHORT_SHARE) return 'short';
  if (seconds > clockSeconds) return 'long';
  return 'ok';
}

function sectionView(stats: SectionStats, attempts: readonly Attempt[]): SectionView {
  const mine = attempts.filter(
    (a) =>
      a.sectionId === stats.id &&
      a.targetSeconds === stats.targetSeconds &&
      // Records older than pitch identities are drawn with the pitch statistics gave them to (the bundled one).
      ((a.pitchFile || null) === (stats.pitchFile ?? null) || (!a.pitchFile && stats.legacyRecords)),
  );
  const complete = stats.runs.map((r) => r.totalSeconds);
  const band = { min: stats.targetSeconds * (1 - TARGET_BAND), max: stats.targetSeconds * (1 + TARGET_BAND) };
  const series = summariseSeries(complete);
  // The runs that count (rehearsal/records.ts): complete and credible, as every chart of the app.
  const completeAttempts = mine.filter(countsForRecords);
  const practiceAttempts = mine.filter((a) => a.kind === 'practice');
  const splits = stats.splits.map((s) => {
    const times = (list: readonly Attempt[]) =>
      list
        .map((a) => a.splits.find((x) => x.key === s.key)?.seconds)
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        .slice(-MAX_SPLIT_DOTS);
    return {
      key: s.key,
      title: s.title,
      budgetSeconds: s.budgetSeconds,
      complete: times(completeAttempts),
      practice: times(practiceAttempts),
      median: s.median,
    };
  });
  const costliest = stats.splits.find((s) => s.key === stats.costliestSplit)?.title ?? null;
  return {
    id: stats.id,
    title: stats.title,
    targetSeconds: stats.targetSeconds,
    band,
    completed: stats.completed,
    practice: stats.practice,
    personalBest: stats.personalBest,
    median: stats.median,
    last: stats.last,
    trend: trendOf(complete, stats.targetSeconds),
    series,
    summarised: series.length < complete.length,
    firstDay: stats.runs[0]?.day ?? null,
    lastDay: stats.runs.at(-1)?.day ?? null,
    latest: stats.runs
      .slice(-TABLE_RUNS)
      .reverse()
      .map((r) => ({ at: r.at, seconds: r.totalSeconds, delta: round1(r.totalSeconds - stats.targetSeconds) })),
    splits,
    costliestSplit: costliest,
  };
}

/** The whole page's data. */
export function buildReportView(input: ReportInput): ReportView {
  const { stats, clock, sinceDay } = input;
  const inPeriod = (iso: string) => sinceDay === null || clock.dayOf(Date.parse(iso)) >= sinceDay;
  const attempts = input.attempts.filter((a) => inPeriod(a.startedAt));
  // The race practised most comes first (it is "the pitch" of the readiness card); ties go to the most
  // recent, the order statistics list them in. A one-off run at another target does not take its place.
  const sections = [...(stats.rehearsals?.sections ?? [])]
    .sort((a, b) => b.completed - a.completed)
    .slice(0, input.maxSections ?? 3)
    .map((s) => sectionView(s, attempts));

  const interviews = input.interviews.filter((i) => typeof i?.startedAt === 'string' && inPeriod(i.startedAt));
  const rows: InterviewRow[] = [];
  for (const record of interviews)
    for (const answer of record.answers ?? []) {
      const covered = Array.isArray(answer.covered) ? answer.covered.filter(Boolean).length : 0;
      rows.push({
        at: record.startedAt,
        questionId: answer.questionId,
        topic: answer.topic,
        prompt: answer.prompt,
        seconds: answer.seconds,
        clockSeconds: record.answerSeconds,
        length: lengthOf(answer.seconds, record.answerSeconds),
        covered,
        total: Array.isArray(answer.keyPoints) ? answer.keyPoints.length : 0,
        rating: answer.rating,
      });
    }

  const quiz = stats.quiz;
  const dueThisWeek = quiz ? quiz.forecast.reduce((n, d) => n + d.due, 0) : 0;
  const section = sections[0] ?? null;
  const inBand = rows.filter((r) => r.length === 'ok').length;
  const empty = attempts.length === 0 && (quiz?.reviews ?? 0) === 0 && interviews.length === 0;

  return {
    generatedAt: stats.generatedAt,
    today: stats.today,
    since: stats.filters.since,
    empty,
    readiness: {
      pitch: { section, advice: pitchAdvice(section) },
      quiz: quiz
        ? {
            reviews: quiz.reviews,
            retention: quiz.retention,
            dueThisWeek,
            dueNow: quiz.dueNow,
            weakest: quiz.weakest.slice(0, 3),
            advice: quizAdvice(quiz, dueThisWeek),
          }
        : null,
      interviews: {
        count: interviews.length,
        answers: rows.length,
        inBand,
        keyPointsCovered: rows.reduce((n, r) => n + r.covered, 0),
        keyPointsTotal: rows.reduce((n, r) => n + r.total, 0),
        advice: interviewAdvice(rows, interviews.length),
      },
    },
    sections,
    recording: input.recording,
    quiz: quiz
      ? {
          calendar: quiz.calendar.days,
          topics: Object.entries(quiz.topics)
            .filter(([, t]) => t.questions > 0 || t.reviews > 0)
            .map(([id, t]) => ({
              id,
              title: t.title,
              new: t.new,
              learning: t.learning,
              review: t.review,
              retention: t.retention,
              reviews: t.reviews,
            })),
          forecast: quiz.forecast,
        }
      : null,
    interviews: rows,
  };
}
