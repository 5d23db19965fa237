import { describe, expect, it } from 'vitest';
import { autoPromptLevel, computeRecords, pbCumulative } from '../../../src/rehearsal/records.js';
import { summarizeRun } from '../../../src/rehearsal/summary.js';
import type { Attempt, AttemptKind } from '../../../src/rehearsal/types.js';
import type { PromptLevel } from '../../../src/rehearsal/cues.js';

const KEYS = ['1-a', '2-b', '3-c'];
let n = 0;
/** A hand-built attempt: split times in seconds (null = skipped / not reached). */
function attempt(kind: AttemptKind, times: Array<number | null>, extra: Partial<Attempt> = {}): Attempt {
  const splits = KEYS.map((key, i) => ({ key, title: key, budgetSeconds: 40, seconds: times[i] ?? null, words: 100 }));
  return {
    id: `a${n++}`,
    startedAt: '2026-11-20T10:00:00.000Z',
    sectionId: '1-pitch-court',
    sectionTitle: 'Pitch court',
    targetSeconds: 120,
    promptLevel: 'full',
    kind,
    totalSeconds: times.reduce<number>((s, t) => s + (t ?? 0), 0),
    splits: kind === 'practice' ? splits.filter((_, i) => times[i] !== undefined) : splits,
    words: 300,
    ...extra,
  };
}

describe('personal best, best segments, sum of best', () => {
  const history = [
    attempt('complete', [40, 45, 50]), // 135
    attempt('complete', [42, 38, 41]), // 121 ← PB
    attempt('practice', [30, 30, 30]), // 90, practice: never PB
    attempt('aborted', [35, null, null]),
    attempt('complete', [39, 40, null]), // skipped the last: not PB-eligible
    attempt('complete', [30, 30, 30], { targetSeconds: 90 }), // other target
    attempt('complete', [20, 20, 20], { sectionId: 'other' }),
  ];
  const r = computeRecords(history, '1-pitch-court', 120, KEYS);

  it('takes the fastest complete run with nothing skipped as personal best, never a practice run', () => {
    expect(r.personalBest!.totalSeconds).toBe(121);
  });
  it('takes best segments only from complete runs of this section and target (practice, aborted, skipped: never)', () => {
    expect(r.bestSegments).toEqual({ '1-a': 40, '2-b': 38, '3-c': 41 });
    expect(r.sumOfBest).toBe(119);
  });
  it('counts every attempt, and the complete ones apart', () => {
    expect(r.attemptCount).toBe(5);
    expect(r.completedCount).toBe(2);
  });
  it('gives the PB cumulative split times for live comparison', () => {
    expect(pbCumulative(r.personalBest, KEYS)).toEqual([42, 80, 121]);
    expect(pbCumulative(null, KEYS)).toEqual([null, null, null]);
  });
  it('has no sum of best while a split has never been timed', () => {
    expect(computeRecords([attempt('complete', [40, null, 50])], '1-pitch-court', 120, KEYS).sumOfBest).toBeNull();
  });
});

describe('run summary', () => {
  it('flags a new personal best, new best segments, pace and the split to work on', () => {
    const before = [attempt('complete', [40, 45, 50])];
    const records = computeRecords(before, '1-pitch-court', 120, KEYS);
    const run = attempt('complete', [38, 50, 30]);
    const s = summarizeRun(run, records, [...before, run], KEYS);
    expect(s.newPersonalBest).toBe(true);
    expect(s.pbBefore).toBe(135);
    expect(s.splits.map((x) => x.gold)).toEqual([true, false, true]);
    expect(s.sumOfBest).toBe(38 + 45 + 30);
    expect(s.workOn).toBe(1); // 50 s for a 40 s budget
    expect(s.pace).toMatchObject({ wordsPerMinute: Math.round((300 / 118) * 60), source: 'text', verdict: 'good' });
    expect(s.attemptNumber).toBe(2);
  });
  it('never makes a practice run a personal best', () => {
    const run = attempt('practice', [10, 10, 10]);
    const s = summarizeRun(run, computeRecords([], '1-pitch-court', 120, KEYS), [run], KEYS);
    expect(s.newPersonalBest).toBe(false);
  });
});

describe('auto-fading cues', () => {
  const run = (level: PromptLevel, total: number, kind: AttemptKind = 'complete') => ({
    ...attempt(kind, [total / 3, total / 3, total / 3]),
    promptLevel: level,
    totalSeconds: total,
  });

  it('starts at full text', () =>
    expect(autoPromptLevel([], '1-pitch-court')).toMatchObject({ level: 'full', reason: 'start' }));
  it('fades one level after three runs at the current level within ±10% of the target', () => {
    expect(autoPromptLevel([run('full', 125), run('full', 110), run('full', 130)], '1-pitch-court')).toMatchObject({
      level: 'cues',
      reason: 'fade',
    });
  });
  it('does not fade when one of the three was outside ±10%', () => {
    expect(autoPromptLevel([run('full', 140), run('full', 110), run('full', 130)], '1-pitch-court')).toMatchObject({
      level: 'full',
      reason: 'same',
    });
  });
  it('needs three runs at the new level before fading again', () => {
    expect(
      autoPromptLevel([run('full', 120), run('full', 120), run('full', 120), run('cues', 120)], '1-pitch-court').level,
    ).toBe('cues');
  });
  it('comes back one level after a run more than 20% over', () => {
    expect(autoPromptLevel([run('initials', 150)], '1-pitch-court')).toMatchObject({ level: 'cues', reason: 'back' });
  });
  it('ignores practice and other sections', () => {
    expect(autoPromptLevel([run('initials', 120), run('none', 300, 'practice')], '1-pitch-court').level).toBe(
      'initials',
    );
    expect(autoPromptLevel([run('initials', 120)], 'other').level).toBe('full');
  });
});
