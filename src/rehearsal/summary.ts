import type { Attempt } from './types.js';
import type { Records } from './records.js';
import { computeRecords } from './records.js';
import { PACE_BAND } from '../pitch/words.js';

export interface SplitSummary {
  title: string;
  seconds: number | null;
  budgetSeconds: number;
  /** seconds − budget; null when skipped. */
  deltaSeconds: number | null;
  /** Best segment before this run (null when none). */
  bestBefore: number | null;
  newBest: boolean;
}

export type PaceVerdict = 'slow' | 'good' | 'fast';

/** Everything the end-of-run screen shows, computed from the attempt and the history before it. */
export interface RunSummary {
  kind: Attempt['kind'];
  totalSeconds: number;
  targetSeconds: number;
  deltaSeconds: number;
  /** Personal best before this run, and whether this run beat it. */
  pbBefore: number | null;
  newPersonalBest: boolean;
  splits: SplitSummary[];
  newBestCount: number;
  /** Sum of best segments including this run, when every split has one. */
  sumOfBest: number | null;
  /** Number of this attempt among the runs of this section and target. */
  attemptNumber: number;
  wordsPerMinute: number | null;
  pace: PaceVerdict | null;
  /** Index (in splits) of the split to work on next: the most over budget; null when none is over. */
  workOn: number | null;
}

export function summarizeRun(
  attempt: Attempt,
  before: Records,
  historyAfter: readonly Attempt[],
  allKeys: readonly string[],
): RunSummary {
  const splits: SplitSummary[] = attempt.splits.map((s) => {
    const bestBefore = before.bestSegments[s.key] ?? null;
    return {
      title: s.title,
      seconds: s.seconds,
      budgetSeconds: s.budgetSeconds,
      deltaSeconds: s.seconds === null ? null : round1(s.seconds - s.budgetSeconds),
      bestBefore,
      newBest: s.seconds !== null && s.seconds > 0 && (bestBefore === null || s.seconds < bestBefore),
    };
  });
  const pbBefore = before.personalBest?.totalSeconds ?? null;
  const eligible = attempt.kind === 'complete' && attempt.splits.every((s) => s.seconds !== null);
  const after = computeRecords(historyAfter, attempt.sectionId, attempt.targetSeconds, allKeys);
  const spokenWords = attempt.splits.reduce((n, s) => n + (s.seconds !== null ? s.words : 0), 0);
  const spokenSeconds = attempt.splits.reduce((n, s) => n + (s.seconds ?? 0), 0);
  const wpm = spokenSeconds > 0 && spokenWords > 0 ? Math.round((spokenWords / spokenSeconds) * 60) : null;
  let workOn: number | null = null;
  splits.forEach((s, i) => {
    if (
      s.deltaSeconds !== null &&
      s.deltaSeconds > 0 &&
      (workOn === null || s.deltaSeconds > splits[workOn]!.deltaSeconds!)
    )
      workOn = i;
  });
  return {
    kind: attempt.kind,
    totalSeconds: attempt.totalSeconds,
    targetSeconds: attempt.targetSeconds,
    deltaSeconds: round1(attempt.totalSeconds - attempt.targetSeconds),
    pbBefore,
    newPersonalBest: eligible && (pbBefore === null || attempt.totalSeconds < pbBefore),
    splits,
    newBestCount: splits.filter((s) => s.newBest).length,
    sumOfBest: after.sumOfBest,
    attemptNumber: after.attemptCount,
    wordsPerMinute: wpm,
    pace: wpm === null ? null : wpm < PACE_BAND.min ? 'slow' : wpm > PACE_BAND.max ? 'fast' : 'good',
    workOn,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
