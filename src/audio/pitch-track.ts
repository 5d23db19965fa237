/**
 * Fundamental frequency (F0) of the voice, streamed: YIN (de Cheveigné & Kawahara 2002) on the voice
 * band decimated to ~4 kHz, one estimate every 10 ms over a 30 ms window.
 *
 * Written here rather than taken from pitchy 4.1 (MIT, McLeod's method) because it measured ~4× faster
 * at the same accuracy on our test signals (scripts/bench-pitch.mjs, figures in docs/voice.md): YIN's
 * difference function is summed per 10 ms block and per lag as the samples stream by, so each sample
 * costs one multiply-add per lag, where a per-frame FFT autocorrelation redoes the whole window.
 */
import { instantiateKernels, layOut, releaseKernels, withKernels } from './kernels.js';

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

/** Voice-band samples handed to the kernel per call. */
const STEP_SAMPLES = 1 << 15;

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
  // The difference function and YIN's steps run in a WebAssembly kernel (wasm/audio-kernels.ts,
  // `trackBlocks`); here, the look-ahead buffer in its memory: samples from `base`, a block of `hop`
  // samples needing `maxLag` after it, so what stays between calls is under hop + maxLag samples.
  const capacity = STEP_SAMPLES + hop + maxLag;
  const stepFrames = Math.ceil(capacity / hop) + 1;
  const { at, bytes } = layOut({
    params: 4 * 8,
    buffer: capacity * 4,
    blocks: WINDOW_HOPS * lags * 8,
    window: lags * 8,
    d: lags * 8,
    f0: stepFrames * 4,
  });
  const kernels = instantiateKernels(bytes);
  // YIN's thresholds, and the F0 limits with 5 % of slack for the interpolated period.
  new Float64Array(kernels.memory.buffer, at.params, 4).set([
    DIP_THRESHOLD,
    VOICING_THRESHOLD,
    MIN_F0_HZ * 0.95,
    MAX_F0_HZ * 1.05,
  ]);
  // The voice band's f32 samples as they come: the kernel sums each block in single precision.
  const buffer = new Float32Array(kernels.memory.buffer, at.buffer, capacity);
  const f0Out = new Float32Array(kernels.memory.buffer, at.f0, stepFrames);
  let filled = 0;
  let base = 0;
  let next = 0; // first sample of the next block to sum
  let blockCount = 0;
  let f0 = new Float32Array(1024);
  let frames = 0;

  return {
    push(samples) {
      for (let from = 0; from < samples.length; from += STEP_SAMPLES) {
        const piece = samples.subarray(from, from + STEP_SAMPLES);
        // Drop what no block needs any more.
        buffer.copyWithin(0, next - base, filled);
        filled -= next - base;
        base = next;
        buffer.set(piece, filled);
        filled += piece.length;
        const count = Math.max(0, Math.floor((filled - maxLag) / hop));
        if (!count) continue;
        const done = kernels.trackBlocks(
          at.buffer,
          0,
          count,
          hop,
          minLag,
          maxLag,
          rate,
          at.params,
          at.blocks,
          blockCount,
          at.window,
          at.d,
          at.f0,
        );
        blockCount += count;
        next += count * hop;
        if (frames + done > f0.length) {
          const bigger = new Float32Array(Math.max(f0.length * 2, frames + done));
          bigger.set(f0.subarray(0, frames));
          f0 = bigger;
        }
        f0.set(f0Out.subarray(0, done), frames);
        frames += done;
      }
    },
    finish() {
      releaseKernels(kernels);
      // The last window's centre: frames stop where the look-ahead ran out (the final ~30 ms).
      return { hopSeconds, offsetSeconds: (WINDOW_HOPS * hop) / 2 / rate, f0: f0.slice(0, frames) };
    },
  };
}

/** Adjacent frames further apart than this (a ratio) belong to different runs: a jump, not a glide. */
const MAX_STEP = 0.15;

/**
 * Cleans a raw track: voiced runs are broken where F0 jumps by more than 15 % from one frame to the
 * next (no voice glides that fast in 10 ms; noise and octave slips do), pieces shorter than 30 ms are
 * dropped (a click, a glottal stop, a noise frame that happened to look periodic), and each piece is
 * median-filtered over 5 frames (the upper middle value of an even count at a run's ends). Returns a
 * new array. The pass is a WebAssembly kernel (wasm/audio-kernels.ts).
 */
export function smoothPitch(f0: Float32Array): Float32Array {
  const n = f0.length;
  const { at, bytes } = layOut({ f0: n * 4, out: n * 4 });
  return withKernels(bytes, (kernels, memory) => {
    new Float32Array(memory, at.f0, n).set(f0);
    kernels.smoothPitch(at.f0, n, MAX_STEP, at.out);
    return new Float32Array(memory, at.out, n).slice();
  });
}
