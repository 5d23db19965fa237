import { describe, expect, it } from 'vitest';
import { attemptKind, buildAttempt } from '../../../src/rehearsal/attempt.js';
import { applyEvent, createTimer, type TimerState } from '../../../src/rehearsal/timer.js';
import type { Outcome } from '../../../src/rehearsal/session.js';
import type { RehearsalPlan } from '../../../src/rehearsal/plan.js';
import { countsForRecords, normalizeAttempt } from '../../../src/rehearsal/records.js';
import type { Attempt } from '../../../src/rehearsal/types.js';

// Three splits of 30 words, 10 s each: 180 words a minute when said on budget.
const plan: RehearsalPlan = {
  sectionId: 's',
  sectionTitle: 'S',
  targetSeconds: 30,
  sectionHash: 'abc',
  splits: ['a', 'b', 'c'].map((k, i) => ({ key: `${i + 1}-${k}`, title: k, units: [], words: 30, budgetSeconds: 10 })),
};

/** Runs timer events at the given clock times (ms), starting at 0 without countdown unless told. */
function run(events: Array<[Parameters<typeof applyEvent>[1], number]>, countdownMs = 0): TimerState {
  let t = createTimer(3, 0, countdownMs);
  for (const [e, at] of events) t = applyEvent(t, e, at);
  return t;
}

const build = (timer: TimerState, outcome: Outcome, practice = false) =>
  buildAttempt({
    id: 'x',
    startedAt: new Date(0),
    plan,
    first: 0,
    count: 3,
    timer,
    now: 40_000,
    outcome,
    practice,
    promptLevel: 'full',
    pitch: { file: '/home/me/pitch.md', hash: 'f00', ownsLegacy: false },
  });

describe('what a run counts as', () => {
  it('is complete only when the speaker ended every split', () => {
    const a = build(
      run([
        ['split', 10_000],
        ['split', 20_000],
        ['split', 30_000],
      ]),
      'finished',
    )!;
    expect(a.kind).toBe('complete');
    expect(a.splits.map((s) => s.end)).toEqual(['said', 'said', 'said']);
    expect(a.splits.map((s) => s.at)).toEqual([10, 20, 30]);
    expect(a.suspect).toBe(false);
    expect(countsForRecords(a)).toBe(true);
  });

  it('is incomplete when a split was skipped, even though the run reached its end', () => {
    const a = build(
      run([
        ['split', 10_000],
        ['skip', 20_000],
        ['split', 30_000],
      ]),
      'finished',
    )!;
    expect(a.kind).toBe('incomplete');
    expect(a.splits.map((s) => s.end)).toEqual(['said', 'skipped', 'said']);
    expect(countsForRecords(a)).toBe(false);
  });

  it('is incomplete when stopped and kept, the splits never reached marked so (not "skipped")', () => {
    const a = build(
      run([
        ['split', 10_000],
        ['stop', 15_000],
      ]),
      'keep',
    )!;
    expect(a.kind).toBe('incomplete');
    expect(a.splits.map((s) => s.end)).toEqual(['said', 'unreached', 'unreached']);
  });

  it('is aborted on Ctrl-C once the clock runs, and nothing at all during the countdown', () => {
    expect(
      build(
        run([
          ['split', 10_000],
          ['stop', 12_000],
        ]),
        'abort',
      )!.kind,
    ).toBe('aborted');
    const counting = run([['stop', 1_000]], 3_000);
    expect(counting.startedAt).toBeNull();
    expect(build(counting, 'abort')).toBeNull();
    expect(attemptKind('abort', false, [], false)).toBeNull();
  });

  it('is practice for --from/--only/--practice, and never counts', () => {
    const a = build(
      run([
        ['split', 10_000],
        ['split', 20_000],
        ['split', 30_000],
      ]),
      'finished',
      true,
    )!;
    expect(a.kind).toBe('practice');
    expect(countsForRecords(a)).toBe(false);
  });

  it('is suspect when it was faster than anyone speaks, with the reasons kept', () => {
    const a = build(
      run([
        ['split', 300],
        ['split', 600],
        ['split', 900],
      ]),
      'finished',
    )!;
    expect(a.kind).toBe('complete');
    expect(a.suspect).toBe(true);
    expect(a.suspectReasons!.some((r) => r.key === null && r.rule === 'pace')).toBe(true);
    expect(countsForRecords(a)).toBe(false);
    expect(countsForRecords({ ...a, suspect: false, confirmedFast: true })).toBe(true);
  });

  it('carries the pitch identity and the section fingerprint', () => {
    const a = build(
      run([
        ['split', 10_000],
        ['split', 20_000],
        ['split', 30_000],
      ]),
      'finished',
    )!;
    expect(a).toMatchObject({ pitchFile: '/home/me/pitch.md', pitchHash: 'f00', sectionHash: 'abc' });
  });
});

describe('records saved by older versions', () => {
  const old = (over: Partial<Attempt>): Attempt => ({
    id: 'old',
    startedAt: '2026-11-20T10:00:00.000Z',
    sectionId: 's',
    sectionTitle: 'S',
    targetSeconds: 30,
    promptLevel: 'full',
    kind: 'complete',
    totalSeconds: 30,
    splits: [10, 10, 10].map((seconds, i) => ({ key: `${i}`, title: `${i}`, budgetSeconds: 10, seconds, words: 30 })),
    words: 90,
    ...over,
  });

  it('read a "complete" run with a skipped split as incomplete', () => {
    const a = old({});
    a.splits[1]!.seconds = null;
    expect(normalizeAttempt(a)).toMatchObject({ kind: 'incomplete', pitchFile: null });
    expect(normalizeAttempt(a).splits.map((s) => s.end)).toEqual(['said', 'unreached', 'said']);
  });

  it('judge an old accidental personal best by today’s rule', () => {
    const taps = old({ totalSeconds: 1.5 });
    taps.splits.forEach((s) => (s.seconds = 0.5));
    expect(normalizeAttempt(taps).suspect).toBe(true);
    expect(normalizeAttempt(old({})).suspect).toBe(false);
  });
});
