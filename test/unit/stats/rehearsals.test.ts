import { describe, expect, it } from 'vitest';
import { computeRehearsalStats, computeSpeechStats, computeStreak, median } from '../../../src/stats/rehearsals.js';
import { createDayClock, isoToDay } from '../../../src/stats/days.js';
import { NOW, attempt, rehearsalHistory } from './fixture.js';

const paris = createDayClock('Europe/Paris');
const today = (clock = paris) => clock.dayOf(NOW.getTime());
const stats = (clock = paris, sinceDay: number | null = null, history = rehearsalHistory()) =>
  computeRehearsalStats(history, { clock, today: today(clock), sinceDay });

describe('rehearsal statistics', () => {
  const r = stats();
  const twoMinutes = r.sections.find((s) => s.targetSeconds === 120)!;

  it('counts attempts by kind and the days rehearsed', () => {
    expect(r).toMatchObject({ count: 9, completed: 6, practice: 1, incomplete: 1, aborted: 1, days: 7 });
  });

  it('takes the fastest complete run as personal best, never the faster practice run', () => {
    expect(twoMinutes.personalBest).toBe(121);
    expect(twoMinutes.personalBestAt).toBe('2026-11-20T18:00:00.000Z');
    expect(r.best).toEqual({ '1-pitch-court': 121 });
  });

  it('keeps each target a race of its own, the section rehearsed last first', () => {
    expect(r.sections.map((s) => [s.targetSeconds, s.count, s.personalBest])).toEqual([
      [180, 1, 165],
      [120, 8, 121],
    ]);
  });

  it('gives sum of best, last and median of complete runs, and the chart points', () => {
    // Best segments come from complete runs only (38 + 44 + 36): the 30 s practice splits do not count.
    expect(twoMinutes).toMatchObject({
      sumOfBest: 118,
      last: 125,
      median: 124,
      completed: 5,
      practice: 1,
      incomplete: 1,
      aborted: 1,
    });
    expect(twoMinutes.runs.map((p) => [p.day, p.totalSeconds])).toEqual([
      ['2026-11-10', 128],
      ['2026-11-12', 123],
      ['2026-11-20', 121],
      ['2026-11-25', 124],
      ['2026-11-26', 125],
    ]);
  });

  it('gives per split best, median, last and budget, and names the split furthest over budget', () => {
    // Split figures come from the five complete runs only (practice, incomplete and aborted runs left out).
    expect(twoMinutes.splits).toEqual([
      {
        key: '1-bonjour',
        title: 'Bonjour, je m’appelle…',
        budgetSeconds: 40,
        best: 38,
        median: 40,
        last: 41,
        overBudgetSeconds: 0,
        timed: 5,
      },
      {
        key: '2-mission',
        title: 'Ma mission actuelle',
        budgetSeconds: 40,
        best: 44,
        median: 46,
        last: 48,
        overBudgetSeconds: 6,
        timed: 5,
      },
      {
        key: '3-motivation',
        title: 'Ce qui me motive',
        budgetSeconds: 40,
        best: 36,
        median: 38,
        last: 36,
        overBudgetSeconds: -2,
        timed: 5,
      },
    ]);
    expect(twoMinutes.costliestSplit).toBe('2-mission');
  });

  it('names no costliest split when every median is within budget', () => {
    const fast = [attempt('2026-11-20T10:00:00Z', 'complete', [35, 36, 37])];
    expect(stats(paris, null, fast).sections[0]!.costliestSplit).toBeNull();
  });

  it('narrows to a period: records are those of the period, the streak still those of today', () => {
    const since = stats(paris, isoToDay('2026-11-25'));
    expect(since).toMatchObject({ count: 4, completed: 3, days: 2 });
    expect(since.sections.find((s) => s.targetSeconds === 120)!.personalBest).toBe(124);
    expect(since.streak).toEqual(r.streak);
  });

  it('is empty without attempts', () => {
    expect(stats(paris, null, [])).toMatchObject({
      count: 0,
      sections: [],
      best: {},
      streak: { current: 0, longest: 0, lastDay: null },
    });
  });

  it('leaves out attempts whose date cannot be read', () => {
    const bad = attempt('not a date', 'complete', [30, 30, 30]);
    expect(stats(paris, null, [...rehearsalHistory(), bad]).count).toBe(9);
  });
});

describe('streak of days rehearsed', () => {
  it('counts consecutive local days: the 00:30 run belongs to 24 November in Paris', () => {
    expect(stats(paris).streak).toEqual({ current: 3, longest: 3, lastDay: '2026-11-26' });
  });

  it('breaks where the days break in UTC and in New York (the same run is on the 23rd)', () => {
    expect(stats(createDayClock('UTC')).streak).toEqual({ current: 2, longest: 2, lastDay: '2026-11-26' });
    expect(stats(createDayClock('America/New_York')).streak).toEqual({ current: 2, longest: 2, lastDay: '2026-11-26' });
  });

  it('stays current on the day after the last one (in Tokyo it is already 27 November)', () => {
    const tokyo = createDayClock('Asia/Tokyo');
    expect(today(tokyo)).toBe(isoToDay('2026-11-27'));
    expect(stats(tokyo).streak).toEqual({ current: 3, longest: 3, lastDay: '2026-11-26' });
  });

  it('is broken after a whole day without rehearsal; the longest run is kept', () => {
    const d = (iso: string) => isoToDay(iso)!;
    expect(
      computeStreak([d('2026-11-01'), d('2026-11-02'), d('2026-11-03'), d('2026-11-24')], d('2026-11-26')),
    ).toEqual({ current: 0, longest: 3, lastDay: '2026-11-24' });
    expect(computeStreak([d('2026-11-26'), d('2026-11-26')], d('2026-11-26'))).toEqual({
      current: 1,
      longest: 1,
      lastDay: '2026-11-26',
    });
    // A day in the future (a clock set wrong) does not count.
    expect(computeStreak([d('2026-11-30')], d('2026-11-26'))).toEqual({ current: 0, longest: 0, lastDay: null });
  });
});

describe('speech', () => {
  it('reads words per minute and longest pause of recorded attempts, defensively', () => {
    const s = computeSpeechStats(rehearsalHistory(), paris, null);
    expect(s.recorded).toBe(2);
    expect(s.runs.map((x) => [x.day, x.wordsPerMinute, x.longestPauseSeconds])).toEqual([
      ['2026-11-25', 152, 1.2],
      ['2026-11-26', 171, 2.5],
    ]);
    expect(s.wordsPerMinute).toEqual({ median: 162, last: 171, measured: 2, inBand: 1 });
    expect(s.longestPauseSeconds).toEqual({ median: 1.9, last: 2.5, max: 2.5 });
    expect(s.band).toEqual({ min: 120, max: 160 });
  });

  it('reads the intonation range and the measured syllable rate where recordings have them', () => {
    const history = [
      ...rehearsalHistory(),
      attempt('2026-11-26T11:00:00.000Z', 'complete', [41, 47, 37], {
        speech: { wordsPerMinute: 140, longestPauseSeconds: 1, rangeSemitones: 5.24, syllablesPerSecond: 4.123 },
      }),
      attempt('2026-11-26T12:00:00.000Z', 'complete', [40, 46, 38], {
        speech: { wordsPerMinute: 150, longestPauseSeconds: 1.1, rangeSemitones: 2.6, syllablesPerSecond: 5 },
      }),
    ];
    const s = computeSpeechStats(history, paris, null);
    expect(s.runs.map((x) => [x.rangeSemitones, x.syllablesPerSecond])).toEqual([
      [null, null],
      [null, null],
      [5.2, 4.12],
      [2.6, 5],
    ]);
    expect(s.rangeSemitones).toEqual({ median: 3.9, last: 2.6, measured: 2 });
    expect(s.syllablesPerSecond).toEqual({ median: 4.6, last: 5, measured: 2 });
  });

  it('is empty without recordings, and follows --since', () => {
    expect(computeSpeechStats([attempt('2026-11-20T10:00:00Z', 'complete', [30, 30, 30])], paris, null).recorded).toBe(
      0,
    );
    expect(computeSpeechStats(rehearsalHistory(), paris, isoToDay('2026-11-26')).recorded).toBe(1);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
