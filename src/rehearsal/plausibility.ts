import type { SplitRecord, SuspectReason } from './types.js';

/**
 * The plausibility rule: a time no speaker could have said the text in is an accidental tap, not a record.
 *
 * - Pace: a split, or the run as a whole (the splits said), faster than 260 words a minute over its text.
 *   Fast conversational French or English stays under about 200; auctioneers and "fast talkers" reach
 *   250–300, and nobody rehearses an interview pitch like that.
 * - Floor: a split of 10 words or more ended in under 1.5 s — a double tap, whatever the word count says.
 *
 * A run that breaks either rule is saved as suspect and feeds no record, unless the user confirms it.
 */
export const PLAUSIBILITY = {
  maxWordsPerMinute: 260,
  floorSeconds: 1.5,
  floorMinWords: 10,
} as const;

/** Words a minute, or null when there is no time or no text to measure. */
export function wordsPerMinute(words: number, seconds: number): number | null {
  if (!(words > 0) || !(seconds > 0)) return null;
  return Math.round((words / seconds) * 60);
}

/** Why one split is implausible, or null when it is fine (or not said). */
export function splitImplausibility(split: Pick<SplitRecord, 'key' | 'words' | 'seconds'>): SuspectReason | null {
  const { words, seconds } = split;
  if (seconds === null || !(words > 0)) return null;
  const wpm = wordsPerMinute(words, seconds);
  if (words >= PLAUSIBILITY.floorMinWords && seconds < PLAUSIBILITY.floorSeconds)
    return { key: split.key, rule: 'floor', words, seconds, wordsPerMinute: wpm };
  // A split said in 0.0 s has no pace but is certainly a tap.
  if (seconds <= 0 || (wpm !== null && wpm > PLAUSIBILITY.maxWordsPerMinute))
    return { key: split.key, rule: 'pace', words, seconds, wordsPerMinute: wpm };
  return null;
}

/** Every reason a run is implausible: each split that breaks the rule, then the run as a whole. Empty when credible. */
export function assessPlausibility(splits: readonly Pick<SplitRecord, 'key' | 'words' | 'seconds'>[]): SuspectReason[] {
  const reasons = splits.map(splitImplausibility).filter((r): r is SuspectReason => r !== null);
  const said = splits.filter((s) => s.seconds !== null);
  const words = said.reduce((n, s) => n + s.words, 0);
  const seconds = Math.round(said.reduce((n, s) => n + s.seconds!, 0) * 10) / 10;
  const wpm = wordsPerMinute(words, seconds);
  if (wpm !== null && wpm > PLAUSIBILITY.maxWordsPerMinute)
    reasons.push({ key: null, rule: 'pace', words, seconds, wordsPerMinute: wpm });
  return reasons;
}
