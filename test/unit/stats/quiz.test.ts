import { describe, expect, it } from 'vitest';
import { computeQuizStats } from '../../../src/stats/quiz.js';
import { reviewTable } from '../../../src/stats/review-table.js';
import { createDayClock, isoToDay } from '../../../src/stats/days.js';
import { NOW, TOPICS, cardStates, review, reviewLog } from './fixture.js';

const clock = createDayClock('Europe/Paris');
const today = clock.dayOf(NOW.getTime());
const quiz = (
  options: { sinceDay?: number | null; topicIds?: string[] | null; log?: ReturnType<typeof reviewLog> } = {},
) =>
  computeQuizStats(reviewTable(options.log ?? reviewLog()), cardStates(), TOPICS, [], {
    now: NOW,
    clock,
    today,
    sinceDay: options.sinceDay ?? null,
    topicIds: options.topicIds ?? null,
  });

describe('quiz statistics', () => {
  const q = quiz();

  it('counts reviews, days studied and the study streak', () => {
    expect(q).toMatchObject({ reviews: 9, daysStudied: 5, streak: { current: 3, longest: 3, lastDay: '2026-11-26' } });
  });

  it('measures true retention: reviews of cards in review not rated Again, cram and new cards left out', () => {
    expect(q.topics.demo).toMatchObject({ retention: 0.75, retentionReviews: 4, reviews: 7 });
    expect(q.topics.other).toMatchObject({ retention: 0.5, retentionReviews: 2, reviews: 2 });
    expect(q).toMatchObject({ retention: 0.667, retentionReviews: 6 });
  });

  it('has no retention for a topic without reviews of learned cards', () => {
    const only = quiz({ log: [review('2026-11-20T10:00:00Z', 'demo-1', 'demo', 1, 0)] });
    expect(only.topics.demo!.retention).toBeNull();
    expect(only.retention).toBeNull();
  });

  it('counts cards per topic by state; a question never seen is new', () => {
    expect(q.topics.demo).toMatchObject({ title: 'Démo', questions: 4, new: 1, learning: 1, review: 2 });
    expect(q.topics.other).toMatchObject({ questions: 4, new: 2, learning: 1, review: 1 });
  });

  it('forecasts the next 7 days, overdue cards due today', () => {
    expect(q.forecast).toEqual([
      { date: '2026-11-26', due: 2 },
      { date: '2026-11-27', due: 1 },
      { date: '2026-11-28', due: 0 },
      { date: '2026-11-29', due: 1 },
      { date: '2026-11-30', due: 0 },
      { date: '2026-12-01', due: 0 },
      { date: '2026-12-02', due: 0 },
    ]);
    expect(q.dueNow).toBe(1);
  });

  it('lists the weakest questions by lapses, then times rated Again', () => {
    expect(q.weakest).toEqual([
      { id: 'demo-2', topic: 'demo', prompt: 'Question démo 2 ?', lapses: 3, again: 2 },
      { id: 'other-1', topic: 'other', prompt: 'Autre question 1 ?', lapses: 1, again: 1 },
      { id: 'demo-1', topic: 'demo', prompt: 'Question démo 1 ?', lapses: 0, again: 1 },
    ]);
  });

  it('fills a 12-week calendar from a Monday to today', () => {
    expect(q.calendar.from).toBe('2026-09-07');
    expect(q.calendar.to).toBe('2026-11-26');
    expect(q.calendar.days).toHaveLength(81);
    const count = (date: string) => q.calendar.days.find((d) => d.date === date)!.reviews;
    expect([
      count('2026-11-02'),
      count('2026-11-20'),
      count('2026-11-24'),
      count('2026-11-25'),
      count('2026-11-26'),
      count('2026-11-21'),
    ]).toEqual([2, 2, 1, 2, 2, 0]);
  });

  it('narrows to topics: their reviews, cards, forecast and weak questions only', () => {
    const other = quiz({ topicIds: ['other'] });
    expect(Object.keys(other.topics)).toEqual(['other']);
    expect(other).toMatchObject({ reviews: 2, retention: 0.5 });
    expect(other.forecast.map((f) => f.due)).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(other.weakest.map((w) => w.id)).toEqual(['other-1']);
  });

  it('narrows to a period: reviews, retention and calendar follow it, card states do not', () => {
    const recent = quiz({ sinceDay: isoToDay('2026-11-25') });
    expect(recent).toMatchObject({ reviews: 4, retentionReviews: 3, daysStudied: 2 });
    expect(recent.topics.demo).toMatchObject({ new: 1, learning: 1, review: 2 });
    expect(recent.calendar.days.find((d) => d.date === '2026-11-24')!.reviews).toBeNull();
    expect(recent.calendar.days.find((d) => d.date === '2026-11-25')!.reviews).toBe(2);
    expect(recent.streak.current).toBe(3);
  });

  it('counts quiz sessions of the period and of the topics asked', () => {
    const sessions = [
      { at: Date.parse('2026-11-20T10:00:00Z'), topics: ['demo'] },
      { at: Date.parse('2026-11-26T08:00:00Z'), topics: ['other'] },
      { at: Number.NaN, topics: ['demo'] },
    ];
    const run = (sinceDay: number | null, topicIds: string[] | null) =>
      computeQuizStats(reviewTable(reviewLog()), cardStates(), TOPICS, sessions, {
        now: NOW,
        clock,
        today,
        sinceDay,
        topicIds,
      }).sessions;
    expect(run(null, null)).toBe(2);
    expect(run(null, ['demo'])).toBe(1);
    expect(run(isoToDay('2026-11-25'), null)).toBe(1);
  });

  it('is all zeros for an empty log and no cards', () => {
    const empty = computeQuizStats(reviewTable([]), {}, TOPICS, [], {
      now: NOW,
      clock,
      today,
      sinceDay: null,
      topicIds: null,
    });
    expect(empty).toMatchObject({ reviews: 0, sessions: 0, daysStudied: 0, retention: null, dueNow: 0, weakest: [] });
    expect(empty.topics.demo).toMatchObject({ new: 4, learning: 0, review: 0, retention: null });
    expect(empty.forecast.every((f) => f.due === 0)).toBe(true);
  });
});
