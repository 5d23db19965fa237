import type { QuizSessionRecord, RatingValue, StoredCard, Topic } from './types.js';
import { cardOf } from './cards.js';
import type { SessionResult } from './session.js';

export interface TopicResult {
  id: string;
  title: string;
  questions: number;
  /** Questions with a right or wrong answer (flash cards are only self-rated). */
  graded: number;
  correct: number;
  again: number;
}

export interface MissedPoint {
  questionId: string;
  prompt: string;
  point: string;
}

export interface WeakQuestion {
  questionId: string;
  prompt: string;
  rating: RatingValue;
  lapses: number;
}

/** Everything the end-of-session screen shows (and its JSON twin). */
export interface SessionSummary {
  questions: number;
  graded: number;
  correct: number;
  seconds: number;
  ratings: Record<RatingValue, number>;
  topics: TopicResult[];
  missed: MissedPoint[];
  weakest: WeakQuestion[];
  /** Next review of a question of this session, and how many cards fall due within a day and a week. */
  next: { earliest: string | null; day: number; week: number };
  cram: boolean;
  interrupted: boolean;
}

const DAY_MS = 86_400_000;

/** How a set of rated questions went: the one count the session summary and `pitch history` both show. */
export interface ResultCounts {
  questions: number;
  /** Questions with a right or wrong answer (flash cards are only self-rated). */
  graded: number;
  correct: number;
  /** Rated « À revoir » (Again). */
  again: number;
}

/** Counts rated questions, live (a session's result) or stored (a history record's reviews). Pure. */
export function countResults(
  items: Iterable<{ rating: RatingValue | null | undefined; correct: boolean | null | undefined }>,
): ResultCounts {
  const counts: ResultCounts = { questions: 0, graded: 0, correct: 0, again: 0 };
  for (const item of items) {
    counts.questions++;
    if (item.rating === 1) counts.again++;
    if (item.correct === true || item.correct === false) {
      counts.graded++;
      if (item.correct) counts.correct++;
    }
  }
  return counts;
}

/** Pure: the session's result, the topics it drew from, and the cards as saved after it. */
export function summarizeSession(
  result: SessionResult,
  topics: readonly Topic[],
  cards: Readonly<Record<string, StoredCard>>,
  now: Date,
  weakestCount = 3,
): SessionSummary {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const ratings: Record<RatingValue, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const perTopic = new Map<string, Array<(typeof result.rated)[number]>>();
  const missed: MissedPoint[] = [];
  for (const item of result.rated) {
    const q = item.question;
    ratings[item.rating!]++;
    perTopic.set(q.topic, [...(perTopic.get(q.topic) ?? []), item]);
    if (item.grade?.kind === 'open') {
      for (const p of item.grade.points)
        if (!p.hit) missed.push({ questionId: q.id, prompt: q.prompt, point: p.point });
    }
  }
  const { graded, correct } = countResults(result.rated.map(asCounted));
  const topicResults: TopicResult[] = [...perTopic].map(([id, items]) => ({
    id,
    title: byId.get(id)?.title ?? id,
    ...countResults(items.map(asCounted)),
  }));
  const weakest = result.rated
    .filter((item) => item.rating! <= 2)
    .map((item) => ({
      questionId: item.question.id,
      prompt: item.question.prompt,
      rating: item.rating!,
      lapses: cardOf(cards, item.question.id)?.lapses ?? 0,
    }))
    .sort((a, b) => a.rating - b.rating || b.lapses - a.lapses)
    .slice(0, weakestCount);
  const sessionIds = new Set(result.rated.map((i) => i.question.id));
  let earliest: number | null = null;
  let day = 0;
  let week = 0;
  for (const [id, card] of Object.entries(cards)) {
    const due = Date.parse(card.due);
    if (sessionIds.has(id) && (earliest === null || due < earliest)) earliest = due;
    if (due <= now.getTime() + DAY_MS) day++;
    if (due <= now.getTime() + 7 * DAY_MS) week++;
  }
  return {
    questions: result.rated.length,
    graded,
    correct,
    seconds: Math.max(0, Math.round((result.endedAt.getTime() - result.startedAt.getTime()) / 1000)),
    ratings,
    topics: topicResults,
    missed,
    weakest,
    next: result.cram
      ? { earliest: null, day, week }
      : { earliest: earliest === null ? null : new Date(earliest).toISOString(), day, week },
    cram: result.cram,
    interrupted: result.interrupted,
  };
}

function asCounted(item: SessionResult['rated'][number]) {
  return { rating: item.rating, correct: item.grade?.correct ?? null };
}

/** The session as kept in history.json (what `pitch history` lists). */
export function toSessionRecord(
  result: SessionResult,
  id: string,
  topics: readonly string[],
  mode: string,
): QuizSessionRecord {
  return {
    id,
    startedAt: result.startedAt.toISOString(),
    endedAt: result.endedAt.toISOString(),
    topics: [...topics],
    mode,
    cram: result.cram,
    interrupted: result.interrupted,
    reviews: result.rated.map((item) => {
      const missed = item.grade?.kind === 'open' ? item.grade.points.filter((p) => !p.hit).map((p) => p.point) : [];
      return {
        questionId: item.question.id,
        topic: item.question.topic,
        kind: item.question.kind,
        rating: item.rating!,
        correct: item.grade?.correct ?? null,
        seconds: item.seconds ?? 0,
        ...(missed.length ? { missed } : {}),
      };
    }),
  };
}
