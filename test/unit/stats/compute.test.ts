import { describe, expect, it } from 'vitest';
import { computeStats, partsShown } from '../../../src/stats/compute.js';
import { isoToDay } from '../../../src/stats/days.js';
import { NOW, statsInput } from './fixture.js';

describe('the stats report', () => {
  it('has the JSON contract: rehearsal counts and bests per section, quiz reviews and topics by state', () => {
    const r = computeStats(statsInput());
    expect(r.rehearsals).toMatchObject({ count: 9, completed: 6, best: { '1-pitch-court': 121 } });
    expect(r.quiz).toMatchObject({ reviews: 9 });
    expect(r.quiz!.topics.demo).toEqual({
      title: 'Démo',
      questions: 4,
      new: 1,
      learning: 1,
      review: 2,
      reviews: 7,
      retention: 0.75,
      retentionReviews: 4,
    });
    expect(r).toMatchObject({
      today: '2026-11-26',
      timeZone: 'Europe/Paris',
      generatedAt: NOW.toISOString(),
      filters: { since: null, section: null, topics: null },
    });
  });

  it('shows only the part a narrowing flag is about, both when both are given', () => {
    expect(partsShown(null, null)).toEqual({ rehearsals: true, quiz: true });
    expect(partsShown('1', null)).toEqual({ rehearsals: true, quiz: false });
    expect(partsShown(null, ['spark'])).toEqual({ rehearsals: false, quiz: true });
    expect(partsShown('1', ['spark'])).toEqual({ rehearsals: true, quiz: true });
    const section = computeStats(statsInput({ sectionId: 'other-section' }));
    expect(section.quiz).toBeNull();
    expect(section.rehearsals!.count).toBe(0);
    const topic = computeStats(statsInput({ topicIds: ['demo'] }));
    expect(topic.rehearsals).toBeNull();
    expect(topic.speech).toBeNull();
    expect(topic.filters.topics).toEqual(['demo']);
  });

  it('echoes --since as a date and applies it to both parts', () => {
    const r = computeStats(statsInput({ sinceDay: isoToDay('2026-11-25') }));
    expect(r.filters.since).toBe('2026-11-25');
    expect(r.rehearsals!.count).toBe(4);
    expect(r.quiz!.reviews).toBe(4);
  });

  it('counts mock interviews when history has the list (in the period when one is asked)', () => {
    expect(computeStats(statsInput()).interviews).toBeNull();
    const interviews = [
      { id: 'i1', startedAt: '2026-11-01T10:00:00Z' },
      { id: 'i2', startedAt: '2026-11-26T10:00:00Z' },
      'junk',
    ];
    expect(computeStats(statsInput({ interviews })).interviews).toEqual({ count: 3 });
    expect(computeStats(statsInput({ interviews, sinceDay: isoToDay('2026-11-20') })).interviews).toEqual({ count: 1 });
    expect(computeStats(statsInput({ interviews: [] })).interviews).toEqual({ count: 0 });
  });
});
