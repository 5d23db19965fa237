/**
 * How close detected speech is to a known layout: what the tests assert and the benchmark reports.
 * Goals (issue 6): speaking time within 3 %, every pause ≥ 0.3 s found and none invented, every
 * boundary within 50 ms.
 */
import { MIN_PAUSE_SECONDS } from './metrics.js';
import type { Segment } from './vad.js';

export interface Accuracy {
  /** (detected − true) speaking time over true speaking time, in percent. */
  speechErrorPercent: number;
  truthPauses: number;
  detectedPauses: number;
  /** True pauses that no detected pause overlaps. */
  missedPauses: number;
  /** Detected pauses that overlap no true pause. */
  inventedPauses: number;
  /** Largest distance from a true segment's start or end to the nearest detected one (seconds). */
  maxBoundaryErrorSeconds: number;
  meanBoundaryErrorSeconds: number;
  meetsGoals: boolean;
}

export const ACCURACY_GOALS = { speechErrorPercent: 3, boundarySeconds: 0.05 } as const;

const pausesOf = (segments: readonly Segment[]): Segment[] =>
  segments
    .slice(1)
    .map((s, i) => ({ start: segments[i]!.end, end: s.start }))
    .filter((p) => p.end - p.start + 1e-9 >= MIN_PAUSE_SECONDS);

const overlaps = (a: Segment, b: Segment) => Math.min(a.end, b.end) > Math.max(a.start, b.start);

export function compareToTruth(truth: readonly Segment[], detected: readonly Segment[]): Accuracy {
  const total = (list: readonly Segment[]) => list.reduce((sum, s) => sum + s.end - s.start, 0);
  const trueSpeech = total(truth);
  const speechErrorPercent =
    trueSpeech > 0 ? ((total(detected) - trueSpeech) / trueSpeech) * 100 : detected.length ? Infinity : 0;
  const truePauses = pausesOf(truth);
  const foundPauses = pausesOf(detected);
  const missedPauses = truePauses.filter((p) => !foundPauses.some((q) => overlaps(p, q))).length;
  const inventedPauses = foundPauses.filter((q) => !truePauses.some((p) => overlaps(p, q))).length;
  const errors: number[] = [];
  for (const t of truth) {
    errors.push(Math.min(Infinity, ...detected.map((d) => Math.abs(d.start - t.start))));
    errors.push(Math.min(Infinity, ...detected.map((d) => Math.abs(d.end - t.end))));
  }
  const maxBoundaryErrorSeconds = errors.length ? Math.max(...errors) : 0;
  const meanBoundaryErrorSeconds = errors.length ? errors.reduce((a, b) => a + b, 0) / errors.length : 0;
  return {
    speechErrorPercent,
    truthPauses: truePauses.length,
    detectedPauses: foundPauses.length,
    missedPauses,
    inventedPauses,
    maxBoundaryErrorSeconds,
    meanBoundaryErrorSeconds,
    meetsGoals:
      Math.abs(speechErrorPercent) <= ACCURACY_GOALS.speechErrorPercent &&
      missedPauses === 0 &&
      inventedPauses === 0 &&
      maxBoundaryErrorSeconds <= ACCURACY_GOALS.boundarySeconds + 1e-9,
  };
}

/** Pause-level agreement with a known layout, as issue 21 counts it. */
export interface PauseAgreement {
  truthPauses: number;
  /** True pauses matched by a detected pause whose two edges are both within the tolerance. */
  found: number;
  /** Detected pauses (≥ 0.3 s) that overlap no true pause. */
  invented: number;
  /** (detected − true) speaking time over true speaking time, in percent. */
  speechErrorPercent: number;
  /** Mean distance of matched pause edges (seconds), null when nothing matched. */
  meanEdgeErrorSeconds: number | null;
}

/** Each true pause matched at most once, to the detected pause with the closest edges. */
export function comparePauses(
  truth: readonly Segment[],
  detected: readonly Segment[],
  toleranceSeconds = 0.15,
): PauseAgreement {
  const total = (list: readonly Segment[]) => list.reduce((sum, s) => sum + s.end - s.start, 0);
  const trueSpeech = total(truth);
  const truePauses = pausesOf(truth);
  const foundPauses = pausesOf(detected);
  const used = new Set<number>();
  let found = 0;
  let edgeSum = 0;
  for (const p of truePauses) {
    let best = -1;
    let bestError = Infinity;
    foundPauses.forEach((q, k) => {
      if (used.has(k)) return;
      const error = Math.max(Math.abs(q.start - p.start), Math.abs(q.end - p.end));
      if (error <= toleranceSeconds + 1e-9 && error < bestError) {
        best = k;
        bestError = error;
      }
    });
    if (best >= 0) {
      used.add(best);
      found++;
      edgeSum += Math.abs(foundPauses[best]!.start - p.start) + Math.abs(foundPauses[best]!.end - p.end);
    }
  }
  return {
    truthPauses: truePauses.length,
    found,
    invented: foundPauses.filter((q) => !truePauses.some((p) => overlaps(p, q))).length,
    speechErrorPercent: trueSpeech > 0 ? ((total(detected) - trueSpeech) / trueSpeech) * 100 : 0,
    meanEdgeErrorSeconds: found ? edgeSum / (2 * found) : null,
  };
}
