import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessPlausibility, PLAUSIBILITY, splitImplausibility } from '../../../src/rehearsal/plausibility.js';

const split = (words: number, seconds: number | null, key = 'k') => ({ key, words, seconds });

describe('the plausibility rule', () => {
  it('states its limits: 260 words a minute, 1.5 s for a split of 10 words or more', () => {
    expect(PLAUSIBILITY).toEqual({ maxWordsPerMinute: 260, floorSeconds: 1.5, floorMinWords: 10 });
  });

  it('accepts a brisk but human pace', () => {
    expect(splitImplausibility(split(50, 12))).toBeNull(); // 250 words/min
    expect(splitImplausibility(split(39, 9))).toBeNull(); // 260 words/min: the limit itself is allowed
    expect(splitImplausibility(split(12, 3))).toBeNull(); // 240 words/min
  });

  it('flags a split said faster than 260 words a minute', () => {
    expect(splitImplausibility(split(47, 10))).toMatchObject({ rule: 'pace', wordsPerMinute: 282 });
    expect(splitImplausibility(split(8, 1))).toMatchObject({ rule: 'pace', wordsPerMinute: 480 });
  });

  it('flags a split of 10+ words ended in under 1.5 s, whatever its pace', () => {
    expect(splitImplausibility(split(10, 1.4))).toMatchObject({ rule: 'floor', words: 10, seconds: 1.4 });
    expect(splitImplausibility(split(64, 0.3))).toMatchObject({ rule: 'floor' });
  });

  it('flags a split ended at once (0.0 s) and ignores splits not said or without words', () => {
    expect(splitImplausibility(split(3, 0))).toMatchObject({ rule: 'pace' });
    expect(splitImplausibility(split(40, null))).toBeNull();
    expect(splitImplausibility(split(0, 0.2))).toBeNull();
  });

  it('judges the whole run too: five quick taps on a 239-word pitch', () => {
    const taps = [31, 64, 35, 83, 26].map((w, i) => split(w, [2.9, 2.4, 2.3, 2.8, 2.4][i]!, `s${i}`));
    const reasons = assessPlausibility(taps);
    const run = reasons.find((r) => r.key === null)!;
    expect(run).toMatchObject({ rule: 'pace', words: 239, seconds: 12.8, wordsPerMinute: 1120 });
    expect(reasons.filter((r) => r.key !== null)).toHaveLength(5);
  });

  it('finds nothing to say about a credible run', () => {
    expect(assessPlausibility([split(31, 14), split(64, 27), split(35, 20)])).toEqual([]);
  });

  it('never flags a split said at 200 words a minute or slower (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 1, max: 3, noNaN: true }), (words, slack) => {
        const seconds = Math.round(((words * 60) / 200) * slack * 10) / 10;
        if (seconds < PLAUSIBILITY.floorSeconds) return; // the floor is about taps, not pace
        expect(splitImplausibility(split(words, seconds))).toBeNull();
      }),
    );
  });
});
