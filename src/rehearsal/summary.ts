import type { Attempt, SuspectReason } from './types.js';
import type { Records } from './records.js';
import { computeRecords, countsForRecords, normalizeAttempt, pbCumulative } from './records.js';
import { comparisonOf, cumulativeFromSegments, splitRows, type Comparison, type SplitRow } from './columns.js';
import type { PitchIdentity } from './identity.js';
import { wordsPerMinute } from './plausibility.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';

/**
 * Verdicts with a sense of proportion:
 * - a complete run more than 20 % short or long of its target is worth a warning (a 38 s pitch for 90 s is);
 * - a split is worth working on when it runs over its budget by at least 10 % of that budget and at least 2 s
 *   (0.3 s over is noise from the key press, not a problem to work on).
 */
export const VERDICT = {
  targetShare: 0.2,
  overrunShare: 0.1,
  overrunSeconds: 2,
} as const;

export type PaceVerdict = 'slow' | 'good' | 'fast';

export interface PaceSummary {
  wordsPerMinute: number;
  /** text: the words of the script over the time between key presses (an estimate); recording: measured. */
  source: 'text' | 'recording';
  lang: PitchLang;
  band: { min: number; max: number };
  verdict: PaceVerdict;
}

/** Everything the end-of-run screen shows, computed from the attempt and the history before it. */
export interface RunSummary {
  kind: Attempt['kind'];
  /** Implausibly fast (rehearsal/plausibility.ts), with the reasons; such a run feeds no record. */
  suspect: boolean;
  suspectReasons: SuspectReason[];
  /** The user may still keep it as a record: a complete run that only the plausibility rule holds back. */
  canConfirm: boolean;
  totalSeconds: number;
  targetSeconds: number;
  deltaSeconds: number;
  /** A complete, credible run more than 20 % short or long of the target. */
  targetVerdict: 'short' | 'long' | null;
  /** Personal best before this run, and whether this run beat it. */
  pbBefore: number | null;
  newPersonalBest: boolean;
  /** What the cumulative delta column compares with. */
  comparison: Comparison;
  splits: SplitRow[];
  newBestCount: number;
  /** Sum of best segments including this run, when every split has one. */
  sumOfBest: number | null;
  /** Number of this attempt among the runs of this pitch, section and target. */
  attemptNumber: number;
  pace: PaceSummary | null;
  /** Index (in splits) of the split with the largest significant overrun; null when none is significant. */
  workOn: number | null;
  /**
   * Only for a complete, credible run: every split within its budget (allWithin), or some over but none by
   * enough to matter (noneSignificant). Null otherwise — a stopped run never claims all splits were in budget.
   */
  budgetVerdict: 'allWithin' | 'noneSignificant' | null;
  /** Splits skipped or never reached. */
  unsaid: number;
  /** The section's text was edited since the personal best was set. */
  textChangedSincePb: boolean;
}

export interface SummaryOptions {
  identity?: PitchIdentity | null | undefined;
  /** The pitch's language, for the pace band. */
  lang?: PitchLang | undefined;
  /** Words a minute measured on a recording of this run, when there is one. */
  measuredWordsPerMinute?: number | null | undefined;
}

/** A split that overran its budget by enough to be worth working on. */
export function isSignificantOverrun(segment: number, budget: number): boolean {
  const over = segment - budget;
  return over >= VERDICT.overrunSeconds && over >= VERDICT.overrunShare * budget - 1e-9;
}

export function summarizeRun(
  attemptIn: Attempt,
  before: Records,
  historyAfter: readonly Attempt[],
  allKeys: readonly string[],
  options: SummaryOptions = {},
): RunSummary {
  const attempt = normalizeAttempt(attemptIn);
  const counts = countsForRecords(attempt);
  const keys = attempt.splits.map((s) => s.key);
  const pbCum = pbCumulative(before.personalBest, keys);
  const rows = splitRows({
    splits: attempt.splits,
    ends: attempt.splits.map((s) => s.end ?? (s.seconds === null ? 'unreached' : 'said')),
    segments: attempt.splits.map((s) => s.seconds),
    at: cumulativeFromSegments(attempt.splits),
    bestSegments: before.bestSegments,
    pbCumulative: pbCum,
    canSetBests: counts,
  });
  const pbBefore = before.personalBest?.totalSeconds ?? null;
  const after = computeRecords(
    historyAfter,
    attempt.sectionId,
    attempt.targetSeconds,
    allKeys,
    options.identity ?? null,
  );

  const said = attempt.splits.filter((s) => s.seconds !== null);
  const spokenSeconds = said.reduce((n, s) => n + s.seconds!, 0);
  const textWpm = wordsPerMinute(
    said.reduce((n, s) => n + s.words, 0),
    spokenSeconds,
  );
  const measured = options.measuredWordsPerMinute ?? null;
  const wpm = measured !== null && measured > 0 ? Math.round(measured) : textWpm;
  const lang = options.lang ?? 'fr';
  const band = PACE_BANDS[lang];
  const pace: PaceSummary | null =
    wpm === null || attempt.suspect
      ? null
      : {
          wordsPerMinute: wpm,
          source: measured !== null && measured > 0 ? 'recording' : 'text',
          lang,
          band,
          verdict: wpm < band.min ? 'slow' : wpm > band.max ? 'fast' : 'good',
        };

  let workOn: number | null = null;
  if (!attempt.suspect)
    rows.forEach((r, i) => {
      if (r.segment === null || !isSignificantOverrun(r.segment, r.budget)) return;
      if (workOn === null || r.segmentDelta! > rows[workOn]!.segmentDelta!) workOn = i;
    });
  const complete = attempt.kind === 'complete' && !attempt.suspect;
  const ratio = attempt.targetSeconds > 0 ? attempt.totalSeconds / attempt.targetSeconds : 1;
  const pbHash = before.personalBest?.sectionHash;

  return {
    kind: attempt.kind,
    suspect: Boolean(attempt.suspect),
    suspectReasons: attempt.suspectReasons ?? [],
    canConfirm: Boolean(attempt.suspect) && attempt.kind === 'complete',
    totalSeconds: attempt.totalSeconds,
    targetSeconds: attempt.targetSeconds,
    deltaSeconds: round1(attempt.totalSeconds - attempt.targetSeconds),
    targetVerdict: !complete
      ? null
      : ratio < 1 - VERDICT.targetShare
        ? 'short'
        : ratio > 1 + VERDICT.targetShare
          ? 'long'
          : null,
    pbBefore,
    newPersonalBest: counts && (pbBefore === null || attempt.totalSeconds < pbBefore),
    comparison: comparisonOf(pbCum),
    splits: rows,
    newBestCount: rows.filter((r) => r.gold).length,
    sumOfBest: after.sumOfBest,
    attemptNumber: after.attemptCount,
    pace,
    workOn,
    budgetVerdict: !complete
      ? null
      : rows.every((r) => r.segmentDelta !== null && r.segmentDelta <= 0)
        ? 'allWithin'
        : workOn === null
          ? 'noneSignificant'
          : null,
    unsaid: attempt.splits.filter((s) => s.seconds === null).length,
    textChangedSincePb: Boolean(pbHash && attempt.sectionHash && pbHash !== attempt.sectionHash),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
