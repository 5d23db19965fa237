import type { StoredCard } from '../quiz/types.js';
import { cardOf } from '../quiz/cards.js';
import type { DayClock } from './days.js';
import { dayToIso, weekdayOf } from './days.js';
import type { ReviewTable } from './review-table.js';
import type { QuizStats, TopicStats, WeakQuestion } from './types.js';
import { computeStreak } from './rehearsals.js';

/** A topic of the bank as statistics need it: its questions' ids (cards without a question are not counted) and prompts. */
export interface QuizTopicInfo {
  id: string;
  title: string;
  questions: ReadonlyArray<{ id: string; prompt: string }>;
}

/** A quiz session of history: when, and the topics its reviews were about. */
export interface SessionInfo {
  at: number;
  topics: readonly string[];
}

export interface QuizOptions {
  now: Date;
  clock: DayClock;
  today: number;
  sinceDay: number | null;
  /** Topic ids to keep (null: every topic of the bank). */
  topicIds: readonly string[] | null;
}

/** Weeks in the calendar heatmap, like Anki's default view. */
export const CALENDAR_WEEKS = 12;
export const FORECAST_DAYS = 7;
export const WEAKEST_COUNT = 5;

const AGAIN = 1;
const STATE_NEW = 0;
const STATE_REVIEW = 2;

const share = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** Counters over the review log, in typed arrays indexed by day, topic and question. */
class ReviewTally {
  /** Reviews per day of the calendar (index: day − calendarFrom). */
  readonly perDay: Int32Array;
  /** Days with a review of the topics kept, before --since too (the streak is about today). */
  readonly studied: number[] = [];
  readonly topicReviews: Int32Array;
  readonly topicMature: Int32Array;
  readonly topicRecalled: Int32Array;
  readonly againByQuestion: Int32Array;
  count = 0;
  mature = 0;
  recalled = 0;
  /** Whether the span counted last held a review of a topic kept. */
  kept = false;

  constructor(
    reviews: ReviewTable,
    readonly calendarFrom: number,
    today: number,
  ) {
    this.perDay = new Int32Array(Math.max(0, today - calendarFrom + 1));
    this.topicReviews = new Int32Array(reviews.topicIds.length);
    this.topicMature = new Int32Array(reviews.topicIds.length);
    this.topicRecalled = new Int32Array(reviews.topicIds.length);
    this.againByQuestion = new Int32Array(reviews.questionIds.length);
  }
}

/**
 * Tallies the review log. A year is 100,000 reviews, read once per run by code that has not warmed up:
 * the log is walked a day span at a time (the clock asked once per span, not per review), and each
 * span's reviews are found and counted in one pass by a small function of their own, which V8 optimises
 * after a few days (a loop holding the clock's code took it 10–14 ms to compile, as long as the loop ran).
 */
function tallyReviews(
  reviews: ReviewTable,
  keepTopic: Uint8Array,
  clock: DayClock,
  sinceDay: number,
  calendarFrom: number,
  today: number,
): ReviewTally {
  const tally = new ReviewTally(reviews, calendarFrom, today);
  const { at } = reviews;
  let lastDay = Number.NaN;
  for (let i = 0; i < reviews.length; ) {
    const span = clock.span(at[i]!);
    i = countSpan(reviews, i, span.end, keepTopic, !(span.day < sinceDay), span.day - calendarFrom, tally);
    if (tally.kept && span.day !== lastDay) tally.studied.push((lastDay = span.day));
  }
  return tally;
}

/**
 * Counts the reviews of one day span from `from`, while their dates stay in [at[from], end) (the log is in
 * time order; a review out of order ends the span); returns the index of the first review after it, and
 * tells in `tally.kept` whether any of them was of a topic kept.
 */
function countSpan(
  reviews: ReviewTable,
  from: number,
  end: number,
  keepTopic: Uint8Array,
  inPeriod: boolean,
  calendarIndex: number,
  tally: ReviewTally,
): number {
  const { at, topic: topicOf, rating, state, cram, question } = reviews;
  const { topicReviews, topicMature, topicRecalled, againByQuestion } = tally;
  const start = at[from]!;
  let kept = false;
  let count = 0;
  let mature = 0;
  let recalled = 0;
  let i = from;
  for (; i < at.length; i++) {
    const ms = at[i]!;
    if (i > from && !(ms < end && ms >= start)) break;
    const topic = topicOf[i]!;
    if (keepTopic[topic] === 0) continue;
    kept = true;
    if (!inPeriod) continue;
    count++;
    topicReviews[topic]!++;
    const again = rating[i] === AGAIN;
    if (again) againByQuestion[question[i]!]!++;
    // True retention: how often a card the scheduler thought learned was recalled; cram reviews are off-schedule.
    if (state[i] === STATE_REVIEW && cram[i] === 0) {
      topicMature[topic]!++;
      mature++;
      if (!again) {
        topicRecalled[topic]!++;
        recalled++;
      }
    }
  }
  tally.kept = kept;
  tally.count += count;
  tally.mature += mature;
  tally.recalled += recalled;
  if (count > 0 && calendarIndex >= 0 && calendarIndex < tally.perDay.length) tally.perDay[calendarIndex]! += count;
  return i;
}

/** What the quiz part of `pitch stats` reads of the review log, however it was gathered (a table's tally, a summary). */
export interface ReviewCounts {
  /** Reviews of the topics kept in the period; of them, of cards in review (cram excluded), and recalled. */
  count: number;
  mature: number;
  recalled: number;
  /** Days with a review of the topics kept, before --since too (the streak is about today). */
  studied: Iterable<number>;
  /** Reviews in the period on a day of the calendar. */
  reviewsOn(day: number): number;
  /** A topic's reviews, mature reviews and recalled ones in the period (undefined: never reviewed). */
  topic(id: string): { reviews: number; mature: number; recalled: number } | undefined;
  /** Times a question was rated Again in the period. */
  againOf(questionId: string): number;
}

/**
 * The quiz part of `pitch stats`: reviews per day, card states per topic, true retention, the due
 * forecast and the weakest questions. Card states, the forecast and the streak describe today;
 * counts of reviews, retention and the calendar follow --since.
 */
export function computeQuizStats(
  reviews: ReviewTable,
  cards: Readonly<Record<string, StoredCard>>,
  bank: readonly QuizTopicInfo[],
  sessions: readonly SessionInfo[],
  options: QuizOptions,
): QuizStats {
  const { clock, today, sinceDay } = options;
  const wanted = options.topicIds ? new Set(options.topicIds) : null;
  const keepTopic = Uint8Array.from(reviews.topicIds, (id) => (!wanted || wanted.has(id) ? 1 : 0));

  const calendarFrom = calendarStart(today);
  const tally = tallyReviews(reviews, keepTopic, clock, sinceDay ?? Number.NEGATIVE_INFINITY, calendarFrom, today);
  const { perDay, topicReviews, topicMature, topicRecalled, againByQuestion } = tally;
  const topicIndex = new Map(reviews.topicIds.map((id, i) => [id, i]));
  const questionIndex = new Map(reviews.questionIds.map((id, i) => [id, i]));
  const counts: ReviewCounts = {
    count: tally.count,
    mature: tally.mature,
    recalled: tally.recalled,
    studied: tally.studied,
    reviewsOn: (day) => perDay[day - calendarFrom]!,
    topic(id) {
      const t = topicIndex.get(id);
      return t === undefined
        ? undefined
        : { reviews: topicReviews[t]!, mature: topicMature[t]!, recalled: topicRecalled[t]! };
    },
    againOf(id) {
      const index = questionIndex.get(id);
      return index === undefined ? 0 : againByQuestion[index]!;
    },
  };

  let sessionCount = 0;
  let span = clock.span(Number.NaN);
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    if (!(s.at >= span.start && s.at < span.end)) span = clock.span(s.at);
    const day = span.day;
    if (!Number.isFinite(day) || (sinceDay !== null && day < sinceDay)) continue;
    // A session that rated nothing of the topics asked for is not one of theirs.
    if (!wanted || s.topics.some((t) => wanted.has(t))) sessionCount++;
  }
  return quizReport(counts, cards, bank, sessionCount, options);
}

/** The first day of the calendar heatmap: a Monday, CALENDAR_WEEKS weeks back from today's week. */
export const calendarStart = (today: number): number => today - weekdayOf(today) - 7 * (CALENDAR_WEEKS - 1);

/** The quiz part of `pitch stats` from the review counts, the card states, the bank and the sessions counted. */
export function quizReport(
  counts: ReviewCounts,
  cards: Readonly<Record<string, StoredCard>>,
  bank: readonly QuizTopicInfo[],
  sessionCount: number,
  options: QuizOptions,
): QuizStats {
  const { clock, today, sinceDay, now } = options;
  const wanted = options.topicIds ? new Set(options.topicIds) : null;
  const topics = bank.filter((t) => !wanted || wanted.has(t.id));
  const calendarFrom = calendarStart(today);
  const studied = new Set(counts.studied);

  // Topic ids are user data (`constructor` is a valid one): no inherited keys.
  const byTopic: Record<string, TopicStats> = Object.create(null);
  const forecast = Array.from({ length: FORECAST_DAYS }, (_, i) => ({ date: dayToIso(today + i), due: 0 }));
  let dueNow = 0;
  const weak: Array<WeakQuestion & { order: number }> = [];
  let order = 0;
  for (const topic of topics) {
    const row: TopicStats = {
      title: topic.title,
      questions: topic.questions.length,
      new: 0,
      learning: 0,
      review: 0,
      reviews: 0,
      retention: null,
      retentionReviews: 0,
    };
    for (const q of topic.questions) {
      const card = cardOf(cards, q.id);
      const state = card ? card.state : STATE_NEW;
      if (state === STATE_REVIEW) row.review++;
      else if (state === 1 || state === 3) row.learning++;
      else row.new++;
      if (!card || state === STATE_NEW) continue;
      const due = Date.parse(card.due);
      if (Number.isFinite(due)) {
        if (due <= now.getTime()) dueNow++;
        const offset = Math.max(0, clock.dayOf(due) - today);
        if (offset < FORECAST_DAYS) forecast[offset]!.due++;
      }
      const again = counts.againOf(q.id);
      const lapses = Number.isFinite(card.lapses) ? card.lapses : 0;
      if (lapses > 0 || again > 0)
        weak.push({ id: q.id, topic: topic.id, prompt: q.prompt, lapses, again, order: order++ });
    }
    const t = counts.topic(topic.id);
    if (t !== undefined) {
      row.reviews = t.reviews;
      row.retention = share(t.recalled, t.mature);
      row.retentionReviews = t.mature;
    }
    byTopic[topic.id] = row;
  }
  weak.sort((a, b) => b.lapses - a.lapses || b.again - a.again || a.order - b.order);

  const days: Array<{ date: string; reviews: number | null }> = [];
  for (let d = calendarFrom; d <= today; d++)
    days.push({ date: dayToIso(d), reviews: sinceDay !== null && d < sinceDay ? null : counts.reviewsOn(d) });

  return {
    reviews: counts.count,
    sessions: sessionCount,
    daysStudied: [...studied].filter((d) => sinceDay === null || d >= sinceDay).length,
    streak: computeStreak(studied, today),
    retention: share(counts.recalled, counts.mature),
    retentionReviews: counts.mature,
    calendar: { from: dayToIso(calendarFrom), to: dayToIso(today), days },
    topics: byTopic,
    forecast,
    dueNow,
    weakest: weak.slice(0, WEAKEST_COUNT).map(({ order: _, ...w }) => w),
  };
}

/** One topic's reviews, mature reviews (of cards in review, cram excluded) and recalled ones among those. */
export interface TopicCounts {
  reviews: number;
  mature: number;
  recalled: number;
}

/**
 * The whole review log summed up for the unnarrowed quiz part (no --since, no --topic): reviews per local
 * day, per topic and the Again ratings per question. The statistics snapshot keeps one and adds the reviews
 * logged since (stats/summary.ts); `pitch stats` then reads days and topics, not 100,000 reviews.
 */
export class QuizSummary implements ReviewCounts {
  count = 0;
  mature = 0;
  recalled = 0;
  readonly perDay = new Map<number, number>();
  readonly topics = new Map<string, TopicCounts>();
  readonly again = new Map<string, number>();

  get studied(): Iterable<number> {
    return this.perDay.keys();
  }

  reviewsOn(day: number): number {
    return this.perDay.get(day) ?? 0;
  }

  topic(id: string): TopicCounts | undefined {
    return this.topics.get(id);
  }

  againOf(id: string): number {
    return this.again.get(id) ?? 0;
  }

  /** Adds every review of a table (its dates are readable: the table leaves out the others). */
  addTable(reviews: ReviewTable, clock: DayClock): void {
    const { at, rating, state, cram, topic, question } = reviews;
    const perTopic = reviews.topicIds.map(() => ({ reviews: 0, mature: 0, recalled: 0 }));
    const again = new Int32Array(reviews.questionIds.length);
    for (let i = 0; i < reviews.length; ) {
      const span = clock.span(at[i]!);
      let j = i;
      do {
        const counts = perTopic[topic[j]!]!;
        counts.reviews++;
        const isAgain = rating[j] === AGAIN;
        if (isAgain) again[question[j]!]!++;
        if (state[j] === STATE_REVIEW && cram[j] === 0) {
          counts.mature++;
          if (!isAgain) counts.recalled++;
        }
        j++;
      } while (j < reviews.length && at[j]! >= span.start && at[j]! < span.end);
      this.perDay.set(span.day, (this.perDay.get(span.day) ?? 0) + (j - i));
      this.count += j - i;
      i = j;
    }
    for (const [t, counts] of perTopic.entries()) {
      if (!counts.reviews) continue;
      const id = reviews.topicIds[t]!;
      const known = this.topics.get(id);
      if (known) {
        known.reviews += counts.reviews;
        known.mature += counts.mature;
        known.recalled += counts.recalled;
      } else this.topics.set(id, counts);
      this.mature += counts.mature;
      this.recalled += counts.recalled;
    }
    for (let q = 0; q < again.length; q++)
      if (again[q]) this.again.set(reviews.questionIds[q]!, this.againOf(reviews.questionIds[q]!) + again[q]!);
  }
}
