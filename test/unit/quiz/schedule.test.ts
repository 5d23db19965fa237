import { describe, expect, it } from 'vitest';
import {
  applyReview,
  isDue,
  previewDue,
  recallChance,
  reviewCard,
  revertReview,
  type CardState,
} from '../../../src/quiz/schedule.js';
import type { RatingValue } from '../../../src/quiz/types.js';

const T0 = new Date('2026-11-26T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 24 * 60;
const review = (state: CardState, rating: RatingValue, when: Date, id = 'q1') =>
  applyReview(state, { questionId: id, topic: 't', kind: 'mcq', rating, seconds: 4, session: 's1', now: when });

describe('FSRS scheduling with an injected clock', () => {
  it('new → learning → review: Good twice graduates the card to days away', () => {
    const state: CardState = { cards: {}, reviews: [] };
    review(state, 3, T0);
    const learning = state.cards.q1!;
    expect(learning.state).toBe(1);
    expect(Date.parse(learning.due) - T0.getTime()).toBe(10 * 60_000);
    review(state, 3, new Date(learning.due));
    const graduated = state.cards.q1!;
    expect(graduated.state).toBe(2);
    expect(graduated.scheduled_days).toBeGreaterThanOrEqual(1);
    expect(Date.parse(graduated.due)).toBeGreaterThan(Date.parse(learning.due) + DAY * 60_000 - 1);
    expect(state.reviews.map((r) => [r.rating, r.state])).toEqual([
      [3, 0],
      [3, 1],
    ]);
  });

  it('Again on a card in review sends it back to relearning, due within minutes, and counts a lapse', () => {
    const state: CardState = { cards: {}, reviews: [] };
    review(state, 3, T0);
    review(state, 3, at(10));
    const reviewDue = new Date(state.cards.q1!.due);
    review(state, 1, reviewDue);
    const lapsed = state.cards.q1!;
    expect(lapsed).toMatchObject({ state: 3, lapses: 1 });
    expect(Date.parse(lapsed.due) - reviewDue.getTime()).toBeLessThanOrEqual(10 * 60_000);
    expect(state.reviews.at(-1)).toMatchObject({ rating: 1, state: 2, elapsedDays: expect.any(Number) });
    expect(state.reviews.at(-1)!.elapsedDays).toBeGreaterThan(0);
  });

  it('Easy spaces a card further than Good, which spaces it further than Hard', () => {
    const due = previewDue(undefined, T0);
    expect(due[1].getTime()).toBeLessThan(due[2].getTime());
    expect(due[2].getTime()).toBeLessThan(due[3].getTime());
    expect(due[3].getTime()).toBeLessThan(due[4].getTime());
  });

  it('is deterministic: the same ratings at the same times give the same card (no fuzz)', () => {
    const run = () => {
      const state: CardState = { cards: {}, reviews: [] };
      review(state, 3, T0);
      review(state, 4, at(10));
      review(state, 2, at(20 * DAY));
      return state.cards.q1;
    };
    expect(run()).toEqual(run());
  });

  it('undo puts the exact previous state back and removes only that log entry', () => {
    const state: CardState = { cards: {}, reviews: [] };
    review(state, 3, T0, 'other');
    review(state, 3, T0);
    review(state, 3, at(10));
    const before = structuredClone(state);
    const token = review(state, 1, at(30 * DAY));
    expect(state.cards.q1).not.toEqual(before.cards.q1);
    revertReview(state, token);
    expect(state).toEqual(before);
  });

  it('undo of a first review forgets the card entirely', () => {
    const state: CardState = { cards: {}, reviews: [] };
    const token = review(state, 4, T0);
    revertReview(state, token);
    expect(state).toEqual({ cards: {}, reviews: [] });
  });

  it('cards survive a JSON round trip (dates as strings)', () => {
    const state: CardState = { cards: {}, reviews: [] };
    review(state, 3, T0);
    const copy = JSON.parse(JSON.stringify(state)) as CardState;
    expect(reviewCard(copy.cards.q1, at(10), 3)).toEqual(reviewCard(state.cards.q1, at(10), 3));
  });

  it('isDue and recallChance read the stored card', () => {
    const state: CardState = { cards: {}, reviews: [] };
    expect(isDue(undefined, T0)).toBe(false);
    expect(recallChance(undefined, T0)).toBe(0);
    review(state, 3, T0);
    review(state, 3, at(10));
    const card = state.cards.q1!;
    expect(isDue(card, at(11))).toBe(false);
    expect(isDue(card, new Date(card.due))).toBe(true);
    const soon = recallChance(card, at(11));
    const later = recallChance(card, at(60 * DAY));
    expect(soon).toBeGreaterThan(0.9);
    expect(later).toBeLessThan(soon);
  });
});
