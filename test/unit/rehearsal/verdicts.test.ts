import { describe, expect, it } from 'vitest';
import { computeRecords } from '../../../src/rehearsal/records.js';
import { isSignificantOverrun, summarizeRun } from '../../../src/rehearsal/summary.js';
import { belongsTo, sectionHash, type PitchIdentity } from '../../../src/rehearsal/identity.js';
import { parsePitch } from '../../../src/pitch/parse.js';
import type { Attempt, AttemptKind } from '../../../src/rehearsal/types.js';

const KEYS = ['1-a', '2-b', '3-c'];
const BUDGETS = [20, 40, 30];
let n = 0;
/** A run of a 90 s section (budgets 20, 40, 30 s; 40 words a split) with these split times. */
function run(times: Array<number | null>, kind: AttemptKind = 'complete', extra: Partial<Attempt> = {}): Attempt {
  let at = 0;
  return {
    id: `r${n++}`,
    startedAt: '2026-11-20T10:00:00.000Z',
    sectionId: 'pitch',
    sectionTitle: 'Pitch',
    targetSeconds: 90,
    promptLevel: 'full',
    kind,
    totalSeconds: times.reduce<number>((s, t) => s + (t ?? 0), 0),
    splits: KEYS.map((key, i) => {
      const seconds = times[i] ?? null;
      if (seconds !== null) at += seconds;
      return {
        key,
        title: key,
        budgetSeconds: BUDGETS[i]!,
        seconds,
        words: 40,
        end: seconds === null ? ('unreached' as const) : ('said' as const),
        at: seconds === null ? null : at,
      };
    }),
    words: 120,
    pitchFile: '/p.md',
    ...extra,
  };
}

const summarize = (a: Attempt, history: Attempt[] = [], options = {}) =>
  summarizeRun(a, computeRecords(history, 'pitch', 90, KEYS), [...history, a], KEYS, options);

describe('verdicts with a sense of proportion', () => {
  it('warns when a complete run is more than 20 % short of its target (38 s for 90 s)', () => {
    expect(summarize(run([10, 16, 12])).targetVerdict).toBe('short');
  });
  it('warns when it is more than 20 % long (1:50 for 1:30), and says nothing within ±20 %', () => {
    expect(summarize(run([30, 50, 30])).targetVerdict).toBe('long');
    expect(summarize(run([22, 44, 32])).targetVerdict).toBeNull(); // 98 s: +9 %
    expect(summarize(run([18, 36, 20])).targetVerdict).toBeNull(); // 74 s: −18 %
  });
  it('gives no target verdict on a run that did not end', () => {
    expect(summarize(run([10, null, null], 'incomplete')).targetVerdict).toBeNull();
  });

  it('calls an overrun significant from 10 % of the budget and 2 s', () => {
    expect(isSignificantOverrun(20.3, 20)).toBe(false); // 0.3 s over: noise
    expect(isSignificantOverrun(22, 20)).toBe(true); // 2 s = 10 %
    expect(isSignificantOverrun(41.9, 40)).toBe(false); // 1.9 s < 2 s
    expect(isSignificantOverrun(43.9, 40)).toBe(false); // 3.9 s < 4 s (10 % of 40)
    expect(isSignificantOverrun(44, 40)).toBe(true);
  });

  it('names the split with the largest significant overrun', () => {
    const s = summarize(run([23, 46, 29]));
    expect(s.workOn).toBe(1); // +6 s on 40 s, ahead of +3 s on 20 s
  });

  it('does not flag a split 0.3 s over, and does not claim every split was within budget either', () => {
    const s = summarize(run([20.3, 39, 29]));
    expect(s.workOn).toBeNull();
    expect(s.budgetVerdict).toBe('noneSignificant');
    expect(summarize(run([19, 39, 29])).budgetVerdict).toBe('allWithin');
  });

  it('never says "all within budget" about a stopped or aborted run', () => {
    expect(summarize(run([19, null, null], 'incomplete')).budgetVerdict).toBeNull();
    expect(summarize(run([19, 30, null], 'aborted')).budgetVerdict).toBeNull();
    expect(summarize(run([19, 30, null], 'aborted')).unsaid).toBe(1);
  });

  it('labels the pace as estimated from the text, or measured when a recording measured it', () => {
    const a = run([20, 40, 30]); // 120 words in 90 s: 80 words a minute
    expect(summarize(a).pace).toMatchObject({ wordsPerMinute: 80, source: 'text', verdict: 'slow' });
    expect(summarize(a, [], { measuredWordsPerMinute: 142.4 }).pace).toMatchObject({
      wordsPerMinute: 142,
      source: 'recording',
      verdict: 'good',
    });
  });

  it('compares the pace with the band of the pitch’s language', () => {
    const a = run([16, 16, 16]); // 120 words in 48 s: 150 words a minute
    expect(summarize(a, [], { lang: 'fr' }).pace).toMatchObject({ band: { min: 120, max: 160 }, verdict: 'good' });
    const b = run([14, 14, 14]); // 120 words in 42 s: 171 words a minute
    expect(summarize(b, [], { lang: 'fr' }).pace!.verdict).toBe('fast');
    expect(summarize(b, [], { lang: 'en' }).pace).toMatchObject({ band: { min: 130, max: 170 }, verdict: 'fast' });
    const c = run([15, 15, 15]); // 160 words a minute
    expect(summarize(c, [], { lang: 'en' }).pace!.verdict).toBe('good');
  });
});

describe('the split table’s columns', () => {
  it('gives each split its own delta against its budget, and the clock against the personal best', () => {
    const pb = run([19, 41, 30]); // clock 19, 60, 90
    const s = summarize(run([21, 38, 31]), [pb]); // clock 21, 59, 90
    expect(s.comparison).toBe('pb');
    expect(s.splits.map((r) => r.segmentDelta)).toEqual([1, -2, 1]);
    expect(s.splits.map((r) => r.cumulativeDelta)).toEqual([2, -1, 0]);
  });
  it('compares the clock with the budgets added up when there is no personal best', () => {
    const s = summarize(run([21, 38, 31])); // clock 21, 59, 90 against 20, 60, 90
    expect(s.comparison).toBe('target');
    expect(s.splits.map((r) => r.cumulativeDelta)).toEqual([1, -1, 0]);
  });
});

describe('suspect runs', () => {
  const taps = run([0.4, 0.3, 0.5]);
  it('never become a personal best, a best segment or part of the sum of best', () => {
    const s = summarize(taps, [run([20, 40, 30])]);
    expect(s.suspect).toBe(true);
    expect(s.canConfirm).toBe(true);
    expect(s.newPersonalBest).toBe(false);
    expect(s.newBestCount).toBe(0);
    expect(s.sumOfBest).toBe(90);
    expect(computeRecords([run([20, 40, 30]), taps], 'pitch', 90, KEYS).personalBest!.totalSeconds).toBe(90);
  });
  it('count once the user confirms them', () => {
    const kept = { ...taps, suspect: false, confirmedFast: true };
    expect(computeRecords([run([20, 40, 30]), kept], 'pitch', 90, KEYS).personalBest!.totalSeconds).toBe(1.2);
  });
});

describe('identity of a pitch', () => {
  const mine: PitchIdentity = { file: '/home/me/a.md', hash: 'h', ownsLegacy: false };
  const bundled: PitchIdentity = { file: '/app/data/pitch.fr.md', hash: 'h', ownsLegacy: true };

  it('keeps records per pitch file: the same heading in a copied file starts from nothing', () => {
    const history = [run([20, 40, 30], 'complete', { pitchFile: '/app/data/pitch.fr.md' })];
    expect(computeRecords(history, 'pitch', 90, KEYS, mine)).toMatchObject({ attemptCount: 0, personalBest: null });
    expect(computeRecords(history, 'pitch', 90, KEYS, bundled)).toMatchObject({ attemptCount: 1 });
  });
  it('gives records saved before identities to the bundled pitch only', () => {
    const legacy = run([20, 40, 30], 'complete', { pitchFile: undefined });
    expect(belongsTo(bundled)(legacy)).toBe(true);
    expect(belongsTo(mine)(legacy)).toBe(false);
  });
  it('notices that a section’s text changed since the personal best', () => {
    const pb = run([20, 40, 30], 'complete', { sectionHash: 'old' });
    expect(summarize(run([21, 40, 30], 'complete', { sectionHash: 'new' }), [pb]).textChangedSincePb).toBe(true);
    expect(summarize(run([21, 40, 30], 'complete', { sectionHash: 'old' }), [pb]).textChangedSincePb).toBe(false);
  });
  it('fingerprints a section by what is said in it, not by where the file is', () => {
    const a = parsePitch('# T\n\n## S\n\nUn texte.\n', 'a.md').sections[0]!.children[0]!;
    const b = parsePitch('# T\n\n## S\n\nUn texte.\n', 'b.md').sections[0]!.children[0]!;
    const c = parsePitch('# T\n\n## S\n\nUn autre texte.\n', 'a.md').sections[0]!.children[0]!;
    expect(sectionHash(a)).toBe(sectionHash(b));
    expect(sectionHash(a)).not.toBe(sectionHash(c));
  });
});
