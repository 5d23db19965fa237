import type { Question, QuizMode, StoredCard, Topic } from './types.js';
import { shuffle } from './grade.js';
import { cardOf, isDue, recallChance } from './schedule.js';

export interface SelectOptions {
  topics: readonly Topic[];
  cards: Readonly<Record<string, StoredCard>>;
  now: Date;
  /** Questions in the session. */
  count: number;
  /** At most this many never-seen questions. */
  newCap: number;
  mode: QuizMode;
  rng: () => number;
}

export interface Selection {
  questions: Question[];
  /** How many of the pool were due, and how many never seen, before the count and caps applied. */
  due: number;
  fresh: number;
  /** Questions of the topics and mode asked for, due or not. */
  pool: number;
}

export function matchesMode(question: Question, mode: QuizMode): boolean {
  return mode === 'mixed' || question.kind === mode;
}

/** Questions of a topic that are due now. */
export function countDue(topic: Topic, cards: Readonly<Record<string, StoredCard>>, now: Date): number {
  return topic.questions.filter((q) => isDue(cardOf(cards, q.id), now)).length;
}

/**
 * A session: due questions first, the most overdue first (across every topic given), then
 * never-seen ones, topics taking turns (in an order drawn from `rng`), easier ones first, up to `newCap`. Pure.
 */
export function selectSession(options: SelectOptions): Selection {
  const { topics, cards, now, count, newCap, mode } = options;
  const pool = topics.flatMap((t) => t.questions.filter((q) => matchesMode(q, mode)));
  const due = pool
    .filter((q) => isDue(cardOf(cards, q.id), now))
    .sort(
      (a, b) => Date.parse(cardOf(cards, a.id)!.due) - Date.parse(cardOf(cards, b.id)!.due) || a.id.localeCompare(b.id),
    );
  const perTopic = topics.map((t) =>
    t.questions
      .map((q, order) => ({ q, order }))
      .filter(({ q }) => matchesMode(q, mode) && cardOf(cards, q.id) === undefined)
      .sort((a, b) => a.q.difficulty - b.q.difficulty || a.order - b.order)
      .map(({ q }) => q),
  );
  // Topics take turns in a random order, so every session does not open on the same topic.
  const fresh = interleave(shuffle(perTopic, options.rng));
  const picked = due.slice(0, count);
  picked.push(...fresh.slice(0, Math.max(0, Math.min(newCap, count - picked.length))));
  return { questions: picked, due: due.length, fresh: fresh.length, pool: pool.length };
}

/**
 * A cram session (nothing is due): the questions you are most likely to have forgotten first,
 * ties in random order, then never-seen ones. Nothing it picks is scheduled.
 */
export function selectCram(options: Omit<SelectOptions, 'newCap'>): Question[] {
  const { topics, cards, now, count, mode, rng } = options;
  const pool = shuffle(
    topics.flatMap((t) => t.questions.filter((q) => matchesMode(q, mode))),
    rng,
  );
  const seen = pool
    .filter((q) => cardOf(cards, q.id) !== undefined)
    .map((q) => ({ q, chance: recallChance(cardOf(cards, q.id), now) }))
    .sort((a, b) => a.chance - b.chance)
    .map((x) => x.q);
  const unseen = pool.filter((q) => cardOf(cards, q.id) === undefined);
  return [...seen, ...unseen].slice(0, count);
}

/** [[a1, a2], [b1]] → [a1, b1, a2]: topics take turns so one big topic does not crowd the others out. */
function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}
