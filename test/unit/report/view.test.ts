import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/stats/compute.js';
import {
  buildReportView,
  interviewAdvice,
  pitchAdvice,
  summariseSeries,
  trendOf,
  type InterviewRow,
  type SectionView,
} from '../../../src/report/view.js';
import type { InterviewRecord } from '../../../src/interview/types.js';
import { attempt, rehearsalHistory, statsInput } from '../stats/fixture.js';
import { reviewTable } from '../../../src/stats/review-table.js';

function interview(startedAt: string, answers: Array<[seconds: number | null, covered: boolean[]]>): InterviewRecord {
  return {
    id: `i-${startedAt}`,
    startedAt,
    endedAt: startedAt,
    pitchAttemptId: null,
    answerSeconds: 90,
    interrupted: false,
    answers: answers.map(([seconds, covered], k) => ({
      questionId: `q${k}`,
      topic: 'spark',
      prompt: `Question ${k} ?`,
      seconds,
      keyPoints: covered.map((_, j) => `point ${j}`),
      covered,
      suggested: 3,
      rating: 3,
    })),
  };
}

function view(over: Parameters<typeof buildReportView>[0] extends infer T ? Partial<T> : never = {}) {
  const input = statsInput();
  return buildReportView({
    stats: computeStats(input),
    attempts: input.attempts,
    interviews: [],
    recording: null,
    clock: input.clock,
    sinceDay: null,
    ...over,
  });
}

describe('report view', () => {
  it('summarises the pitch from complete runs only: last, median, best, and the ±20 % band', () => {
    const v = view();
    const s = v.readiness.pitch.section!;
    // The 2-minute race: complete runs 128, 123, 121, 124, 125 (the 90 s practice run never counts).
    expect(s.targetSeconds).toBe(120);
    expect(s.series).toEqual([128, 123, 121, 124, 125]);
    expect(s.personalBest).toBe(121);
    expect(s.last).toBe(125);
    expect(s.median).toBe(124);
    expect(s.band).toEqual({ min: 96, max: 144 });
    expect(v.readiness.pitch.advice).toEqual({ key: 'ready' });
    // The one-off 3-minute run is more recent but is not "the pitch": it comes second.
    expect(v.sections.map((x) => x.targetSeconds)).toEqual([120, 180]);
  });

  it('shows practice runs apart from complete runs in the split strips', () => {
    const s = view().readiness.pitch.section!;
    const mission = s.splits.find((x) => x.key === '2-mission')!;
    expect(mission.complete).toEqual([45, 44, 46, 47, 48]);
    expect(mission.practice).toEqual([30]);
    expect(mission.budgetSeconds).toBe(40);
  });

  it('lists the latest complete runs newest first with their distance to the target', () => {
    const latest = view().readiness.pitch.section!.latest;
    expect(latest.map((r) => r.seconds)).toEqual([125, 124, 121, 123, 128]);
    expect(latest[0]!.delta).toBe(5);
  });

  it('an empty history is an empty page, not empty charts', () => {
    const input = statsInput({ attempts: [], reviews: reviewTable([]), cards: {} });
    const none = buildReportView({
      stats: computeStats(input),
      attempts: [],
      interviews: [],
      recording: null,
      clock: input.clock,
      sinceDay: null,
    });
    expect(none.empty).toBe(true);
    expect(none.readiness.pitch.advice).toEqual({ key: 'noRun' });
    expect(none.readiness.quiz?.advice).toEqual({ key: 'start' });
    // Reviews alone make the page worth drawing.
    expect(view({ attempts: [] }).empty).toBe(false);
  });

  it('--since drops older attempts and interviews from the page', () => {
    const input = statsInput();
    const sinceDay = input.clock.dayOf(Date.parse('2026-11-20T12:00:00Z'));
    const v = buildReportView({
      stats: computeStats({ ...input, sinceDay }),
      attempts: input.attempts,
      interviews: [
        interview('2026-11-01T10:00:00Z', [[60, [true]]]),
        interview('2026-11-25T10:00:00Z', [[60, [true]]]),
      ],
      recording: null,
      clock: input.clock,
      sinceDay,
    });
    expect(v.readiness.interviews.count).toBe(1);
    const mission = v.sections[0]!.splits.find((x) => x.key === '2-mission')!;
    expect(mission.practice).toEqual([]); // the practice run was on the 13th
  });

  it('judges interview answers against their own clock', () => {
    const v = view({
      interviews: [
        interview('2026-11-25T10:00:00Z', [
          [30, [true, false]], // under 40 % of 90 s: too short
          [60, [true, true]],
          [95, [false, false]], // past the clock: too long
          [null, [false]],
        ]),
      ],
    });
    expect(v.interviews.map((r) => r.length)).toEqual(['short', 'ok', 'long', null]);
    expect(v.readiness.interviews).toMatchObject({
      count: 1,
      answers: 4,
      inBand: 1,
      keyPointsCovered: 3,
      keyPointsTotal: 7,
    });
    expect(v.readiness.interviews.advice).toEqual({ key: 'length', inBand: 1, answers: 3 });
  });

  it('the quiz card counts cards due this week and names the weak topic', () => {
    const q = view().readiness.quiz!;
    expect(q.dueThisWeek).toBe(view().quiz!.forecast.reduce((n, d) => n + d.due, 0));
    expect(q.dueThisWeek).toBeGreaterThan(0);
  });
});

describe('report advice', () => {
  const section = (over: Partial<SectionView>): SectionView => ({
    id: 's',
    title: 'S',
    targetSeconds: 100,
    band: { min: 80, max: 120 },
    completed: 5,
    practice: 0,
    personalBest: 95,
    median: 100,
    last: 100,
    trend: 'steady',
    series: [],
    summarised: false,
    firstDay: null,
    lastDay: null,
    latest: [],
    splits: [],
    costliestSplit: null,
    ...over,
  });

  it('too long names the costliest split; too short says so; in band is ready', () => {
    expect(pitchAdvice(section({ last: 130, costliestSplit: 'Ma mission' }))).toEqual({
      key: 'tooLong',
      over: 30,
      split: 'Ma mission',
    });
    expect(pitchAdvice(section({ last: 70 }))).toEqual({ key: 'tooShort', under: 30 });
    expect(pitchAdvice(section({}))).toEqual({ key: 'ready' });
    expect(pitchAdvice(section({ completed: 2 }))).toEqual({ key: 'keepGoing', trend: 'steady' });
    expect(pitchAdvice(section({ completed: 0, median: null, last: null }))).toEqual({ key: 'noRun' });
  });

  it('interviews: key points advice once lengths are right', () => {
    const row = (covered: number, total: number): InterviewRow => ({
      at: '',
      questionId: 'q',
      topic: 't',
      prompt: 'p',
      seconds: 60,
      clockSeconds: 90,
      length: 'ok',
      covered,
      total,
      rating: 3,
    });
    expect(interviewAdvice([row(1, 4), row(1, 4)], 1)).toEqual({ key: 'keyPoints', covered: 2, total: 8 });
    expect(interviewAdvice([row(4, 4)], 1)).toEqual({ key: 'ready' });
    expect(interviewAdvice([], 0)).toEqual({ key: 'none' });
  });

  it('trend compares the last five runs with the five before', () => {
    expect(trendOf([130, 130, 130, 130, 130, 120, 120, 120, 120, 120], 120)).toBe('faster');
    expect(trendOf([120, 120, 120, 120, 120, 130, 130, 130, 130, 130], 120)).toBe('slower');
    expect(trendOf([120, 121, 120, 121, 120, 121, 120, 121, 120, 121], 120)).toBe('steady');
    expect(trendOf([120, 121, 122], 120)).toBeNull();
  });

  it('long series are summarised by bucket medians, keeping their length bound and shape', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => (i < 5000 ? 130 : 110));
    const short = summariseSeries(long, 200);
    expect(short).toHaveLength(200);
    expect(short[0]).toBe(130);
    expect(short.at(-1)).toBe(110);
    expect(summariseSeries([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });

  it('uses every attempt kind of the fixture', () => {
    expect(new Set(rehearsalHistory().map((a) => a.kind)).size).toBe(4);
  });
});

describe('report view of a pitch with records older than pitch identities', () => {
  it('draws the legacy attempts with the bundled pitch they belong to', () => {
    const BUNDLED = '/opt/pitch/data/pitch.fr.md';
    const input = statsInput({
      attempts: [
        ...rehearsalHistory(),
        attempt('2026-11-26T12:00:00.000Z', 'complete', [40, 46, 38], { pitchFile: BUNDLED }),
      ],
      legacyPitchFile: BUNDLED,
    });
    const page = buildReportView({
      stats: computeStats(input),
      attempts: input.attempts,
      interviews: [],
      recording: null,
      clock: input.clock,
      sinceDay: null,
    });
    const twoMinutes = page.sections.find((s) => s.targetSeconds === 120)!;
    // First split of every complete, credible 2-minute run (legacy ones included), and the practice run's.
    expect(twoMinutes.splits[0]!.complete).toEqual([42, 40, 38, 39, 41, 40]);
    expect(twoMinutes.splits[0]!.practice).toEqual([30]);
  });
});
