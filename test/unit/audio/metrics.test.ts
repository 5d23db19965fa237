import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeSegments, summarizeSpeech } from '../../../src/audio/metrics.js';
import { compareToTruth } from '../../../src/audio/accuracy.js';
import { segmentLayouts } from './helpers.js';

const seg = (start: number, end: number) => ({ start, end });

describe('analyzeSegments: pace and pauses from speech segments', () => {
  // 2 s lead-in, then speech with pauses of 0.3, 1.0, 2.5 and 0.29 s, then 3 s of silence.
  const segments = [seg(2, 10), seg(10.3, 20), seg(21, 30), seg(32.5, 40), seg(40.29, 50)];
  const duration = 53;

  it('gives the issue’s JSON contract', () => {
    const a = analyzeSegments({ durationSeconds: duration, segments });
    expect(Object.keys(a)).toEqual(
      expect.arrayContaining([
        'durationSeconds',
        'speechSeconds',
        'segments',
        'pauses',
        'longestPauseSeconds',
        'wordsPerMinute',
        'splits',
      ]),
    );
    expect(a).toMatchObject({ durationSeconds: 53, wordsPerMinute: null, splits: null, noSpeech: false });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('pauses are gaps of 0.3 s or more between speech, never the silence before or after it', () => {
    const a = analyzeSegments({ durationSeconds: duration, segments });
    expect(a.pauses).toEqual([seg(10, 10.3), seg(20, 21), seg(30, 32.5)]);
    expect(a.pauseCounts).toEqual({ atLeast300ms: 3, atLeast1s: 2, atLeast2500ms: 1 });
    expect(a.longestPauseSeconds).toBe(2.5);
    expect(a.speechSeconds).toBeCloseTo(8 + 9.7 + 9 + 7.5 + 9.71, 3);
    expect(a.speechRatio).toBeCloseTo(a.speechSeconds / 53, 3);
  });

  it('overall pace runs from the first word to the last; speaking pace leaves the pauses out', () => {
    const a = analyzeSegments({ durationSeconds: duration, segments }, { scriptWords: 120 });
    expect(a.spokenSpan).toEqual(seg(2, 50));
    expect(a.wordsPerMinute).toBe(150); // 120 words in 48 s
    expect(a.speakingWordsPerMinute).toBeCloseTo((120 / a.speechSeconds) * 60, 1);
    expect(a.verdict).toBe('good');
  });

  it.each([
    [95, 'slow'],
    [96, 'good'],
    [128, 'good'],
    [129, 'fast'],
  ])('%i words in 48 s: %s against 120–160 words a minute', (words, verdict) => {
    expect(analyzeSegments({ durationSeconds: duration, segments }, { scriptWords: words }).verdict).toBe(verdict);
  });

  it('silence only: no speech, no pauses, no pace, and no division by zero', () => {
    const a = analyzeSegments(
      { durationSeconds: 12, segments: [] },
      { scriptWords: 200, splitEnds: [5, 12], splitWords: [100, 100] },
    );
    expect(a).toMatchObject({
      noSpeech: true,
      speechSeconds: 0,
      speechRatio: 0,
      pauses: [],
      longestPauseSeconds: 0,
      wordsPerMinute: null,
      verdict: null,
      spokenSpan: null,
    });
    expect(a.splits!.map((s) => [s.speechSeconds, s.wordsPerMinute, s.verdict])).toEqual([
      [0, null, null],
      [0, null, null],
    ]);
  });

  it('a zero-length recording is all zeros, not NaN', () => {
    const a = analyzeSegments({ durationSeconds: 0, segments: [] });
    expect(a).toMatchObject({ durationSeconds: 0, speechRatio: 0, wordsPerMinute: null });
  });
});

describe('per split figures', () => {
  const segments = [seg(1, 5), seg(6.5, 9), seg(9.4, 14), seg(17, 20)];

  it('cuts the recording at the split ends, from the clock start, with words per split', () => {
    const a = analyzeSegments(
      { durationSeconds: 21, segments },
      {
        splitEnds: [6, 15, 20.5],
        splitWords: [10, 20, 8],
        splitTitles: ['Intro', 'Mission', 'Fin'],
        clockStart: 0.5,
        scriptWords: 38,
      },
    );
    expect(a.splits!.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Intro', 0.5, 6],
      ['Mission', 6, 15],
      ['Fin', 15, 20.5],
    ]);
    const [intro, mission, end] = a.splits!;
    expect(intro!.speechSeconds).toBe(4);
    expect(intro!.wordsPerMinute).toBeCloseTo((10 / 5.5) * 60, 1);
    expect(intro!.speakingWordsPerMinute).toBe(150);
    // The 1.5 s pause starts in Intro (at 5) though it ends in Mission: it counts once, in Intro.
    expect(intro!.pauseCounts).toEqual({ atLeast300ms: 1, atLeast1s: 1, atLeast2500ms: 0 });
    expect(mission!.pauseCounts).toEqual({ atLeast300ms: 2, atLeast1s: 1, atLeast2500ms: 1 });
    expect(mission!.longestPauseSeconds).toBe(3);
    expect(end!.speechSeconds).toBe(3);
    expect(a.paceOverTime).toEqual(
      a.splits!.map((s) => ({ start: s.start, end: s.end, wordsPerMinute: s.wordsPerMinute })),
    );
  });

  it('a split ending before the previous one (skipped) lasts zero seconds and has no pace', () => {
    const a = analyzeSegments({ durationSeconds: 21, segments }, { splitEnds: [6, 4, 15], splitWords: [10, 5, 20] });
    expect(a.splits![1]).toMatchObject({ start: 6, end: 6, durationSeconds: 0, wordsPerMinute: null, verdict: null });
  });

  it('split ends beyond the file are clamped to it', () => {
    const a = analyzeSegments({ durationSeconds: 21, segments }, { splitEnds: [30] });
    expect(a.splits![0]).toMatchObject({ start: 0, end: 21, words: null, wordsPerMinute: null });
  });

  it('summarizeSpeech keeps the figures for history without the segment lists', () => {
    const summary = summarizeSpeech(
      analyzeSegments({ durationSeconds: 21, segments }, { splitEnds: [6, 21], splitWords: [10, 20], scriptWords: 30 }),
    );
    expect(summary).not.toHaveProperty('segments');
    expect(summary.splits).toHaveLength(2);
    expect(JSON.stringify(summary).length).toBeLessThan(600);
  });
});

describe('properties', () => {
  const layouts = segmentLayouts({ min: 0.01, max: 5 }, { min: 0.01, max: 5 }, 30);

  it('speech + pauses fit in the file, counts shrink from class to class, pauses never overlap speech', () => {
    fc.assert(
      fc.property(layouts, fc.double({ min: 0, max: 10, noNaN: true }), (segments, tail) => {
        const duration = (segments[segments.length - 1]?.end ?? 0) + tail;
        const a = analyzeSegments({ durationSeconds: duration, segments });
        const pauseTotal = a.pauses.reduce((n, p) => n + p.end - p.start, 0);
        expect(a.speechSeconds + pauseTotal).toBeLessThanOrEqual(duration + 0.01);
        expect(a.pauseCounts.atLeast300ms).toBeGreaterThanOrEqual(a.pauseCounts.atLeast1s);
        expect(a.pauseCounts.atLeast1s).toBeGreaterThanOrEqual(a.pauseCounts.atLeast2500ms);
        expect(a.pauses.every((p) => p.end - p.start >= 0.299)).toBe(true);
        for (const p of a.pauses)
          for (const s of a.segments)
            expect(Math.min(p.end, s.end) - Math.max(p.start, s.start)).toBeLessThanOrEqual(0.001);
      }),
    );
  });

  it('compareToTruth of a layout against itself is perfect', () => {
    fc.assert(
      fc.property(layouts, (segments) => {
        const accuracy = compareToTruth(segments, segments);
        expect(accuracy).toMatchObject({ missedPauses: 0, inventedPauses: 0, maxBoundaryErrorSeconds: 0 });
        expect(accuracy.speechErrorPercent).toBeCloseTo(0, 9);
      }),
    );
  });

  it('compareToTruth notices a swallowed pause and a late edge', () => {
    const truth = [seg(0, 1), seg(1.5, 2), seg(3, 4)];
    const accuracy = compareToTruth(truth, [seg(0, 2), seg(3.08, 4)]);
    expect(accuracy).toMatchObject({ missedPauses: 1, inventedPauses: 0, meetsGoals: false });
    expect(accuracy.maxBoundaryErrorSeconds).toBeCloseTo(1.5, 6); // the swallowed pause's far side
  });
});
