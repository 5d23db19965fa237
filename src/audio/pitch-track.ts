/**
 * Fundamental frequency (F0) of the voice, streamed: YIN (de Cheveigné & Kawahara 2002) on the voice
 * band decimated to ~4 kHz, one estimate every 10 ms over a 30 ms window.
 *
 * Written here rather than taken from pitchy 4.1 (MIT, McLeod's method) because it measured ~4× faster
 * at the same accuracy on our test signals (scripts/bench-pitch.mjs, figures in docs/voice.md): YIN's
 * difference function is summed per 10 ms block and per lag as the samples stream by, so each sample
 * costs one multiply-add per lag, where a per-frame FFT autocorrelation redoes the whole window.
 */

/** Pitch floor and ceiling of adult speech (Hz): Praat's default floor is 75 Hz; we allow a creaky 65. */
export const MIN_F0_HZ = 65;
export const MAX_F0_HZ = 450;
/** Time between F0 estimates (seconds). */
export const PITCH_HOP_SECONDS = 0.01;
/** Window of each estimate, in hops: 30 ms, two periods of a 65 Hz voice. */
const WINDOW_HOPS = 3;
/**
 * YIN's absolute threshold: the period is the first lag whose normalised difference dips under it
 * (the paper uses 0.1–0.15); with no such dip, the deepest dip is taken.
 */
const DIP_THRESHOLD = 0.15;
/**
 * A frame is voiced when the normalised difference at its period is under this. Clean sustained
 * vowels sit under 0.1, but fast speech, low voices whose F0 glides within the window and 20 dB SNR
 * noise put real voiced frames at 0.2–0.4, while noise and fricatives in the voice band stay at
 * 0.5–1 (measured on espeak-ng French, docs/voice.md).
 */
export const VOICING_THRESHOLD = 0.4;

/** F0 per 10 ms frame; 0 where unvoiced. Frame k is centred at `frameTime(k)` seconds. */
export interface PitchTrack {
  /** Seconds between frames. */
  hopSeconds: number;
  /** Centre of frame 0, in seconds from the start. */
  offsetSeconds: number;
  f0: Float32Array;
}

export interface PitchTracker {
  /** Samples of the voice band at the tracker's rate, in order, in chunks of any size. */
  push(samples: Float32Array): void;
  finish(): PitchTrack;
}

/** Centre time of pitch frame k (seconds). */
export const frameTime = (track: Pick<PitchTrack, 'hopSeconds' | 'offsetSeconds'>, k: number) =>
  track.offsetSeconds + k * track.hopSeconds;

/** Frame whose centre is nearest to `seconds` (may be out of range). */
export const frameAt = (track: Pick<PitchTrack, 'hopSeconds' | 'offsetSeconds'>, seconds: number) =>
  Math.round((seconds - track.offsetSeconds) / track.hopSeconds);

/**
 * A streaming YIN tracker for audio at `rate` (a few kHz: the voice band, low-passed under rate / 2).
 * Memory: the F0 track (4 bytes per 10 ms) and a few hundred samples of look-ahead.
 */
export function createPitchTracker(rate: number): PitchTracker {
  const hop = Math.max(1, Math.round(rate * PITCH_HOP_SECONDS));
  const hopSeconds = hop / rate;
  const maxLag = Math.ceil(rate / MIN_F0_HZ) + 1;
  const minLag = Math.max(2, Math.floor(rate / MAX_F0_HZ));
  const lags = maxLag + 1;
  // Look-ahead buffer: samples from `base`; a block of `hop` samples needs `maxLag` after it.
  let buffer = new Float32Array(hop * 64 + maxLag);
  let filled = 0;
  let base = 0;
  let next = 0; // first sample of the next block to sum
  // Per-block sums of squared differences, one row per lag, for the last WINDOW_HOPS blocks (a ring).
  const blocks = new Float64Array(WINDOW_HOPS * lags);
  let blockCount = 0;
  const d = new Float64Array(lags);
  let f0 = new Float32Array(1024);
  let frames = 0;

  // The window's sums (the last WINDOW_HOPS blocks added up), kept as blocks come and go.
  const windowSum = new Float64Array(lags);

  const emitFrame = () => {
    if (frames === f0.length) {
      const bigger = new Float32Array(f0.length * 2);
      bigger.set(f0);
      f0 = bigger;
    }
    // Digital silence (or near it) has no period; skipping it spares YIN's steps on long pauses.
    let energy = 0;
    for (let l = 1; l < lags; l++) energy += windowSum[l]!;
    if (energy < 1e-9) {
      f0[frames++] = 0;
      return;
    }
    d.set(windowSum);
    f0[frames++] = yinEstimate(d, minLag, maxLag, rate);
  };

  return {
    push(samples) {
      if (filled + samples.length > buffer.length) {
        // Drop what no block needs any more, then grow if the chunk still does not fit.
        const keep = next - base;
        buffer.copyWithin(0, keep, filled);
        filled -= keep;
        base = next;
        if (filled + samples.length > buffer.length) {
          const bigger = new Float32Array(Math.max(buffer.length * 2, filled + samples.length));
          bigger.set(buffer.subarray(0, filled));
          buffer = bigger;
        }
      }
      buffer.set(samples, filled);
      filled += samples.length;
      while (next + hop + maxLag <= base + filled) {
        const slot = (blockCount % WINDOW_HOPS) * lags;
        // The block leaving the window, then the one entering it.
        if (blockCount >= WINDOW_HOPS) for (let l = 0; l < lags; l++) windowSum[l]! -= blocks[slot + l]!;
        sumBlock(buffer, next - base, hop, maxLag, blocks, slot);
        for (let l = 0; l < lags; l++) windowSum[l]! += blocks[slot + l]!;
        blockCount++;
        next += hop;
        if (blockCount >= WINDOW_HOPS) emitFrame();
      }
    },
    finish() {
      // The last window's centre: frames stop where the look-ahead ran out (the final ~30 ms).
      return { hopSeconds, offsetSeconds: (WINDOW_HOPS * hop) / 2 / rate, f0: f0.slice(0, frames) };
    },
  };
}

/**
 * The hot loop, alone so V8 optimises it whole: for each lag, the sum over one block of
 * (x[j] − x[j + lag])².
 */
function sumBlock(x: Float32Array, from: number, hop: number, maxLag: number, out: Float64Array, at: number): void {
  out[at] = 0;
  const end = from + hop;
  // Four lags at a time: each sample is loaded once for four sums kept in registers (~2× faster).
  let lag = 1;
  for (; lag + 3 <= maxLag; lag += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = from; j < end; j++) {
      const v = x[j]!;
      const k = j + lag;
      const e0 = v - x[k]!;
      const e1 = v - x[k + 1]!;
      const e2 = v - x[k + 2]!;
      const e3 = v - x[k + 3]!;
      s0 += e0 * e0;
      s1 += e1 * e1;
      s2 += e2 * e2;
      s3 += e3 * e3;
    }
    out[at + lag] = s0;
    out[at + lag + 1] = s1;
    out[at + lag + 2] = s2;
    out[at + lag + 3] = s3;
  }
  for (; lag <= maxLag; lag++) {
    let s = 0;
    for (let j = from; j < end; j++) {
      const e = x[j]! - x[j + lag]!;
      s += e * e;
    }
    out[at + lag] = s;
  }
}

/** YIN's steps 3–5 on one frame's difference function: F0 in Hz, or 0 when the frame is not periodic. */
function yinEstimate(d: Float64Array, minLag: number, maxLag: number, rate: number): number {
  // Cumulative mean normalised difference, computed in place from lag 1.
  let running = 0;
  let found = -1;
  const cmnd = (lag: number) => d[lag]!;
  for (let lag = 1; lag <= maxLag; lag++) {
    running += d[lag]!;
    d[lag] = running > 0 ? (d[lag]! * lag) / running : 1;
  }
  // The first dip under the threshold, then down to its local minimum: the shortest period that
  // fits, which keeps YIN off the octave below. Without one, the deepest dip.
  for (let lag = minLag; lag < maxLag; lag++) {
    if (cmnd(lag) < DIP_THRESHOLD) {
      while (lag + 1 < maxLag && cmnd(lag + 1) < cmnd(lag)) lag++;
      found = lag;
      break;
    }
  }
  if (found < 0) {
    let best = Infinity;
    for (let lag = minLag; lag < maxLag; lag++) {
      if (cmnd(lag) < best) {
        best = cmnd(lag);
        found = lag;
      }
    }
  }
  if (found < 0 || cmnd(found) >= VOICING_THRESHOLD) return 0;
  // Parabolic interpolation between lags: sub-sample period, which at ~4 kHz matters (a lag of 20 is
  // 200 Hz, and one lag more is 5 % lower).
  const a = cmnd(found - 1);
  const b = cmnd(found);
  const c = found + 1 <= maxLag ? cmnd(found + 1) : b;
  const curvature = a - 2 * b + c;
  const shift = curvature > 0 ? (a - c) / (2 * curvature) : 0;
  const period = found + Math.max(-0.5, Math.min(0.5, shift));
  const hz = rate / period;
  return hz >= MIN_F0_HZ * 0.95 && hz <= MAX_F0_HZ * 1.05 ? hz : 0;
}

/** Adjacent frames further apart than this (a ratio) belong to different runs: a jump, not a glide. */
const MAX_STEP = 0.15;

/**
 * Cleans a raw track: voiced runs are broken where F0 jumps by more than 15 % from one frame to the
 * next (no voice glides that fast in 10 ms; noise and octave slips do), pieces shorter than 30 ms are
 * dropped (a click, a glottal stop, a noise frame that happened to look periodic), and each piece is
 * median-filtered over 5 frames. Returns a new array.
 */
export function smoothPitch(f0: Float32Array): Float32Array {
  const out = new Float32Array(f0.length);
  for (let t = 0; t < f0.length; ) {
    if (!f0[t]) {
      t++;
      continue;
    }
    const start = t;
    t++;
    while (t < f0.length && f0[t] && Math.abs(f0[t]! / f0[t - 1]! - 1) <= MAX_STEP) t++;
    if (t - start < 3) continue;
    for (let k = start; k < t; k++) out[k] = medianAround(f0, Math.max(start, k - 2), Math.min(t - 1, k + 2));
  }
  return out;
}

/** Median of f0[from..to] (at most 5 values; the upper one of an even count), without allocating. */
function medianAround(f0: Float32Array, from: number, to: number): number {
  // Insertion sort of at most five values into registers' worth of scratch: a few comparisons where
  // counting ranks took twenty-five.
  const n = to - from + 1;
  const s = MEDIAN_SCRATCH;
  for (let i = 0; i < n; i++) {
    const v = f0[from + i]!;
    let j = i;
    for (; j > 0 && s[j - 1]! > v; j--) s[j] = s[j - 1]!;
    s[j] = v;
  }
  return s[n >> 1]!;
}
const MEDIAN_SCRATCH = new Float32Array(5);
