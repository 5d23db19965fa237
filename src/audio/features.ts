/**
 * Per-frame band energies computed in one streaming pass at the recording's own sample rate (no
 * resampling: the filters are designed for the rate and a 5 ms frame is however many samples that
 * is): an hour of audio costs ~9 MB (three floats per 5 ms frame) however long the file is.
 */

export const FRAME_SECONDS = 0.005;
/** Level given to digital silence, so logs stay finite. */
export const SILENCE_DB = -120;
/** The voice band (150 Hz – 1 kHz) is handed on decimated to about this rate, for the F0 tracker. */
export const VOICE_BAND_RATE = 4000;
/** A sample at or beyond this magnitude counts as clipped. */
export const CLIP_LEVEL = 0.999;
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
  finish(): FrameFeatures & SampleLevels;
}

// The extractor's memory between chunks: floats (filter memories [s1, s2] × 4 — 8 kHz low-pass, 150 Hz
// high-pass, 4 kHz and 1 kHz low-passes — running band sums, peak) and integers (counters), kept apart so the
// optimised loop always reads each as one kind of number (a counter read back as a float once threw
// the optimised code away mid-file).
const SL = 8;
const SM = 9;
const SH = 10;
const PEAK = 11;
const FLOATS = 12;
const IN_FRAME = 0;
const FRAME_LENGTH = 1;
const PHASE = 2;
const VOICED = 3;
const CLIPPED = 4;
const COUNTERS = 5;
/** Filter memories under this are flushed to zero at each frame's end. */
const TINY = 1e-25;
/** Samples of the first call, run alone (see push). */
const PRIMING_SAMPLES = 512;

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
  let frames = 0;
  let samplesSeen = 0;
  const band = voiceBand(rate);
  const coefficients = Float64Array.from([
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
  ]);
  const floats = new Float64Array(FLOATS);
  const counters = new Int32Array(COUNTERS);
  counters[FRAME_LENGTH] = frameLength(0, rate);
  let voice = new Float32Array(4096);

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
  };
  const run = (samples: Float32Array) => {
    frames = filterBands(samples, coefficients, floats, counters, rate, band.decimation, low, mid, high, frames, voice);
    samplesSeen += samples.length;
    const n = counters[VOICED]!;
    if (onVoiceBand && n) onVoiceBand(voice.subarray(0, n));
  };

  return {
    push(samples) {
      ensure(Math.ceil((samples.length * 200) / rate) + 2);
      if (voice.length < samples.length / band.decimation + 1)
        voice = new Float32Array(Math.ceil(samples.length / band.decimation) + 1);
      // The first samples go alone: a short call runs every line of the loop and after it, so the
      // optimised code V8 builds during the next call has seen it all and is not thrown away on its
      // way out (each such deoptimisation cost a cold run ~20 ms of slow code).
      const first = samplesSeen === 0 ? Math.min(samples.length, PRIMING_SAMPLES) : 0;
      if (first) run(samples.subarray(0, first));
      run(first ? samples.subarray(first) : samples);
    },
    finish() {
      // A last partial frame is dropped: it is shorter than the precision we report.
      return {
        frames,
        low: low.subarray(0, frames),
        mid: mid.subarray(0, frames),
        high: high.subarray(0, frames),
        samples: samplesSeen,
        clipped: counters[CLIPPED]!,
        peak: floats[PEAK]!,
      };
    },
  };
}

/** Samples in frame `frame` at `rate`: frames are 5 ms on average, their edges on whole samples. */
function frameLength(frame: number, rate: number): number {
  return Math.floor(((frame + 1) * rate) / 200) - Math.floor((frame * rate) / 200);
}

/**
 * The hot loop, alone in its function so V8 optimises it whole. Returns the new frame count; the
 * output arrays have room for every frame this chunk completes.
 */
function filterBands(
  samples: Float32Array,
  c: Float64Array,
  floats: Float64Array,
  counters: Int32Array,
  rate: number,
  decimation: number,
  low: Float32Array,
  mid: Float32Array,
  high: Float32Array,
  frame: number,
  voice: Float32Array,
): number {
  const tb0 = c[0]!,
    tk1 = c[1]!,
    tk2 = c[2]!,
    ta1 = c[3]!,
    ta2 = c[4]!;
  const hb0 = c[5]!,
    hk1 = c[6]!,
    hk2 = c[7]!,
    ha1 = c[8]!,
    ha2 = c[9]!;
  const ab0 = c[10]!,
    ak1 = c[11]!,
    ak2 = c[12]!,
    aa1 = c[13]!,
    aa2 = c[14]!;
  const cb0 = c[15]!,
    ck1 = c[16]!,
    ck2 = c[17]!,
    ca1 = c[18]!,
    ca2 = c[19]!;
  // Each filter in state-space form (y = b0·x + s1; s1' = k1·x + s2 − a1·s1; s2' = k2·x − a2·s1):
  // from one sample to the next each memory waits on one multiply and one add, which runs the
  // cascade ~3× faster than the direct form (the same filter, to rounding).
  let t1 = floats[0]!,
    t2 = floats[1]!,
    h1 = floats[2]!,
    h2 = floats[3]!,
    a1 = floats[4]!,
    a2 = floats[5]!,
    c1 = floats[6]!,
    c2 = floats[7]!,
    sl = floats[SL]!,
    sm = floats[SM]!,
    sh = floats[SH]!,
    peak = floats[PEAK]!;
  let n = counters[IN_FRAME]!,
    length = counters[FRAME_LENGTH]!,
    phase = counters[PHASE]!,
    clipped = counters[CLIPPED]!,
    voiced = 0;
  for (let i = 0; i < samples.length; i++) {
    const input = samples[i]!;
    const magnitude = input < 0 ? -input : input;
    if (magnitude > peak) peak = magnitude;
    if (magnitude >= CLIP_LEVEL) clipped++;
    const x = tb0 * input + t1;
    const nt = tk1 * input + t2 - ta1 * t1;
    t2 = tk2 * input - ta2 * t1;
    t1 = nt;
    const y = hb0 * x + h1;
    const nh = hk1 * x + h2 - ha1 * h1;
    h2 = hk2 * x - ha2 * h1;
    h1 = nh;
    const below4k = ab0 * y + a1;
    const na = ak1 * y + a2 - aa1 * a1;
    a2 = ak2 * y - aa2 * a1;
    a1 = na;
    const below1k = cb0 * below4k + c1;
    const nc = ck1 * below4k + c2 - ca1 * c1;
    c2 = ck2 * below4k - ca2 * c1;
    c1 = nc;
    const h = y - below4k;
    const m = below4k - below1k;
    sl += below1k * below1k;
    sm += m * m;
    sh += h * h;
    if (++phase === decimation) {
      voice[voiced++] = below1k;
      phase = 0;
    }
    if (++n === length) {
      low[frame] = sl / length;
      mid[frame] = sm / length;
      high[frame] = sh / length;
      frame++;
      sl = 0;
      sm = 0;
      sh = 0;
      n = 0;
      length = frameLength(frame, rate);
      // In digital silence the filters' memories decay towards subnormal numbers, on which the
      // arithmetic is slow (the 4-minute espeak-ng test file streamed ~7 % faster without them); far
      // below anything measured (energies under 1e-12 read as silence), they are set to zero instead.
      if (t1 < TINY && t1 > -TINY) t1 = 0;
      if (t2 < TINY && t2 > -TINY) t2 = 0;
      if (h1 < TINY && h1 > -TINY) h1 = 0;
      if (h2 < TINY && h2 > -TINY) h2 = 0;
      if (a1 < TINY && a1 > -TINY) a1 = 0;
      if (a2 < TINY && a2 > -TINY) a2 = 0;
      if (c1 < TINY && c1 > -TINY) c1 = 0;
      if (c2 < TINY && c2 > -TINY) c2 = 0;
    }
  }
  floats[0] = t1;
  floats[1] = t2;
  floats[2] = h1;
  floats[3] = h2;
  floats[4] = a1;
  floats[5] = a2;
  floats[6] = c1;
  floats[7] = c2;
  floats[SL] = sl;
  floats[SM] = sm;
  floats[SH] = sh;
  floats[PEAK] = peak;
  counters[IN_FRAME] = n;
  counters[FRAME_LENGTH] = length;
  counters[PHASE] = phase;
  counters[CLIPPED] = clipped;
  counters[VOICED] = voiced;
  return frame;
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
