import type { Attempt, SplitEnd } from './types.js';
import type { PromptLevel } from './prompt-levels.js';
import { PROMPT_LEVELS } from './prompt-levels.js';
import { assessPlausibility, PLAUSIBILITY } from './plausibility.js';
import { belongsTo, type PitchIdentity } from './identity.js';
import { cumulativeFromSegments } from './columns.js';

/** What the history says about one section at one target: the references a run is compared with. */
export interface Records {
  /** Fastest run that counts (complete, credible). */
  personalBest: Attempt | null;
  /** Best time of each split, by split key, from the runs that count. */
  bestSegments: Record<string, number>;
  /** Sum of the best segments, when every split has one. */
  sumOfBest: number | null;
  /** Runs of this section and target that count for records. */
  completedCount: number;
  /** Every run of this section and target (any kind): the attempt counter. */
  attemptCount: number;
  /** Complete runs left out because they were implausibly fast. */
  suspectCount: number;
}

/**
 * Names the rules normalizeAttempt judges by (its own logic and the plausibility thresholds): statuses
 * kept in a snapshot (stats/history-table.ts) under other rules are judged again. Bump the leading
 * number whenever normalizeAttempt changes what it decides.
 */
export const RECORD_RULES_VERSION = `1-${PLAUSIBILITY.maxWordsPerMinute}-${PLAUSIBILITY.floorSeconds}-${PLAUSIBILITY.floorMinWords}`;

/**
 * An attempt as this version understands it, whatever version saved it: a "complete" run with a split not
 * said is incomplete; a run saved before the plausibility rule gets judged by it now (unless confirmed);
 * every split says how it ended; pitchFile is null when unknown. Pure; returns the same object when nothing changes.
 */
export function normalizeAttempt(a: Attempt): Attempt {
  const ends = a.splits.some((s) => s.end === undefined);
  const unsaid = a.kind === 'complete' && a.splits.some((s) => s.seconds === null || (s.end && s.end !== 'said'));
  const judge = a.suspect === undefined;
  const noFile = a.pitchFile === undefined;
  if (!ends && !unsaid && !judge && !noFile) return a;
  const out: Attempt = { ...a };
  if (ends)
    out.splits = a.splits.map((s) =>
      s.end !== undefined ? s : { ...s, end: (s.seconds === null ? 'unreached' : 'said') as SplitEnd },
    );
  if (unsaid) out.kind = 'incomplete';
  if (judge) {
    const reasons = a.confirmedFast ? [] : assessPlausibility(a.splits);
    out.suspect = reasons.length > 0;
    if (reasons.length) out.suspectReasons = reasons;
  }
  if (noFile) out.pitchFile = null;
  return out;
}

/** The one rule for what feeds records, medians, charts and pace trends: complete and credible. */
export function countsForRecords(a: Attempt): boolean {
  const n = normalizeAttempt(a);
  return n.kind === 'complete' && !n.suspect;
}

export const sameRun =
  (sectionId: string, targetSeconds: number, identity: PitchIdentity | null = null) =>
  (a: Attempt) =>
    a.sectionId === sectionId && Math.abs(a.targetSeconds - targetSeconds) < 0.05 && belongsTo(identity)(a);

export function computeRecords(
  history: readonly Attempt[],
  sectionId: string,
  targetSeconds: number,
  splitKeys: readonly string[],
  identity: PitchIdentity | null = null,
): Records {
  const runs = history.filter(sameRun(sectionId, targetSeconds, identity)).map(normalizeAttempt);
  const counted = runs.filter(countsForRecords);
  let personalBest: Attempt | null = null;
  for (const a of counted) if (!personalBest || a.totalSeconds < personalBest.totalSeconds) personalBest = a;
  // Split keys come from the user's headings: no inherited keys (`constructor`…).
  const bestSegments: Record<string, number> = Object.create(null);
  for (const a of counted)
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
    completedCount: counted.length,
    attemptCount: runs.length,
    suspectCount: runs.filter((a) => a.kind === 'complete' && a.suspect).length,
  };
}

/** Cumulative seconds of the personal best at the end of each split (null where unknown). */
export function pbCumulative(pb: Attempt | null, splitKeys: readonly string[]): Array<number | null> {
  if (!pb) return splitKeys.map(() => null);
  const at = cumulativeFromSegments(pb.splits);
  const byKey = new Map(pb.splits.map((s, i) => [s.key, s.seconds === null ? null : at[i]!]));
  return splitKeys.map((k) => byKey.get(k) ?? null);
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
export function autoPromptLevel(
  history: readonly Attempt[],
  sectionId: string,
  identity: PitchIdentity | null = null,
): LevelChange {
  const mine = belongsTo(identity);
  const runs = history.filter((a) => a.sectionId === sectionId && mine(a) && countsForRecords(a));
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
