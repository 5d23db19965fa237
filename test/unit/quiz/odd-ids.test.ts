// Question and topic ids are user data. Names every JavaScript object inherits (constructor, toString,
// __proto__…) must behave as ordinary ids everywhere cards are looked up or written.
import { describe, expect, it } from 'vitest';
import { countDue, selectCram, selectSession } from '../../../src/quiz/select.js';
import { applyReview, revertReview, type CardState } from '../../../src/quiz/schedule.js';
import { interviewWeight } from '../../../src/interview/select.js';
import { computeRecords } from '../../../src/rehearsal/records.js';
import type { StoredCard } from '../../../src/quiz/types.js';
import { makeQuestion, makeTopic, seeded } from './helpers.js';

const ODD = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const NOW = new Date('2026-11-26T09:00:00Z');
const LATER = new Date('2026-12-26T09:00:00Z');
const topic = makeTopic(
  'constructor',
  ODD.map((id) => makeQuestion({ id, topic: 'constructor', kind: 'flash' })),
);
const select = (cards: Record<string, StoredCard>, now: Date) =>
  selectSession({ topics: [topic], cards, now, count: 50, newCap: 50, mode: 'mixed', rng: seeded(1) });

describe('ids that every object inherits', () => {
  it('are new questions until reviewed, then due ones', () => {
    const state: CardState = { cards: JSON.parse('{}'), reviews: [] };
    const first = select(state.cards, NOW);
    expect(first.questions.map((q) => q.id).sort()).toEqual([...ODD].sort());
    expect(first.fresh).toBe(ODD.length);
    expect(first.due).toBe(0);

    for (const id of ODD)
      applyReview(state, {
        questionId: id,
        topic: 'constructor',
        kind: 'flash',
        rating: 3,
        seconds: 2,
        session: 's',
        now: NOW,
      });
    // Each one has its own card, kept through a save and a load; the object's prototype is untouched.
    expect(Object.getPrototypeOf(state.cards)).toBe(Object.prototype);
    const saved = JSON.parse(JSON.stringify(state)) as CardState;
    expect(Object.keys(saved.cards).sort()).toEqual([...ODD].sort());

    expect(countDue(topic, saved.cards, NOW)).toBe(0);
    expect(countDue(topic, saved.cards, LATER)).toBe(ODD.length);
    const later = select(saved.cards, LATER);
    expect(later.due).toBe(ODD.length);
    expect(later.fresh).toBe(0);
  });

  it('a review with nothing due (cram) orders them without crashing', () => {
    const state: CardState = { cards: {}, reviews: [] };
    applyReview(state, {
      questionId: 'constructor',
      topic: 't',
      kind: 'flash',
      rating: 1,
      seconds: 2,
      session: 's',
      now: NOW,
    });
    const nothingDue = select(state.cards, NOW);
    expect(nothingDue.due).toBe(0);
    const cram = selectCram({
      topics: [topic],
      cards: state.cards,
      now: NOW,
      count: 50,
      mode: 'mixed',
      rng: seeded(2),
    });
    expect(cram.map((q) => q.id)).toHaveLength(ODD.length);
    expect(cram[0]!.id).toBe('constructor'); // the only one seen: the most likely forgotten
  });

  it('an undone rating of a never-seen question leaves no card behind', () => {
    const state: CardState = { cards: {}, reviews: [] };
    const token = applyReview(state, {
      questionId: '__proto__',
      topic: 't',
      kind: 'flash',
      rating: 3,
      seconds: 2,
      session: 's',
      now: NOW,
    });
    expect(Object.keys(state.cards)).toEqual(['__proto__']);
    revertReview(state, token);
    expect(Object.keys(state.cards)).toEqual([]);
    expect(state.reviews).toEqual([]);
  });

  it('never-seen questions weigh the same in a mock interview, whatever their id', () => {
    for (const q of topic.questions) expect(interviewWeight(q, {}, NOW)).toBe(1);
  });

  it('split keys named like inherited properties get best segments', () => {
    const split = (key: string, seconds: number) => ({ key, title: key, budgetSeconds: 10, seconds, words: 10 });
    const attempt = {
      id: 'a',
      startedAt: NOW.toISOString(),
      sectionId: 's',
      sectionTitle: 'S',
      targetSeconds: 20,
      promptLevel: 'full' as const,
      kind: 'complete' as const,
      totalSeconds: 20,
      splits: [split('constructor', 9), split('toString', 11)],
      words: 20,
    };
    const records = computeRecords([attempt], 's', 20, ['constructor', 'toString']);
    expect(records.bestSegments.constructor).toBe(9);
    expect(records.sumOfBest).toBe(20);
  });
});
