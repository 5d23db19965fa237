// A hand-built history with known answers, shared by the statistics tests (unit and end-to-end).
import type { Attempt, AttemptKind } from '../../../src/rehearsal/types.js';
import type { ReviewLogEntry, StoredCard } from '../../../src/quiz/types.js';
import type { StatsInput } from '../../../src/stats/compute.js';
import { reviewTable } from '../../../src/stats/review-table.js';
import { createDayClock } from '../../../src/stats/days.js';

/** Thursday 26 November 2026, 16:00 in Paris (CET, UTC+1). */
export const NOW = new Date('2026-11-26T15:00:00.000Z');

export const KEYS = ['1-bonjour', '2-mission', '3-motivation'];
const TITLES = ['Bonjour, je m’appelle…', 'Ma mission actuelle', 'Ce qui me motive'];

let counter = 0;

/** An attempt of "1-pitch-court" at 2:00 (3 splits of 40 s budget); `times` null = skipped. */
export function attempt(
  startedAt: string,
  kind: AttemptKind,
  times: Array<number | null>,
  extra: Partial<Attempt> = {},
): Attempt {
  const splits = KEYS.map((key, i) => ({
    key,
    title: TITLES[i]!,
    budgetSeconds: 40,
    seconds: times[i] ?? null,
    words: 90,
  }));
  return {
    id: `a${++counter}`,
    startedAt,
    sectionId: '1-pitch-court',
    sectionTitle: 'Pitch court (≈ 2 min)',
    targetSeconds: 120,
    promptLevel: 'full',
    kind,
    totalSeconds: times.reduce<number>((s, t) => s + (t ?? 0), 0),
    splits,
    words: 270,
    ...extra,
  };
}

/**
 * Paris days: 10, 12, 13, 20, 24 (00:30, i.e. 23 November 23:30 UTC), 25, 26 November.
 * Personal best 121 s on the 20th; the practice run (90 s) is faster but never a PB.
 * Split "2-mission" runs over its budget (median 45.5 s for 40 s); the others stay under.
 */
export function rehearsalHistory(): Attempt[] {
  return [
    attempt('2026-11-10T18:00:00.000Z', 'complete', [42, 45, 41]), // 128
    attempt('2026-11-12T18:00:00.000Z', 'complete', [40, 44, 39]), // 123
    attempt('2026-11-13T18:00:00.000Z', 'practice', [30, 30, 30]), // 90: practice
    attempt('2026-11-20T18:00:00.000Z', 'complete', [38, 46, 37]), // 121: PB
    attempt('2026-11-23T23:30:00.000Z', 'incomplete', [37, null, null]),
    attempt('2026-11-25T08:00:00.000Z', 'complete', [39, 47, 38], {
      speech: { wordsPerMinute: 152.4, longestPauseSeconds: 1.24 },
    }), // 124
    attempt('2026-11-25T09:00:00.000Z', 'aborted', [null, null, null], { totalSeconds: 12 }),
    attempt('2026-11-26T09:00:00.000Z', 'complete', [41, 48, 36], {
      speech: { wordsPerMinute: 171, longestPauseSeconds: 2.5 },
    }), // 125
    // The same section at another target: a race of its own.
    attempt('2026-11-26T10:00:00.000Z', 'complete', [55, 60, 50], {
      targetSeconds: 180,
      speech: { wordsPerMinute: 'fast', other: true } as unknown as Attempt['speech'],
    }), // 165
  ];
}

/** One review, by default a Good rating of a card in review. */
export function review(
  reviewedAt: string,
  questionId: string,
  topic: string,
  rating: 1 | 2 | 3 | 4,
  state = 2,
  extra: Partial<ReviewLogEntry> = {},
): ReviewLogEntry {
  return {
    questionId,
    topic,
    kind: 'flash',
    rating,
    state,
    reviewedAt,
    elapsedDays: 3,
    seconds: 10,
    cram: false,
    ...extra,
  };
}

export function card(due: string, state: number, lapses = 0): StoredCard {
  return {
    due,
    stability: 3,
    difficulty: 5,
    elapsed_days: 2,
    scheduled_days: 4,
    learning_steps: 0,
    reps: 4,
    lapses,
    state,
    last_review: '2026-11-20T10:00:00.000Z',
  };
}

/** Two topics of four questions each (demo-1…4, other-1…4). */
export const TOPICS = [
  {
    id: 'demo',
    title: 'Démo',
    questions: [1, 2, 3, 4].map((n) => ({ id: `demo-${n}`, prompt: `Question démo ${n} ?` })),
  },
  {
    id: 'other',
    title: 'Autre',
    questions: [1, 2, 3, 4].map((n) => ({ id: `other-${n}`, prompt: `Autre question ${n} ?` })),
  },
];

/**
 * demo: retention of cards in review = 3 recalled of 4 (the cram Again and the new card's Again
 * are not counted); other: 1 of 2. demo-2 has 3 lapses, other-1 has 1.
 */
export function reviewLog(): ReviewLogEntry[] {
  return [
    review('2026-11-02T10:00:00.000Z', 'demo-1', 'demo', 3, 0),
    review('2026-11-02T10:01:00.000Z', 'demo-2', 'demo', 1, 0),
    review('2026-11-20T10:00:00.000Z', 'demo-1', 'demo', 3),
    review('2026-11-20T10:01:00.000Z', 'demo-2', 'demo', 1),
    review('2026-11-24T10:00:00.000Z', 'demo-3', 'demo', 4),
    review('2026-11-25T10:00:00.000Z', 'demo-2', 'demo', 2),
    review('2026-11-25T10:05:00.000Z', 'demo-1', 'demo', 1, 2, { cram: true }),
    review('2026-11-26T08:00:00.000Z', 'other-1', 'other', 1),
    review('2026-11-26T08:01:00.000Z', 'other-2', 'other', 3),
  ];
}

/** Card states: demo-1 review (due today), demo-2 relearning (due tomorrow), demo-3 review (in 10 days), other-1 learning (overdue), other-2 review (in 3 days). */
export function cardStates(): Record<string, StoredCard> {
  return {
    'demo-1': card('2026-11-26T20:00:00.000Z', 2),
    'demo-2': card('2026-11-27T09:00:00.000Z', 3, 3),
    'demo-3': card('2026-12-06T09:00:00.000Z', 2),
    'other-1': card('2026-11-25T09:00:00.000Z', 1, 1),
    'other-2': card('2026-11-29T09:00:00.000Z', 2),
  };
}

/** The whole fixture as statistics input, in Paris, on NOW. */
export function statsInput(over: Partial<StatsInput> = {}): StatsInput {
  return {
    now: NOW,
    clock: createDayClock('Europe/Paris'),
    attempts: rehearsalHistory(),
    reviews: reviewTable(reviewLog()),
    cards: cardStates(),
    topics: TOPICS,
    sessions: [],
    interviews: null,
    sinceDay: null,
    sectionId: null,
    topicIds: null,
    ...over,
  };
}
