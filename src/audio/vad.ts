/**
 * Voice activity detection: band energies against an adaptive noise floor, with hysteresis and a
 * careful search for weak word edges. Chosen over the WebRTC VAD (@echogarden/fvad-wasm) by measurement
 * on French speech with known pauses, clean and in white/pink/brown noise (numbers in
 * scripts/bench-audio.mjs output and the issue report): the WebRTC VAD's segments end ~0.1 s late and
 * merge short pauses, and even with our edge refinement it misses or invents pauses in coloured noise
 * and on quiet recordings, where this detector meets the goals. It also needs no WebAssembly and sees
 * the whole file, so the floor at any moment is estimated from both sides of it.
 */
import type { FrameFeatures } from './features.js';
import { FRAME_SECONDS, runsOf, SILENCE_DB, toDb } from './features.js';

/** Start and end in seconds from the start of the file. */
export interface Segment {
  start: number;
  end: number;
}

export interface VadParams {
  /** A frame opens speech when a band, averaged over 15 ms, is this far above its noise floor (dB). */
  onsetDb: number;
  /** Speech continues, either side of an onset, while a band stays this far above its floor (dB). */
  holdDb: number;
  /**
   * Weak edges (a final "t", a soft "f") sit near the noise: within edgeReachSeconds of a run, a 30 ms
   * window whose mean is this far above the floor still belongs to the speech (dB). Averaging over the
   * window is what makes such a small margin safe.
   */
  edgeDb: number;
  /** How far past a run's edge weak speech is looked for (seconds). */
  edgeReachSeconds: number;
  /** Below this level (dBFS) nothing opens speech: a silent file is silent, however low its floor. */
  minSpeechDb: number;
  /**
   * Below this level (dBFS) nothing holds speech either: over digital silence the floor is -120 dB and
   * the filters' own decay would otherwise stretch every edge by ~15 ms.
   */
  minHoldDb: number;
  /** How far behind and ahead the noise floor looks for its minimum (seconds). */
  floorWindowSeconds: number;
  /** Span averaged before taking minima, so the floor is the noise's mean level, not its dips (seconds). */
  floorSmoothSeconds: number;
}

export const DEFAULT_VAD: VadParams = {
  onsetDb: 9,
  holdDb: 3,
  edgeDb: 2,
  edgeReachSeconds: 0.1,
  minSpeechDb: -60,
  minHoldDb: -75,
  floorWindowSeconds: 8,
  floorSmoothSeconds: 0.1,
};

const EDGE_FRAMES = Math.max(1, Math.round(0.03 / FRAME_SECONDS));
const ONSET_FRAMES = 3;
/** Frames per noise-floor block (0.25 s): the floor is one number per block. */
const FLOOR_BLOCK = Math.round(0.25 / FRAME_SECONDS);

/** Where noise sits relative to the floor when averaged over some frames, and how much it strays. */
interface Spread {
  /** Median of (mean level − floor) over noise frames: the floor's bias below typical noise. */
  offset: number;
  /** Robust spread (1.4826 × MAD): large for narrow bands and for unsteady or coloured noise. */
  spread: number;
}

/** One band, with its noise described. */
interface Band {
  /** Mean energy per frame (linear). */
  lin: Float32Array;
  /** Minimum-statistics floor, dB, per block of FLOOR_BLOCK frames (a frame's floor: floor[t / FLOOR_BLOCK]). */
  floor: Float32Array;
  /** Noise spread for 1, 3 and 6 frames, measured, not derived by √n: coloured noise is correlated in time. */
  single: Spread;
  triple: Spread;
  edge: Spread;
}

/**
 * Speech (1) or not (0) for each frame. Every threshold is the larger of a fixed margin in dB and a
 * multiple of the band's measured noise spread, so a narrow or unsteady band needs more evidence.
 */
export function detectSpeechFrames(features: FrameFeatures, params: VadParams = DEFAULT_VAD): Uint8Array {
  const { frames } = features;
  // Mid and high summed as a fourth band: a final "t" or "s" spreads over both, and their sum climbs
  // out of white noise where neither half does.
  const upper = new Float32Array(frames);
  for (let t = 0; t < frames; t++) upper[t] = features.mid[t]! + features.high[t]!;
  const bands = [features.low, features.mid, features.high, upper].map((lin) => describeBand(lin, params));

  const holdAt = bands.map((b) => b.single.offset + Math.max(params.holdDb, 3 * b.single.spread));
  const onsetAt = bands.map((b) => b.triple.offset + Math.max(params.onsetDb, 3 * b.triple.spread));
  const edgeAt = bands.map((b) => Math.max(params.edgeDb, b.edge.offset + 4 * b.edge.spread));
  const audibleAt = bands.map((b) => b.single.offset + Math.max(params.edgeDb / 2, b.single.spread));

  const hold = new Uint8Array(frames);
  const onset = new Uint8Array(frames);
  const candidate = atLeastEnergy(params.minSpeechDb - 10);
  bands.forEach((band, b) => {
    // Each test "level ≥ max(absolute minimum, floor + margin) in dB" becomes one energy threshold
    // per floor block: the same decisions without a logarithm per frame.
    const holdFrom = Float64Array.from(band.floor, (floor) =>
      atLeastEnergy(Math.max(params.minHoldDb, floor + holdAt[b]!)),
    );
    const onsetFrom = Float64Array.from(band.floor, (floor) =>
      atLeastEnergy(Math.max(params.minSpeechDb, floor + onsetAt[b]!)),
    );
    markFrames(band.lin, holdFrom, onsetFrom, candidate, hold, onset);
  });

  // Hysteresis: a run of "hold" frames is speech only when it contains an onset frame.
  const speech = new Uint8Array(frames);
  const reach = Math.round(params.edgeReachSeconds / FRAME_SECONDS);
  const weak = (from: number) =>
    bands.some(
      (band, b) => windowDb(band.lin, from, from + EDGE_FRAMES) - band.floor[(from / FLOOR_BLOCK) | 0]! >= edgeAt[b]!,
    );
  const audible = (t: number) =>
    bands.some((band, b) => {
      const db = toDb(band.lin[t]!);
      return db >= params.minHoldDb && db - band.floor[(t / FLOOR_BLOCK) | 0]! >= audibleAt[b]!;
    });
  for (let t = 0; t < frames; ) {
    if (!hold[t]) {
      t++;
      continue;
    }
    let e = t;
    let seeded = false;
    for (; e < frames && hold[e]; e++) if (onset[e]) seeded = true;
    const s = t;
    t = e;
    if (!seeded) continue;
    // Weak edges: windows lying wholly outside the run, so its own energy cannot vouch for them.
    let start = s;
    let end = e;
    for (let p = e; p + EDGE_FRAMES <= Math.min(frames, e + reach); p++) {
      if (!weak(p)) continue;
      let last = p + EDGE_FRAMES - 1;
      while (last >= p && !audible(last)) last--;
      if (last >= p) end = Math.max(end, last + 1);
    }
    for (let p = s - EDGE_FRAMES; p >= Math.max(0, s - reach); p--) {
      if (!weak(p)) continue;
      let first = p;
      while (first < p + EDGE_FRAMES && !audible(first)) first++;
      if (first < p + EDGE_FRAMES) start = Math.min(start, first);
    }
    speech.fill(1, start, end);
  }
  return speech;
}

/**
 * The energy from which a level reaches `db` as toDb() measures it (0 when every level does: toDb never
 * goes under SILENCE_DB).
 */
function atLeastEnergy(db: number): number {
  return db <= SILENCE_DB ? 0 : 10 ** (db / 10);
}

/** The per-frame tests of one band, alone so V8 optimises the loop whole. */
function markFrames(
  lin: Float32Array,
  holdFrom: Float64Array,
  onsetFrom: Float64Array,
  candidate: number,
  hold: Uint8Array,
  onset: Uint8Array,
): void {
  const frames = lin.length;
  for (let t = 0; t < frames; t++) {
    const e = lin[t]!;
    const block = (t / FLOOR_BLOCK) | 0;
    if (e >= holdFrom[block]!) hold[t] = 1;
    if (onset[t] || e < candidate) continue;
    // Centred 15 ms mean, in energy.
    const from = t > 0 ? t - 1 : 0;
    const to = t + 2 <= frames ? t + 2 : frames;
    let sum = 0;
    for (let k = from; k < to; k++) sum += lin[k]!;
    if (sum / (to - from) >= onsetFrom[block]!) onset[t] = 1;
  }
}

function windowDb(lin: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += lin[t]!;
  return toDb(sum / (to - from));
}

function describeBand(lin: Float32Array, params: VadParams): Band {
  const { floor, smoothed } = noiseFloor(lin, params);
  const spans = [1, ONSET_FRAMES, EDGE_FRAMES];
  const histograms = spans.map(() => new DeviationHistogram());
  collectNoise(lin, floor, smoothed, spans, histograms);
  const [single, triple, edge] = histograms.map((h) => h.describe()) as [Spread, Spread, Spread];
  return { lin, floor, single, triple, edge };
}

/**
 * One pass for the three spans: the level of each window that starts on a noise frame (one whose
 * 100 ms neighbourhood sits within 3 dB of the floor), relative to the floor.
 */
function collectNoise(
  lin: Float32Array,
  floor: Float32Array,
  smoothed: Float32Array,
  spans: number[],
  histograms: DeviationHistogram[],
): void {
  const longest = Math.max(...spans);
  // "More than 3 dB above the floor", as an energy per floor block.
  const busyAbove = Float64Array.from(floor, (db) => 10 ** ((db + 3) / 10));
  for (let first = 0; first + longest <= lin.length; first++) {
    const block = (first / FLOOR_BLOCK) | 0;
    const floorHere = floor[block]!;
    if (smoothed[first]! > busyAbove[block]!) continue;
    let sum = 0;
    let t = first;
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k]!;
      for (; t < first + span; t++) sum += lin[t]!;
      histograms[k]!.add(toDb(sum / span) - floorHere);
    }
  }
}

/** Median and MAD by histogram (0.05 dB bins over ±40 dB): an hour of frames in one pass, no sorting. */
class DeviationHistogram {
  private static readonly BIN = 0.05;
  private static readonly RANGE = 40;
  private readonly bins = new Uint32Array((2 * DeviationHistogram.RANGE) / DeviationHistogram.BIN + 1);
  private count = 0;

  add(value: number): void {
    const { BIN, RANGE } = DeviationHistogram;
    const v = value < -RANGE ? -RANGE : value > RANGE ? RANGE : value;
    this.bins[Math.round((v + RANGE) / BIN)]!++;
    this.count++;
  }

  describe(): Spread {
    const { BIN, RANGE } = DeviationHistogram;
    if (!this.count) return { offset: 0, spread: 0 };
    const half = this.count / 2;
    const medianOf = (h: Uint32Array) => {
      let seen = 0;
      for (let i = 0; i < h.length; i++) if ((seen += h[i]!) >= half) return i;
      return h.length - 1;
    };
    const median = medianOf(this.bins);
    const deviations = new Uint32Array(this.bins.length);
    for (let i = 0; i < this.bins.length; i++) deviations[Math.abs(i - median)]! += this.bins[i]!;
    return { offset: median * BIN - RANGE, spread: 1.4826 * medianOf(deviations) * BIN };
  }
}

/**
 * Minimum statistics: the floor is the lowest 100 ms mean level nearby, one value per 0.25 s block
 * (an hour costs a few milliseconds and 60 KB). Also returns the 100 ms means per frame (energy).
 */
export function noiseFloor(
  lin: Float32Array,
  params: Pick<VadParams, 'floorWindowSeconds' | 'floorSmoothSeconds'>,
): { floor: Float32Array; smoothed: Float32Array } {
  const frames = lin.length;
  const smoothed = new Float32Array(frames);
  const blocks = Math.ceil(frames / FLOOR_BLOCK);
  const floor = new Float32Array(blocks);
  if (!frames) return { floor, smoothed };
  const k = Math.max(1, Math.min(Math.round(params.floorSmoothSeconds / FRAME_SECONDS), frames));
  movingMean(lin, k, smoothed);
  const blockMin = new Float64Array(blocks).fill(Infinity);
  blockMinima(smoothed, blockMin);
  // The larger of the minimum behind and the minimum ahead: when noise rises (a fan starting), the
  // minimum ahead follows it at once, where a symmetric window would lag by its whole width. A side cut
  // short by the file's edge is not trusted: near the end, "ahead" may be nothing but speech.
  const reach = Math.max(1, Math.round(params.floorWindowSeconds / (FLOOR_BLOCK * FRAME_SECONDS)));
  floorOfBlocks(blockMin, reach, Math.ceil(reach / 2), floor);
  return { floor, smoothed };
}

// Each pass over the frames is a function of its own: a loop followed by code that has not run yet is
// thrown out of optimised code when it ends (~5 ms each time on a 4-minute file, cold).

/** Centred moving mean of energy over k frames (clamped at the file's edges). */
function movingMean(lin: Float32Array, k: number, out: Float32Array): void {
  const frames = lin.length;
  const half = k >> 1;
  let acc = 0;
  for (let t = 0; t < k; t++) acc += lin[t]!;
  for (let t = 0; t < frames; t++) {
    const first = t - half;
    if (first > 0 && first + k - 1 < frames) acc += lin[first + k - 1]! - lin[first - 1]!;
    out[t] = Math.max(0, acc) / k;
  }
}

function blockMinima(smoothed: Float32Array, blockMin: Float64Array): void {
  for (let t = 0; t < smoothed.length; t++) {
    const b = (t / FLOOR_BLOCK) | 0;
    if (smoothed[t]! < blockMin[b]!) blockMin[b] = smoothed[t]!;
  }
}

function floorOfBlocks(blockMin: Float64Array, reach: number, trusted: number, floor: Float32Array): void {
  const blocks = blockMin.length;
  for (let b = 0; b < blocks; b++) {
    let behind = Infinity;
    let ahead = Infinity;
    for (let j = Math.max(0, b - reach); j <= b; j++) if (blockMin[j]! < behind) behind = blockMin[j]!;
    for (let j = b; j <= Math.min(blocks - 1, b + reach); j++) if (blockMin[j]! < ahead) ahead = blockMin[j]!;
    const behindOk = b >= trusted;
    const aheadOk = blocks - 1 - b >= trusted;
    floor[b] = toDb(
      behindOk && aheadOk ? Math.max(behind, ahead) : behindOk ? behind : aheadOk ? ahead : Math.min(behind, ahead),
    );
  }
}

/** Runs of speech frames as segments, in seconds. */
export function framesToSegments(speech: Uint8Array): Segment[] {
  return runsOf(speech).map(([start, end]) => ({ start: start * FRAME_SECONDS, end: end * FRAME_SECONDS }));
}

export interface SmoothingParams {
  /** Gaps shorter than this are breaths or stops inside speech, not pauses (seconds). */
  mergeGapSeconds: number;
  /** Speech shorter than this, alone, is a click or a cough (seconds). */
  minSegmentSeconds: number;
}

export const DEFAULT_SMOOTHING: SmoothingParams = { mergeGapSeconds: 0.2, minSegmentSeconds: 0.08 };

/** Merges gaps shorter than mergeGapSeconds, then drops blips shorter than minSegmentSeconds. */
export function smoothSegments(segments: readonly Segment[], params: SmoothingParams = DEFAULT_SMOOTHING): Segment[] {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && s.start - last.end < params.mergeGapSeconds) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged.filter((s) => s.end - s.start >= params.minSegmentSeconds);
}
