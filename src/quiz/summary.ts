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
  const perTopic = new Map<string, TopicResult>();
  const missed: MissedPoint[] = [];
  let graded = 0;
  let correct = 0;
  for (const item of result.rated) {
    const q = item.question;
    ratings[item.rating!]++;
    let t = perTopic.get(q.topic);
    if (!t) {
      t = { id: q.topic, title: byId.get(q.topic)?.title ?? q.topic, questions: 0, graded: 0, correct: 0, again: 0 };
      perTopic.set(q.topic, t);
    }
    t.questions++;
    if (item.rating === 1) t.again++;
    const right = item.grade?.correct;
    if (right !== null && right !== undefined) {
      graded++;
      t.graded++;
      if (right) {
        correct++;
        t.correct++;
      }
    }
    if (item.grade?.kind === 'open') {
      for (const p of item.grade.points)
        if (!p.hit) missed.push({ questionId: q.id, prompt: q.prompt, point: p.point });
    }
  }
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
    topics: [...perTopic.values()],
    missed,
    weakest,
    next: result.cram
      ? { earliest: null, day, week }
      : { earliest: earliest === null ? null : new Date(earliest).toISOString(), day, week },
    cram: result.cram,
    interrupted: result.interrupted,
  };
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
