import type { Attempt } from './types.js';
import type { PromptLevel } from './cues.js';
import { PROMPT_LEVELS } from './cues.js';

/** What the history says about one section at one target: the references a run is compared with. */
export interface Records {
  /** Fastest complete run with every split said (practice runs never count). */
  personalBest: Attempt | null;
  /** Best time of each split, by split key, from every kind of run. */
  bestSegments: Record<string, number>;
  /** Sum of the best segments, when every split has one. */
  sumOfBest: number | null;
  /** Runs of this section and target before this one (complete ones). */
  completedCount: number;
  attemptCount: number;
}

export const sameRun = (sectionId: string, targetSeconds: number) => (a: Attempt) =>
  a.sectionId === sectionId && Math.abs(a.targetSeconds - targetSeconds) < 0.05;

/** A run that may be a personal best: complete, not practice, nothing skipped. */
export function isPbEligible(a: Attempt): boolean {
  return a.kind === 'complete' && a.splits.every((s) => s.seconds !== null);
}

export function computeRecords(
  history: readonly Attempt[],
  sectionId: string,
  targetSeconds: number,
  splitKeys: readonly string[],
): Records {
  const runs = history.filter(sameRun(sectionId, targetSeconds));
  let personalBest: Attempt | null = null;
  for (const a of runs)
    if (isPbEligible(a) && (!personalBest || a.totalSeconds < personalBest.totalSeconds)) personalBest = a;
  const bestSegments: Record<string, number> = {};
  for (const a of runs)
    for (const s of a.splits)
      if (
        s.seconds !== null &&
        s.seconds > 0 &&
        (bestSegments[s.key] === undefined || s.seconds < bestSegments[s.key]!)
      )
        bestSegments[s.key] = s.seconds;
  const complete = splitKeys.length > 0 && splitKeys.every((k) => bestSegments[k] !== undefined);
  return {
    personalBest,
    bestSegments,
    sumOfBest: complete ? Math.round(splitKeys.reduce((n, k) => n + bestSegments[k]!, 0) * 10) / 10 : null,
    completedCount: runs.filter((a) => a.kind === 'complete').length,
    attemptCount: runs.length,
  };
}

/** Cumulative seconds of the personal best at the end of each split (null where unknown). */
export function pbCumulative(pb: Attempt | null, splitKeys: readonly string[]): Array<number | null> {
  if (!pb) return splitKeys.map(() => null);
  let sum = 0;
  const byKey = new Map(pb.splits.map((s) => [s.key, s.seconds]));
  return splitKeys.map((k) => {
    const v = byKey.get(k);
    if (v === null || v === undefined) return null;
    sum += v;
    return Math.round(sum * 10) / 10;
  });
}

export type LevelChange = {
  level: PromptLevel;
  previous: PromptLevel | null;
  reason: 'start' | 'fade' | 'back' | 'same';
};

/**
 * The cue level for the next run of a section (--prompt auto): start at "full"; fade one level
 * when the last three complete runs were all at the current level and within ±10% of their target;
 * come back up one level after a complete run more than 20% over its target.
 */
export function autoPromptLevel(history: readonly Attempt[], sectionId: string): LevelChange {
  const runs = history.filter((a) => a.sectionId === sectionId && a.kind === 'complete');
  const last = runs[runs.length - 1];
  if (!last) return { level: 'full', previous: null, reason: 'start' };
  const index = Math.max(0, PROMPT_LEVELS.indexOf(last.promptLevel));
  const level = PROMPT_LEVELS[index]!;
  const ratio = (a: Attempt) => a.totalSeconds / a.targetSeconds;
  if (ratio(last) > 1.2 && index > 0) return { level: PROMPT_LEVELS[index - 1]!, previous: level, reason: 'back' };
  const lastThree = runs.slice(-3);
  const steady =
    lastThree.length === 3 && lastThree.every((a) => a.promptLevel === level && Math.abs(ratio(a) - 1) <= 0.1);
  if (steady && index < PROMPT_LEVELS.length - 1)
    return { level: PROMPT_LEVELS[index + 1]!, previous: level, reason: 'fade' };
  return { level, previous: level, reason: 'same' };
}
