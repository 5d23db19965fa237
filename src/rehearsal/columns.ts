import type { SplitEnd } from './types.js';
import { splitImplausibility } from './plausibility.js';

/**
 * The split table, LiveSplit style, with one meaning per column — the same on the live screen and in the
 * summary:
 * - segment: the time this split took;
 * - budget: the time it was given (rehearsal/plan.ts);
 * - segment delta: segment − budget, this split alone;
 * - cumulative delta: the clock at the end of this split against the comparison — the personal best's
 *   clock at the same split when there is one, else the budgets added up so far (the target's pace);
 * - best: the best segment before this run (gold when this run beats it).
 */
export type Comparison = 'pb' | 'target';

export interface SplitRow {
  key: string;
  title: string;
  /** said / skipped / unreached, or current for the split being said on the live screen. */
  state: SplitEnd | 'current';
  segment: number | null;
  budget: number;
  segmentDelta: number | null;
  cumulativeDelta: number | null;
  best: number | null;
  /** A new best segment (only when this run can set one). */
  gold: boolean;
  /** The clock is ahead of the personal best's at this split (LiveSplit's blue). */
  aheadOfPb: boolean;
}

export interface RowsInput {
  splits: ReadonlyArray<{ key: string; title: string; budgetSeconds: number; words: number }>;
  ends: readonly SplitEnd[];
  /** Seconds of each split (null when not said). */
  segments: ReadonlyArray<number | null>;
  /** Clock seconds at the end of each split (null when not reached). */
  at: ReadonlyArray<number | null>;
  /** Best segment of each split key before this run. */
  bestSegments: Readonly<Record<string, number>>;
  /** Personal best's clock at the end of each split (null where unknown). */
  pbCumulative: ReadonlyArray<number | null>;
  /** Whether this run may set best segments (not practice; the summary also needs it complete and credible). */
  canSetBests: boolean;
  /** On the live screen: the split being said, its running time and the clock. */
  live?: { index: number; segment: number; elapsed: number } | undefined;
}

/** What the cumulative column compares with: the personal best when it has a time for every split. */
export function comparisonOf(pbCumulative: ReadonlyArray<number | null>): Comparison {
  return pbCumulative.length > 0 && pbCumulative.every((x) => x !== null) ? 'pb' : 'target';
}

export function splitRows(input: RowsInput): SplitRow[] {
  const comparison = comparisonOf(input.pbCumulative);
  let budgetSum = 0;
  return input.splits.map((s, i) => {
    budgetSum += s.budgetSeconds;
    const reference = comparison === 'pb' ? input.pbCumulative[i]! : budgetSum;
    const bestBefore = input.bestSegments[s.key] ?? null;
    const live = input.live && input.live.index === i ? input.live : null;
    const end = input.ends[i] ?? 'unreached';
    if (live && end === 'unreached') {
      const cumulative = live.elapsed - reference;
      return {
        key: s.key,
        title: s.title,
        state: 'current',
        segment: live.segment,
        budget: s.budgetSeconds,
        // LiveSplit shows a running delta only once it is behind: ahead, it would flicker for nothing.
        segmentDelta: live.segment > s.budgetSeconds ? round1(live.segment - s.budgetSeconds) : null,
        cumulativeDelta: cumulative > 0 ? round1(cumulative) : null,
        best: bestBefore,
        gold: false,
        aheadOfPb: false,
      };
    }
    const segment = end === 'said' ? (input.segments[i] ?? null) : null;
    const at = input.at[i] ?? null;
    const credible = segment !== null && splitImplausibility({ key: s.key, words: s.words, seconds: segment }) === null;
    return {
      key: s.key,
      title: s.title,
      state: end,
      segment,
      budget: s.budgetSeconds,
      segmentDelta: segment === null ? null : round1(segment - s.budgetSeconds),
      cumulativeDelta: segment === null || at === null ? null : round1(at - reference),
      best: bestBefore,
      gold: input.canSetBests && credible && segment! > 0 && (bestBefore === null || segment! < bestBefore),
      aheadOfPb: segment !== null && at !== null && input.pbCumulative[i] != null && at < input.pbCumulative[i]!,
    };
  });
}

/** Clock seconds at the end of each split from stored segment times, for records saved without them. */
export function cumulativeFromSegments(
  splits: ReadonlyArray<{ seconds: number | null; at?: number | null | undefined }>,
): Array<number | null> {
  let sum = 0;
  return splits.map((s) => {
    if (s.at !== undefined) return s.at;
    if (s.seconds === null) return null;
    sum += s.seconds;
    return round1(sum);
  });
}

const round1 = (x: number) => Math.round(x * 10) / 10;
