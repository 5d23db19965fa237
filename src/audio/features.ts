/**
 * Per-frame band energies computed in one streaming pass at the recording's own sample rate (no
 * resampling: the filters are designed for the rate and a 5 ms frame is however many samples that
 * is): an hour of audio costs ~9 MB (three floats per 5 ms frame) however long the file is.
 */

import { instantiateKernels, layOut, releaseKernels } from './kernels.js';

export const FRAME_SECONDS = 0.005;
/** Level given to digital silence, so logs stay finite. */
export const SILENCE_DB = -120;
/** The voice band (150 Hz – 1 kHz) is handed on decimated to about this rate, for the F0 tracker. */
export const VOICE_BAND_RATE = 4000;
/** A sample at or beyond this magnitude counts as clipped. */
const CLIP_LEVEL = 0.999;
/** The high band stops here (fricatives); above it a wide-band recording holds mostly noise. */
const HIGH_BAND_TOP_HZ = 8000;

/** Every how many samples the voice band is kept at `rate`, and the rate that gives. */
export function voiceBand(rate: number): { decimation: number; rate: number } {
  const decimation = Math.max(1, Math.round(rate / VOICE_BAND_RATE));
  return { decimation, rate: rate / decimation };
}

/**
 * Mean energy (linear, full scale = 1) per 5 ms frame in three bands. Several bands because noise and
 * speech spread differently: rumble and hum sit low, hiss high, and speech shows in at least one band
 * above that band's own floor.
 */
export interface FrameFeatures {
  frames: number;
  /** 150 Hz – 1 kHz: the voice's first formant, and where rumble and hum live. */
  low: Float32Array;
  /** 1 – 4 kHz: the second and third formants, the most speech-specific band. */
  mid: Float32Array;
  /** 4 – 8 kHz: fricatives (s, f, ch) that start and end many French words. */
  high: Float32Array;
  /** low + mid (150 Hz – 4 kHz): the voice without its hiss, for syllable peaks and sentence levels. */
  vocal: Float32Array;
  /** mid + high (1 – 8 kHz): a final "t" or "s" spreads over both, and their sum climbs out of noise. */
  upper: Float32Array;
}

/** What the pass over the samples measures besides the bands. */
export interface SampleLevels {
  samples: number;
  /** Samples at or beyond CLIP_LEVEL. */
  clipped: number;
  /** Highest absolute sample, 0 … 1. */
  peak: number;
}

export interface FeatureExtractor {
  /** Mono samples at the extractor's rate, in order, in chunks of any size. */
  push(samples: Float32Array): void;
  /** The same, as 16-bit little-endian mono PCM bytes (a WAV's data, decoded in the kernel). */
  pushPcm16(bytes: Uint8Array): void;
  finish(): FrameFeatures & SampleLevels;
}

/** Samples handed to the kernel per call: its input area in WebAssembly memory. */
const STEP_SAMPLES = 1 << 16;
/** Slots of the kernel's state (f64; wasm/audio-kernels.ts): the peak, the clipped count, the voice samples written. */
const PEAK = 11;
const CLIPPED = 16;
const VOICED = 17;
const STATE_SLOTS = 18;
/** How long lane B of the filter kernel runs before its own samples (see laneLayout). */
const LANE_WARM_SECONDS = 0.1;

/**
 * `onVoiceBand` receives the 150 Hz – 1 kHz band decimated to about 4 kHz (`voiceBand(rate)`), for
 * pitch tracking: the band is already filtered here, and the cascade's roll-off (≈ −13 dB at 2 kHz,
 * −27 dB at 4 kHz) is enough anti-aliasing for a periodicity measure. The chunk is reused: consume it
 * before returning.
 */
export function createFeatureExtractor(
  rate: number,
  onVoiceBand?: (samples: Float32Array) => void,
  /** How many samples will come, when known (a WAV's header says): the frame arrays are sized once. */
  expectedSamples = 0,
): FeatureExtractor {
  const capacity = Math.max(4096, Math.ceil((expectedSamples * 200) / rate) + 2);
  let low = new Float32Array(capacity);
  let mid = new Float32Array(capacity);
  let high = new Float32Array(capacity);
  let vocal = new Float32Array(capacity);
  let upper = new Float32Array(capacity);
  let frames = 0;
  let samplesSeen = 0;
  const band = voiceBand(rate);
  const lanes = laneLayout(rate, band.decimation);
  // The loop itself is a WebAssembly kernel (wasm/audio-kernels.ts, `filterBands`): ready at once,
  // where the same loop in JavaScript ran interpreted for a good part of a short file.
  const stepFrames = Math.ceil((STEP_SAMPLES * 200) / rate) + 2;
  const { at, bytes } = layOut({
    coef: 21 * 8,
    state: STATE_SLOTS * 8,
    // Two band states, two f64, then a frame's samples as f64 pairs (the SIMD loop's first pass).
    scratch: (2 * STATE_SLOTS + 2) * 8 + (Math.ceil(rate / 200) + 1) * 16,
    input: STEP_SAMPLES * 4,
    low: stepFrames * 4,
    mid: stepFrames * 4,
    high: stepFrames * 4,
    vocal: stepFrames * 4,
    upper: stepFrames * 4,
    voice: (Math.ceil(STEP_SAMPLES / band.decimation) + 1) * 4,
  });
  const kernels = instantiateKernels(bytes);
  const memory = kernels.memory.buffer;
  new Float64Array(memory, at.coef, 21).set([
    // Above 17.6 kHz an 8 kHz low-pass keeps the high band to 4–8 kHz, as at 16 kHz, where the
    // detector's thresholds were measured (the accuracy tests pass without it too; it costs one
    // filter per sample); below, the Nyquist frequency bounds the band already.
    ...(rate > 2.2 * HIGH_BAND_TOP_HZ ? biquad(rate, 'low', HIGH_BAND_TOP_HZ) : PASS),
    // 2nd-order Butterworth sections, as the detector's thresholds were measured with: a high-pass at
    // 150 Hz (DC, mains hum, most rumble; speech keeps its harmonics above it), then low-passes at
    // 4 kHz and 1 kHz; each band is a difference of outputs.
    ...biquad(rate, 'high', 150),
    ...biquad(rate, 'low', 4000),
    ...biquad(rate, 'low', 1000),
    CLIP_LEVEL,
  ]);
  const state = new Float64Array(memory, at.state, STATE_SLOTS);
  state[14] = frameLength(0, rate); // FRAME_LENGTH
  const input = new Float32Array(memory, at.input, STEP_SAMPLES);
  const lowOut = new Float32Array(memory, at.low, stepFrames);
  const midOut = new Float32Array(memory, at.mid, stepFrames);
  const highOut = new Float32Array(memory, at.high, stepFrames);
  const vocalOut = new Float32Array(memory, at.vocal, stepFrames);
  const upperOut = new Float32Array(memory, at.upper, stepFrames);
  const voiceOut = new Float32Array(memory, at.voice, Math.ceil(STEP_SAMPLES / band.decimation) + 1);

  const ensure = (room: number) => {
    if (frames + room <= low.length) return;
    const size = Math.max(low.length * 2, frames + room);
    const grow = (a: Float32Array) => {
      const b = new Float32Array(size);
      b.set(a.subarray(0, frames));
      return b;
    };
    low = grow(low);
    mid = grow(mid);
    high = grow(high);
    vocal = grow(vocal);
    upper = grow(upper);
  };

  const inputBytes = new Uint8Array(memory, at.input, STEP_SAMPLES * 4);
  /** Runs the kernel over the first `n` samples of its input area. */
  const run = (n: number) => {
    const done = kernels.filterBands(
      at.input,
      n,
      at.coef,
      at.state,
      rate,
      band.decimation,
      lanes.period,
      lanes.warm,
      at.scratch,
      at.low,
      at.mid,
      at.high,
      at.voice,
      at.vocal,
      at.upper,
    );
    ensure(done);
    low.set(lowOut.subarray(0, done), frames);
    mid.set(midOut.subarray(0, done), frames);
    high.set(highOut.subarray(0, done), frames);
    vocal.set(vocalOut.subarray(0, done), frames);
    upper.set(upperOut.subarray(0, done), frames);
    frames += done;
    samplesSeen += n;
    const voiced = state[VOICED]!;
    if (onVoiceBand && voiced) onVoiceBand(voiceOut.subarray(0, voiced));
  };

  return {
    push(samples) {
      for (let from = 0; from < samples.length; from += STEP_SAMPLES) {
        const piece = samples.subarray(from, from + STEP_SAMPLES);
        input.set(piece);
        run(piece.length);
      }
    },
    pushPcm16(bytes) {
      const whole = bytes.length - (bytes.length % 2);
      for (let from = 0; from < whole; from += STEP_SAMPLES * 2) {
        const piece = bytes.subarray(from, Math.min(whole, from + STEP_SAMPLES * 2));
        inputBytes.set(piece);
        kernels.decodePcm16(at.input, piece.length / 2);
        run(piece.length / 2);
      }
    },
    finish() {
      const clipped = state[CLIPPED]!;
      const peak = state[PEAK]!;
      releaseKernels(kernels);
      // A last partial frame is dropped: it is shorter than the precision we report.
      return {
        frames,
        low: low.subarray(0, frames),
        mid: mid.subarray(0, frames),
        high: high.subarray(0, frames),
        vocal: vocal.subarray(0, frames),
        upper: upper.subarray(0, frames),
        samples: samplesSeen,
        clipped,
        peak,
      };
    },
  };
}

/**
 * How the filter kernel splits a chunk between the two lanes of a SIMD register (wasm/audio-kernels.ts,
 * filterBands): `period`, the samples after which frame edges and the voice band's decimation
 * repeat (0 when that is longer than an eighth of a chunk: odd rates run the scalar loop), and
 * `warm`, the samples lane B runs ahead of its part so its filters have settled (0.1 s: the slowest
 * pole, the 150 Hz high-pass's, decays by e^-66 in that time).
 */
function laneLayout(rate: number, decimation: number): { period: number; warm: number } {
  const warm = Math.ceil(rate * LANE_WARM_SECONDS);
  if (!Number.isInteger(rate)) return { period: 0, warm };
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const edges = rate / gcd(rate, 200);
  const period = (edges / gcd(edges, decimation)) * decimation;
  return { period: period <= STEP_SAMPLES / 8 ? period : 0, warm };
}

/** Samples in frame `frame` at `rate`: frames are 5 ms on average, their edges on whole samples. */
function frameLength(frame: number, rate: number): number {
  return Math.floor(((frame + 1) * rate) / 200) - Math.floor((frame * rate) / 200);
}

/** A filter that passes everything, in the layout of `biquad`. */
const PASS = [1, 0, 0, 0, 0] as const;

/**
 * A 2nd-order Butterworth filter at `rate` (bilinear transform, pre-warped), as the state-space
 * coefficients [b0, k1 = b1 − a1·b0, k2 = b2 − a2·b0, a1, a2] the loop above runs.
 */
function biquad(rate: number, kind: 'low' | 'high', cutoffHz: number): readonly number[] {
  // A low-pass on or near the Nyquist frequency (4 kHz at 8 kHz) has nothing left to remove.
  if (kind === 'low' && cutoffHz >= 0.45 * rate) return PASS;
  const k = Math.tan((Math.PI * cutoffHz) / rate);
  const norm = 1 / (1 + Math.SQRT2 * k + k * k);
  const a1 = 2 * (k * k - 1) * norm;
  const a2 = (1 - Math.SQRT2 * k + k * k) * norm;
  const [b0, b1, b2] = kind === 'low' ? [k * k * norm, 2 * k * k * norm, k * k * norm] : [norm, -2 * norm, norm];
  return [b0, b1 - a1 * b0, b2 - a2 * b0, a1, a2];
}

/** The runs of set frames, as [start, end) frame indices. */
export function runsOf(flags: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let t = 0; t < flags.length; ) {
    if (!flags[t]) {
      t++;
      continue;
    }
    const start = t;
    while (t < flags.length && flags[t]) t++;
    runs.push([start, t]);
  }
  return runs;
}

/** Energy to dB full scale, with digital silence at SILENCE_DB. */
export function toDb(energy: number): number {
  return energy > 1e-12 ? 10 * Math.log10(energy) : SILENCE_DB;
}
