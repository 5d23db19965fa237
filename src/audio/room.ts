/**
 * Speech detection in real rooms: what the band-energy detector (vad.ts) gets wrong when the room
 * echoes or other people talk, and how the result is corrected. Pure: frame features and speech
 * frames in, corrected frames and a description of the room out.
 *
 * Two failures, two corrections, each switched on only when the recording shows the problem, so clean
 * and noisy recordings keep the detector's own edges:
 *
 * - Reverberation. After the last word the room keeps sounding: the level falls along a straight line
 *   in dB (the room's exponential decay) instead of dropping into the noise, and the detector, which
 *   holds speech until the level reaches the noise floor, ends every sentence 0.1–0.4 s late and
 *   swallows short pauses. Sign: at the end of speech runs, the level spends a long time (median ≥
 *   60 ms) more than TAIL_DB below the sentence's own peak before the run ends, falling along a
 *   straight line in dB (median r² ≥ 0.9); dry speech drops through that range in a frame or two, or
 *   trails off on a weak syllable whose level is anything but a straight line. Correction: a run's end, and any dip inside it, is cut where
 *   the level falls 10–15 dB below the local peak (tailThresholdDb: nearer the peak in a slower room)
 *   — relative to the sentence's level, not to the floor. Onsets are left alone: the direct sound
 *   arrives before its echo.
 *
 * - Other voices. Talk in the background fills the pauses at a level the noise floor (the quietest
 *   moments) does not describe, so the detector calls it all speech. Sign: the smoothed level, modelled
 *   as two Gaussians (background and main speaker), has a background that is not steady (spread ≥
 *   BABBLE_SPREAD_DB; steady noise stays under 1 dB) and never settles (few frames near the quietest
 *   level: a steady floor is reached in every pause). Correction: hysteresis between the two levels —
 *   a stretch is the speaker's only while it stays above the background's mean + 0.5 σ and reaches
 *   + 2 σ somewhere, the candidate being the nearest and loudest voice.
 *
 * Measured on scripts/make-room-audio.mjs recordings (figures in docs/voice.md).
 */
import { FRAME_SECONDS, type FrameFeatures, runsOf } from './features.js';
import { layOut, withKernels } from './kernels.js';

/** How far below the sentence's peak level the tails are measured, and at most cut (dB). */
export const TAIL_DB = 15;
/** Median time spent below the tail level at the end of speech runs that marks a reverberant room (s). */
const TAIL_SIGN_SECONDS = 0.06;
/** …and how straight (in dB) those tails must be, as a room's decay is. */
const TAIL_SIGN_R2 = 0.9;
/** Spread of the background level above which it is taken for voices, not noise (dB). */
export const BABBLE_SPREAD_DB = 2;
/**
 * …provided the background never settles: under this share of frames lie within 3 dB of the quietest
 * 2 % (measured: five voices 5.6–6.2 %; steady noise, silence or a reverberant room 16–57 %, their
 * pauses sitting at the floor). Without it, a speaker whose syllables dip near steady noise split the
 * two-level model and the gate took the speech for background.
 */
const BABBLE_QUIET_SHARE = 0.1;

/** Share of frames within 3 dB of the level's 2nd percentile. */
export function quietShare(level: Float32Array): number {
  if (!level.length) return 1;
  const sorted = Float32Array.from(level).sort();
  const quiet = sorted[Math.floor(0.02 * (sorted.length - 1))]! + 3;
  let count = 0;
  for (const v of level) if (v <= quiet) count++;
  return count / level.length;
}
/** Hysteresis of the speaker gate, in background standard deviations above the background mean. */
const GATE_HOLD_SIGMA = 0.5;
const GATE_ONSET_SIGMA = 2;
/** Level smoothing: ±20 ms (9 frames of 5 ms), enough to average a reverberant tail's fluctuations. */
const LEVEL_HALF_FRAMES = 4;
/** The peak a level is compared with: the loudest moment within ±1.5 s (about one sentence). */
const PEAK_HALF_SECONDS = 1.5;
/** Above these the summary warns that short pauses are unreliable. */
export const HARD_RT60_SECONDS = 0.4;
export const HARD_SNR_DB = 5;

/** Why short pauses may be unreliable in this recording. */
export type RoomWarning = 'reverberant' | 'voices' | 'noisy';

/** What the recording's room is like, as measured from the recording alone. */
export interface RoomEstimate {
  /** Reverberation time (RT60) estimated from free decays of the level, seconds; null when too few. */
  reverberationSeconds: number | null;
  /** The end-of-speech tails were long enough to correct for reverberation. */
  reverberant: boolean;
  /** Speaker level over background level (dB, from the two-Gaussian model), null without speech. */
  snrDb: number | null;
  /** The background was other voices (unsteady level) and the speaker gate was applied. */
  backgroundVoices: boolean;
  /** Beyond what the detector handles precisely (short pauses may be missed or merged), and why. */
  warnings: RoomWarning[];
}

// The passes over every frame run as WebAssembly kernels (wasm/audio-kernels.ts; same arithmetic and
// logarithms as the JavaScript they replaced): in JavaScript they ran interpreted for most of a file
// before V8 had optimised them (docs/voice.md, "Speed and memory").

/** Broadband level (sum of the three bands), smoothed over ±LEVEL_HALF_FRAMES, in dB. */
export function levelTrack(features: FrameFeatures): Float32Array {
  const n = features.frames;
  const { at, bytes } = layOut({ low: n * 4, mid: n * 4, high: n * 4, sum: (n + 1) * 8, out: n * 4 });
  return withKernels(bytes, (kernels, memory) => {
    new Float32Array(memory, at.low, n).set(features.low.subarray(0, n));
    new Float32Array(memory, at.mid, n).set(features.mid.subarray(0, n));
    new Float32Array(memory, at.high, n).set(features.high.subarray(0, n));
    kernels.levelTrack(at.low, at.mid, at.high, n, LEVEL_HALF_FRAMES, at.sum, at.out);
    return new Float32Array(memory, at.out, n).slice();
  });
}

/** Maximum of `x` within ±half of every index (monotonic deque: linear time). */
export function slidingMax(x: Float32Array, half: number): Float32Array {
  const n = x.length;
  const { at, bytes } = layOut({ x: n * 4, out: n * 4, deque: n * 4 });
  return withKernels(bytes, (kernels, memory) => {
    new Float32Array(memory, at.x, n).set(x);
    kernels.slidingMax(at.x, n, half, at.out, at.deque);
    return new Float32Array(memory, at.out, n).slice();
  });
}

export interface TwoLevels {
  background: { mean: number; sd: number; weight: number };
  speaker: { mean: number; sd: number };
}

/**
 * A two-Gaussian model of the level (dB) by expectation–maximisation: the background and the main
 * speaker. Deterministic: starts from the 15th and 85th percentiles.
 */
export function twoLevels(level: Float32Array, iterations = 50): TwoLevels | null {
  if (level.length < 40) return null;
  // EM over a histogram (0.25 dB bins from −100 to +10 dB): the same fit as over every frame, in a
  // few hundred steps per iteration whatever the recording's length. Digital silence counts, held at
  // −100 dB: a file whose pauses are exact zeros has a perfectly steady background, not none.
  const bins = levelHistogram(level);
  const value = (i: number) => HIST_LOW + i * HIST_STEP;
  const percentile = (p: number) => {
    let seen = 0;
    for (let i = 0; i < HIST_BINS; i++) if ((seen += bins[i]!) >= p * level.length) return value(i);
    return value(HIST_BINS - 1);
  };
  const { at, bytes } = layOut({ bins: HIST_BINS * 8, model: 5 * 8 });
  const [m1, m2, s1, s2, w1] = withKernels(bytes, (kernels, memory) => {
    new Float64Array(memory, at.bins, HIST_BINS).set(bins);
    const model = new Float64Array(memory, at.model, 5);
    // [m1, m2, s1, s2, w1], refined by the kernel (wasm/audio-kernels.ts, twoLevelsEm).
    model.set([percentile(0.15), percentile(0.85), 3, 3, 0.4]);
    kernels.twoLevelsEm(at.bins, HIST_BINS, HIST_LOW, HIST_STEP, level.length, iterations, at.model);
    return [model[0]!, model[1]!, model[2]!, model[3]!, model[4]!];
  });
  return m1 <= m2
    ? { background: { mean: m1, sd: s1, weight: w1 }, speaker: { mean: m2, sd: s2 } }
    : { background: { mean: m2, sd: s2, weight: 1 - w1 }, speaker: { mean: m1, sd: s1 } };
}
/** The level counted in HIST_STEP bins. */
function levelHistogram(level: Float32Array): Float64Array {
  const n = level.length;
  const { at, bytes } = layOut({ level: n * 4, bins: HIST_BINS * 8 });
  return withKernels(bytes, (kernels, memory) => {
    new Float32Array(memory, at.level, n).set(level);
    kernels.levelHistogram(at.level, n, HIST_LOW, HIST_STEP, HIST_BINS, at.bins);
    return new Float64Array(memory, at.bins, HIST_BINS).slice();
  });
}
const HIST_LOW = -100;
const HIST_STEP = 0.25;
const HIST_BINS = 441;

/**
 * The speaker gate: frames stay speech only inside stretches above the background's mean + 0.5 σ that
 * reach + 2 σ somewhere (and that the detector called speech).
 */
export function gateBackgroundVoices(speech: Uint8Array, level: Float32Array, model: TwoLevels): Uint8Array {
  const hold = model.background.mean + GATE_HOLD_SIGMA * model.background.sd;
  const onset = model.background.mean + GATE_ONSET_SIGMA * model.background.sd;
  const held = speech.map((v, t) => (v && level[t]! >= hold ? 1 : 0));
  const out = new Uint8Array(speech.length);
  for (const [t, e] of runsOf(held)) if (level.subarray(t, e).some((db) => db >= onset)) out.fill(1, t, e);
  return out;
}

/**
 * The end-of-run tails: the median time (s) spent more than TAIL_DB below the local peak before each
 * speech run ends, and how straight those tails are in dB (median r² of a line fitted to the tails of
 * 30 ms or more). A room's decay is a straight line (r² ≈ 0.95); a weak final syllable of dry speech
 * is not (r² ≈ 0.6–0.8), and usually much shorter.
 */
export function tailShape(
  speech: Uint8Array,
  level: Float32Array,
  peak: Float32Array,
): { medianSeconds: number; medianR2: number; medianSlope: number } {
  const durations: number[] = [];
  const straightness: number[] = [];
  const slopes: number[] = [];
  for (const [t, e] of runsOf(speech)) {
    // Runs under 0.2 s are clicks and syllables cut by the detector: they say nothing of the room.
    if ((e - t) * FRAME_SECONDS < 0.2) continue;
    let g = e - 1;
    while (g > t && level[g]! < peak[g]! - TAIL_DB) g--;
    durations.push((e - 1 - g) * FRAME_SECONDS);
    if (e - 1 - g >= 6) {
      const fit = lineFit(level, g + 1, e);
      straightness.push(fit.r2);
      if (fit.r2 >= 0.8) slopes.push(fit.slope);
    }
  }
  const median = (xs: number[]) => (xs.length ? xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 0);
  return { medianSeconds: median(durations), medianR2: median(straightness), medianSlope: median(slopes) };
}

/**
 * Least-squares line through level[from, to) against time: slope in
 * dB/s, r², and how many frames it rests on.
 */
function lineFit(level: Float32Array, from: number, to: number): { slope: number; r2: number; count: number } {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  let m = 0;
  for (let k = from; k < to; k++) {
    const y = level[k]!;
    const x = k * FRAME_SECONDS;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    m++;
  }
  if (!m) return { slope: 0, r2: 0, count: 0 };
  const cxx = sxx - (sx * sx) / m;
  const cxy = sxy - (sx * sy) / m;
  const cyy = syy - (sy * sy) / m;
  return { slope: cxx > 0 ? cxy / cxx : 0, r2: cxx > 0 && cyy > 0 ? (cxy * cxy) / (cxx * cyy) : 0, count: m };
}

/**
 * Cuts reverberant tails: inside each speech run, a stretch more than `deltaDb` below the local peak
 * is removed when it ends the run, and up to its lowest point when it dips between louder parts (the
 * rise after the lowest point is the next onset). A stretch that starts the run is an onset: kept.
 */
export function cutReverberantTails(
  speech: Uint8Array,
  level: Float32Array,
  peak: Float32Array,
  deltaDb: number,
): Uint8Array {
  const out = Uint8Array.from(speech);
  const below = (t: number) => level[t]! < peak[t]! - deltaDb;
  for (const [start, e] of runsOf(speech)) {
    for (let a = start; a < e; ) {
      if (!below(a)) {
        a++;
        continue;
      }
      let b = a;
      while (b < e && below(b)) b++;
      if (a === start) {
        a = b;
        continue;
      }
      if (b === e) out.fill(0, a, b);
      else {
        let lowest = a;
        for (let q = a; q < b; q++) if (level[q]! < level[lowest]!) lowest = q;
        out.fill(0, a, lowest + 1);
      }
      a = b;
    }
  }
  return out;
}

/**
 * Where a tail stops being speech, in dB under the local peak. A sentence typically ends about
 * END_UNDER_PEAK_DB under its peak; the room then decays at `slope` dB/s; the cut is placed TAIL_DELAY
 * seconds of decay below that, so a slow room (long tail, gentle slope) is cut nearer the peak than a
 * quick one. Kept within [MIN_TAIL_DB, TAIL_DB].
 */
export function tailThresholdDb(slope: number): number {
  return Math.min(TAIL_DB, Math.max(MIN_TAIL_DB, END_UNDER_PEAK_DB + TAIL_DELAY_SECONDS * Math.abs(slope)));
}
const END_UNDER_PEAK_DB = 5;
const TAIL_DELAY_SECONDS = 0.06;
const MIN_TAIL_DB = 10;

/**
 * RT60 from free decays of the level: each stretch that falls ≥ 15 dB without rising more than 1 dB,
 * fitted by least squares between 3 dB under its peak and 3 dB above its bottom; the median of the
 * well-fitted ones (r² ≥ 0.9). Dry speech decays in ~0.15 s; a room adds its own, slower decay.
 */
export function estimateReverberation(level: Float32Array): number | null {
  const n = level.length;
  const { at, bytes } = layOut({ level: n * 4, times: (Math.ceil(n / 2) + 1) * 8 });
  const times = withKernels(bytes, (kernels, memory) => {
    new Float32Array(memory, at.level, n).set(level);
    const count = kernels.reverberationTimes(at.level, n, at.times);
    return new Float64Array(memory, at.times, count).slice();
  });
  if (times.length < 5) return null;
  times.sort();
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}

/** The room as measured, and the detector's speech frames corrected for it. */
export function adaptToRoom(features: FrameFeatures, speech: Uint8Array): { speech: Uint8Array; room: RoomEstimate } {
  const level = levelTrack(features);
  const model = twoLevels(level);
  let out = speech;
  const backgroundVoices =
    model !== null && model.background.sd >= BABBLE_SPREAD_DB && quietShare(level) < BABBLE_QUIET_SHARE;
  if (backgroundVoices) out = gateBackgroundVoices(out, level, model!);
  const peak = slidingMax(level, Math.round(PEAK_HALF_SECONDS / FRAME_SECONDS));
  const tails = tailShape(out, level, peak);
  const reverberant = tails.medianSeconds >= TAIL_SIGN_SECONDS && tails.medianR2 >= TAIL_SIGN_R2;
  if (reverberant) out = cutReverberantTails(out, level, peak, tailThresholdDb(tails.medianSlope));
  const reverberationSeconds = estimateReverberation(level);
  const snrDb = model ? Math.round((model.speaker.mean - model.background.mean) * 10) / 10 : null;
  const warnings: RoomWarning[] = [];
  if (reverberant && (reverberationSeconds ?? 0) >= HARD_RT60_SECONDS) warnings.push('reverberant');
  if (backgroundVoices) warnings.push('voices');
  if (snrDb !== null && snrDb < HARD_SNR_DB) warnings.push('noisy');
  return { speech: out, room: { reverberationSeconds, reverberant, snrDb, backgroundVoices, warnings } };
}
