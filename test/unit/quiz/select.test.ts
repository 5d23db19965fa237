import { describe, expect, it } from 'vitest';
import { countDue, selectCram, selectSession } from '../../../src/quiz/select.js';
import { reviewCard } from '../../../src/quiz/schedule.js';
import type { StoredCard } from '../../../src/quiz/types.js';
import { makeQuestion, makeTopic, seeded } from './helpers.js';

const NOW = new Date('2026-11-26T09:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
/** A card reviewed (Good, twice) so that it falls due `overdueDays` before NOW (negative: not yet due). */
function cardDue(overdueDays: number): StoredCard {
  const first = reviewCard(undefined, daysAgo(100), 3);
  const card = reviewCard(first, new Date(first.due), 3);
  return { ...card, due: daysAgo(overdueDays).toISOString() };
}

const spark = makeTopic('spark', [
  makeQuestion({ id: 's-hard', kind: 'open', difficulty: 3, keyPoints: [{ point: 'p', accept: ['p'] }] }),
  makeQuestion({ id: 's-easy', kind: 'mcq', difficulty: 1, options: ['a', 'b'], answers: ['a'] }),
  makeQuestion({ id: 's-mid', kind: 'mcq', difficulty: 2, options: ['a', 'b'], answers: ['a'] }),
  makeQuestion({ id: 's-due', kind: 'mcq', difficulty: 2, options: ['a', 'b'], answers: ['a'] }),
  makeQuestion({ id: 's-later', kind: 'flash', difficulty: 1 }),
]);
const argo = makeTopic('argo', [
  makeQuestion({ id: 'a-1', kind: 'flash', difficulty: 1 }),
  makeQuestion({ id: 'a-2', kind: 'mcq', difficulty: 1, options: ['a', 'b'], answers: ['a'] }),
  makeQuestion({ id: 'a-due', kind: 'cloze', difficulty: 1, answers: ['x'] }),
]);
const cards: Record<string, StoredCard> = { 's-due': cardDue(1), 'a-due': cardDue(5), 's-later': cardDue(-3) };
const ids = (qs: { id: string }[]) => qs.map((q) => q.id);
const base = {
  cards,
  now: NOW,
  count: 10,
  newCap: 10,
  mode: 'mixed' as const,
  get rng() {
    return seeded(1);
  },
};

describe('selecting a session', () => {
  it('due questions first, most overdue first, across every topic; then new ones, easier first, topics taking turns', () => {
    const s = selectSession({ ...base, topics: [spark, argo] });
    expect(ids(s.questions)).toEqual(['a-due', 's-due', 's-easy', 'a-1', 's-mid', 'a-2', 's-hard']);
    expect(s).toMatchObject({ due: 2, fresh: 5, pool: 8 });
  });

  it('which topic opens the new ones is drawn from the random source', () => {
    const firstNew = new Set(
      Array.from(
        { length: 12 },
        (_, seed) => selectSession({ ...base, rng: seeded(seed), topics: [spark, argo] }).questions[2]!.id,
      ),
    );
    expect(firstNew).toEqual(new Set(['s-easy', 'a-1']));
  });

  it('--count cuts the list, due ones kept first', () => {
    expect(ids(selectSession({ ...base, topics: [spark, argo], count: 3 }).questions)).toEqual([
      'a-due',
      's-due',
      's-easy',
    ]);
  });

  it('--new caps never-seen questions; 0 means reviews only', () => {
    expect(ids(selectSession({ ...base, topics: [spark, argo], newCap: 1 }).questions)).toEqual([
      'a-due',
      's-due',
      's-easy',
    ]);
    expect(ids(selectSession({ ...base, topics: [spark, argo], newCap: 0 }).questions)).toEqual(['a-due', 's-due']);
  });

  it('--mode keeps one kind', () => {
    expect(ids(selectSession({ ...base, topics: [spark, argo], mode: 'mcq' }).questions)).toEqual([
      's-due',
      's-easy',
      'a-2',
      's-mid',
    ]);
    expect(selectSession({ ...base, topics: [spark], mode: 'cloze' })).toMatchObject({ questions: [], pool: 0 });
  });

  it('nothing due and nothing new: an empty session (the command then offers to cram)', () => {
    const seen = Object.fromEntries(spark.questions.map((q) => [q.id, cardDue(-2)]));
    expect(selectSession({ ...base, cards: seen, topics: [spark] })).toMatchObject({
      questions: [],
      due: 0,
      fresh: 0,
      pool: 5,
    });
    expect(countDue(spark, seen, NOW)).toBe(0);
    expect(countDue(spark, cards, NOW)).toBe(1);
  });

  it('cram: weakest remembered first, then never-seen; reads the cards and never changes them', () => {
    // Same history, reviewed longer ago: more likely forgotten now.
    const reviewedDaysAgo = (d: number) => {
      const first = reviewCard(undefined, daysAgo(d + 1), 3);
      return reviewCard(first, daysAgo(d), 3);
    };
    const seen: Record<string, StoredCard> = {
      's-hard': reviewedDaysAgo(90),
      's-easy': reviewedDaysAgo(20),
      's-mid': reviewedDaysAgo(2),
    };
    const frozen = structuredClone(seen);
    const picked = selectCram({ topics: [spark], cards: seen, now: NOW, count: 10, mode: 'mixed', rng: seeded(3) });
    expect(ids(picked).slice(0, 3)).toEqual(['s-hard', 's-easy', 's-mid']);
    expect(ids(picked).slice(3).sort()).toEqual(['s-due', 's-later']);
    expect(seen).toEqual(frozen);
    expect(
      selectCram({ topics: [spark], cards: seen, now: NOW, count: 2, mode: 'mixed', rng: seeded(3) }),
    ).toHaveLength(2);
  });
});
