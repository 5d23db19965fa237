/**
 * Per-frame band energies of 16 kHz audio, computed in one streaming pass: an hour of audio costs
 * ~9 MB (three floats per 5 ms frame) however long the file is.
 */

export const ANALYSIS_RATE = 16_000;
export const FRAME_SAMPLES = 80;
export const FRAME_SECONDS = FRAME_SAMPLES / ANALYSIS_RATE;
/** Level given to digital silence, so logs stay finite. */
export const SILENCE_DB = -120;
/** The voice band (150 Hz – 1 kHz) is also handed on at 16 kHz / VOICE_DECIMATION, for the F0 tracker. */
export const VOICE_DECIMATION = 4;
export const VOICE_RATE = ANALYSIS_RATE / VOICE_DECIMATION;

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

export interface FeatureExtractor {
  /** 16 kHz mono samples, in order, in chunks of any size. */
  push(samples: Float32Array): void;
  finish(): FrameFeatures;
}

/**
 * `onVoiceBand` receives the 150 Hz – 1 kHz band at VOICE_RATE (4 kHz), for pitch tracking: the band
 * is already filtered here, and the cascade's roll-off (≈ −13 dB at 2 kHz, −27 dB at 4 kHz) is enough
 * anti-aliasing for a periodicity measure. The chunk is reused: consume it before returning.
 */
export function createFeatureExtractor(onVoiceBand?: (samples: Float32Array) => void): FeatureExtractor {
  let low = new Float32Array(4096);
  let mid = new Float32Array(4096);
  let high = new Float32Array(4096);
  let frames = 0;
  // 2nd-order Butterworth sections: a high-pass at 150 Hz (DC, mains hum, most rumble; speech keeps
  // its harmonics above it), then low-passes at 4 kHz and 1 kHz; each band is a difference of outputs.
  const coefficients = Float64Array.from([
    ...butterworth('high', 150),
    ...butterworth('low', 4000),
    ...butterworth('low', 1000),
  ]);
  // Filter memories [x1, x2, y1, y2] × 3, then the running band sums, the samples in the frame, and
  // the decimation phase of the voice band and how many voice samples the last push wrote.
  const state = new Float64Array(18);
  let voice = new Float32Array(onVoiceBand ? 4096 : 0);

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

  return {
    push(samples) {
      ensure(Math.ceil((state[15]! + samples.length) / FRAME_SAMPLES));
      if (onVoiceBand && voice.length < samples.length / VOICE_DECIMATION + 1)
        voice = new Float32Array(Math.ceil(samples.length / VOICE_DECIMATION) + 1);
      frames = filterBands(samples, coefficients, state, low, mid, high, frames, voice);
      const n = state[17]!;
      if (onVoiceBand && n) onVoiceBand(voice.subarray(0, n));
    },
    finish() {
      // A last partial frame is dropped: it is shorter than the precision we report.
      return { frames, low: low.subarray(0, frames), mid: mid.subarray(0, frames), high: high.subarray(0, frames) };
    },
  };
}

/**
 * The hot loop, alone in its function so V8 optimises it whole on the first chunk (a loop followed by
 * code not yet run gets deoptimised when it finishes, costing a cold run about 3×). Returns the new
 * frame count; the output arrays have room for every frame this chunk completes.
 */
function filterBands(
  samples: Float32Array,
  c: Float64Array,
  state: Float64Array,
  low: Float32Array,
  mid: Float32Array,
  high: Float32Array,
  frame: number,
  voice: Float32Array,
): number {
  const keepVoice = voice.length > 0;
  let phase = state[16]!;
  let voiced = 0;
  const hb0 = c[0]!,
    hb1 = c[1]!,
    hb2 = c[2]!,
    ha1 = c[3]!,
    ha2 = c[4]!;
  const ab0 = c[5]!,
    ab1 = c[6]!,
    ab2 = c[7]!,
    aa1 = c[8]!,
    aa2 = c[9]!;
  const cb0 = c[10]!,
    cb1 = c[11]!,
    cb2 = c[12]!,
    ca1 = c[13]!,
    ca2 = c[14]!;
  let hx1 = state[0]!,
    hx2 = state[1]!,
    hy1 = state[2]!,
    hy2 = state[3]!;
  let ax1 = state[4]!,
    ax2 = state[5]!,
    ay1 = state[6]!,
    ay2 = state[7]!;
  let cx1 = state[8]!,
    cx2 = state[9]!,
    cy1 = state[10]!,
    cy2 = state[11]!;
  let sl = state[12]!,
    sm = state[13]!,
    sh = state[14]!,
    n = state[15]!;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i]!;
    const y = hb0 * x + hb1 * hx1 + hb2 * hx2 - ha1 * hy1 - ha2 * hy2;
    hx2 = hx1;
    hx1 = x;
    hy2 = hy1;
    hy1 = y;
    const below4k = ab0 * y + ab1 * ax1 + ab2 * ax2 - aa1 * ay1 - aa2 * ay2;
    ax2 = ax1;
    ax1 = y;
    ay2 = ay1;
    ay1 = below4k;
    const below1k = cb0 * below4k + cb1 * cx1 + cb2 * cx2 - ca1 * cy1 - ca2 * cy2;
    cx2 = cx1;
    cx1 = below4k;
    cy2 = cy1;
    cy1 = below1k;
    const h = y - below4k;
    const m = below4k - below1k;
    sl += below1k * below1k;
    sm += m * m;
    sh += h * h;
    if (keepVoice && ++phase === VOICE_DECIMATION) {
      voice[voiced++] = below1k;
      phase = 0;
    }
    if (++n === FRAME_SAMPLES) {
      low[frame] = sl / FRAME_SAMPLES;
      mid[frame] = sm / FRAME_SAMPLES;
      high[frame] = sh / FRAME_SAMPLES;
      frame++;
      sl = sm = sh = 0;
      n = 0;
    }
  }
  state[0] = hx1;
  state[1] = hx2;
  state[2] = hy1;
  state[3] = hy2;
  state[4] = ax1;
  state[5] = ax2;
  state[6] = ay1;
  state[7] = ay2;
  state[8] = cx1;
  state[9] = cx2;
  state[10] = cy1;
  state[11] = cy2;
  state[12] = sl;
  state[13] = sm;
  state[14] = sh;
  state[15] = n;
  state[16] = phase;
  state[17] = voiced;
  return frame;
}

/** [b0, b1, b2, a1, a2] of a 2nd-order Butterworth filter at 16 kHz (bilinear transform). */
function butterworth(kind: 'low' | 'high', cutoffHz: number): [number, number, number, number, number] {
  const k = Math.tan((Math.PI * cutoffHz) / ANALYSIS_RATE);
  const norm = 1 / (1 + Math.SQRT2 * k + k * k);
  const a1 = 2 * (k * k - 1) * norm;
  const a2 = (1 - Math.SQRT2 * k + k * k) * norm;
  return kind === 'low' ? [k * k * norm, 2 * k * k * norm, k * k * norm, a1, a2] : [norm, -2 * norm, norm, a1, a2];
}

/** Energy to dB full scale, with digital silence at SILENCE_DB. */
export function toDb(energy: number): number {
  return energy > 1e-12 ? 10 * Math.log10(energy) : SILENCE_DB;
}
