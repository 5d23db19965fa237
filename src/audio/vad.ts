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
import { FRAME_SECONDS, runsOf, SILENCE_DB } from './features.js';
import { instantiateKernels, KERNEL_BLOCK_FRAMES, LOG_TABLE_BYTES, layOut, releaseKernels } from './kernels.js';

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
  const passes = framePasses(frames);
  const bands = [features.low, features.mid, features.high, features.upper].map((lin, b) =>
    describeBand(b, lin, params, passes),
  );

  const holdAt = bands.map((b) => b.single.offset + Math.max(params.holdDb, 3 * b.single.spread));
  const onsetAt = bands.map((b) => b.triple.offset + Math.max(params.onsetDb, 3 * b.triple.spread));
  const edgeAt = bands.map((b) => Math.max(params.edgeDb, b.edge.offset + 4 * b.edge.spread));
  const audibleAt = bands.map((b) => b.single.offset + Math.max(params.edgeDb / 2, b.single.spread));

  const candidate = atLeastEnergy(params.minSpeechDb - 10);
  bands.forEach((band, b) => {
    // Each test "level ≥ max(absolute minimum, floor + margin) in dB" becomes one energy threshold
    // per floor block: the same decisions without a logarithm per frame.
    // (A loop: Float64Array.from with a mapping function iterates, an object per block.)
    const holdFrom = new Float64Array(band.floor.length);
    const onsetFrom = new Float64Array(band.floor.length);
    for (let i = 0; i < band.floor.length; i++) {
      const floor = band.floor[i]!;
      holdFrom[i] = atLeastEnergy(Math.max(params.minHoldDb, floor + holdAt[b]!));
      onsetFrom[i] = atLeastEnergy(Math.max(params.minSpeechDb, floor + onsetAt[b]!));
    }
    passes.markFrames(b, holdFrom, onsetFrom, candidate);
  });

  // Hysteresis: a run of "hold" frames is speech only when it contains an onset frame; then its weak
  // edges: within edgeReachSeconds, a window of EDGE_FRAMES frames lying wholly outside the run (so its
  // own energy cannot vouch for it) that stands edgeAt dB over the floor in some band belongs to the
  // speech, up to its last (first) frame that is audible in some band (audibleAt dB over the floor, and
  // at least minHoldDb).
  return passes.findSpeech(edgeAt, audibleAt, params.minHoldDb, Math.round(params.edgeReachSeconds / FRAME_SECONDS));
}

/**
 * The energy from which a level reaches `db` as toDb() measures it (0 when every level does: toDb never
 * goes under SILENCE_DB).
 */
function atLeastEnergy(db: number): number {
  return db <= SILENCE_DB ? 0 : 10 ** (db / 10);
}

function describeBand(index: number, lin: Float32Array, params: VadParams, passes: FramePasses): Band {
  const { floor, medians } = passes.noise(index, lin, params);
  const [single, triple, edge] = [0, 1, 2].map((k) => spreadOf(medians[2 * k]!, medians[2 * k + 1]!)) as [
    Spread,
    Spread,
    Spread,
  ];
  return { lin, floor, single, triple, edge };
}

/** Deviations from the floor counted in 0.05 dB bins over ±40 dB (DEVIATION_BINS, the kernel's layout). */
const DEVIATION_BIN_DB = 0.05;
const DEVIATION_RANGE_DB = 40;
const DEVIATION_BINS = (2 * DEVIATION_RANGE_DB) / DEVIATION_BIN_DB + 1;

/**
 * Median and MAD from the bins the kernel found in a histogram of deviations (an hour of frames counted
 * in one pass, no sorting; -1 for an empty histogram).
 */
function spreadOf(medianBin: number, madBin: number): Spread {
  if (medianBin < 0) return { offset: 0, spread: 0 };
  return {
    offset: medianBin * DEVIATION_BIN_DB - DEVIATION_RANGE_DB,
    spread: 1.4826 * madBin * DEVIATION_BIN_DB,
  };
}

interface FramePasses {
  /**
   * The band's noise floor (minimum statistics: the lowest 100 ms mean level nearby, one value per
   * 0.25 s block, dB) and the level of the windows of 1, 3 and 6 frames that start on a noise frame
   * (one whose 100 ms neighbourhood sits within 3 dB of the floor), relative to the floor, counted, and
   * the median and median absolute deviation of each count.
   */
  noise(
    band: number,
    lin: Float32Array,
    params: Pick<VadParams, 'floorWindowSeconds' | 'floorSmoothSeconds'>,
  ): {
    floor: Float32Array;
    /** Per window (1, 3, 6 frames): the median's bin and the median absolute deviation's, -1 when none. */
    medians: Int32Array;
  };
  /**
   * The per-frame tests of one band against its thresholds per floor block (energies): "hold" where the
   * frame reaches holdFrom, "onset" where its centred 15 ms mean reaches onsetFrom (frames under
   * `candidate` are not tried). The flags accumulate over the bands.
   */
  markFrames(band: number, holdFrom: Float64Array, onsetFrom: Float64Array, candidate: number): void;
  /**
   * Speech from the flags and the four bands (detectSpeechFrames: hysteresis and weak edges). The last
   * pass: the kernels' instance is given back after it.
   */
  findSpeech(edgeAt: number[], audibleAt: number[], minHoldDb: number, reach: number): Uint8Array;
}

/**
 * The detector's passes over every frame, run by the WebAssembly kernels (wasm/audio-kernels.ts): in
 * JavaScript they ran interpreted for most of a file before V8 had optimised them (docs/voice.md).
 * Same arithmetic, same logarithms (JavaScript's own), same results.
 */
function framePasses(frames: number): FramePasses {
  const blocks = Math.ceil(frames / FLOOR_BLOCK);
  // The four bands side by side (each copied in once, for its noise pass), their floors, and the flags.
  const { at, bytes } = layOut({
    lin: 4 * frames * 4,
    smoothed: frames * 4,
    blockMin: blocks * 8,
    floor: 4 * blocks * 4,
    thresholds: 8 * 8,
    busyAbove: blocks * 8,
    holdFrom: blocks * 8,
    onsetFrom: blocks * 8,
    histograms: 3 * DEVIATION_BINS * 4,
    deviations: DEVIATION_BINS * 4,
    medians: 6 * 4,
    logTable: LOG_TABLE_BYTES,
    hold: frames,
    onset: frames,
  });
  const kernels = instantiateKernels(bytes);
  kernels.fillLogTable(at.logTable);
  const memory = kernels.memory.buffer;
  const linAt = (band: number) => at.lin + band * frames * 4;
  const floorAt = (band: number) => at.floor + band * blocks * 4;
  const busyAbove = new Float64Array(memory, at.busyAbove, blocks);
  const histograms = new Uint32Array(memory, at.histograms, 3 * DEVIATION_BINS);
  const medians = new Int32Array(memory, at.medians, 6);
  return {
    noise(band, lin, params) {
      new Float32Array(memory, linAt(band), frames).set(lin);
      const k = Math.max(1, Math.min(Math.round(params.floorSmoothSeconds / FRAME_SECONDS), frames));
      const reach = Math.max(1, Math.round(params.floorWindowSeconds / (FLOOR_BLOCK * FRAME_SECONDS)));
      histograms.fill(0);
      if (!frames) return { floor: new Float32Array(0), medians: new Int32Array(6).fill(-1) };
      // The larger of the minimum behind and the minimum ahead: when noise rises (a fan starting), the
      // minimum ahead follows it at once, where a symmetric window would lag by its whole width. A side cut
      // short by the file's edge is not trusted: near the end, "ahead" may be nothing but speech.
      kernels.noiseFloor(
        linAt(band),
        frames,
        k,
        at.smoothed,
        FLOOR_BLOCK,
        at.blockMin,
        blocks,
        reach,
        Math.ceil(reach / 2),
        floorAt(band),
      );
      const floor = new Float32Array(memory, floorAt(band), blocks).slice();
      // "More than 3 dB above the floor", as an energy per floor block.
      for (let b = 0; b < blocks; b++) busyAbove[b] = 10 ** ((floor[b]! + 3) / 10);
      // A block of frames a call (see KERNEL_BLOCK_FRAMES).
      for (let from = 0; from < frames; from += KERNEL_BLOCK_FRAMES) {
        kernels.collectNoise(
          linAt(band),
          frames,
          at.smoothed,
          FLOOR_BLOCK,
          floorAt(band),
          at.busyAbove,
          ONSET_FRAMES,
          EDGE_FRAMES,
          at.histograms,
          at.logTable,
          from,
          from + KERNEL_BLOCK_FRAMES,
        );
      }
      kernels.describeDeviations(at.histograms, at.deviations, at.medians);
      return { floor, medians: medians.slice() };
    },
    markFrames(band, holdFrom, onsetFrom, candidate) {
      new Float64Array(memory, at.holdFrom, blocks).set(holdFrom);
      new Float64Array(memory, at.onsetFrom, blocks).set(onsetFrom);
      kernels.markFrames(linAt(band), frames, FLOOR_BLOCK, at.holdFrom, at.onsetFrom, candidate, at.hold, at.onset);
    },
    findSpeech(edgeAt, audibleAt, minHoldDb, reach) {
      new Float64Array(memory, at.thresholds, 8).set([...edgeAt, ...audibleAt]);
      // The speech flags are written over the smoothed levels, no longer needed.
      kernels.findSpeech(
        at.lin,
        at.floor,
        frames,
        FLOOR_BLOCK,
        blocks,
        at.thresholds,
        minHoldDb,
        EDGE_FRAMES,
        reach,
        at.hold,
        at.onset,
        at.smoothed,
      );
      const speech = new Uint8Array(memory, at.smoothed, frames).slice();
      releaseKernels(kernels);
      return speech;
    },
  };
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
