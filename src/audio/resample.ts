/**
 * A streaming polyphase resampler (windowed sinc), fast enough to bring an hour of 48 kHz audio to
 * 16 kHz in a few seconds. Quality is tuned for voice analysis, not for listening: ~5 zero crossings
 * each side, an anti-alias cutoff at 90% of the lower Nyquist frequency, a Blackman window.
 */

/** Phases beyond this are quantised to the nearest of MAX_PHASES: odd rates (16001 Hz) stay cheap. */
const MAX_PHASES = 2048;
const ZERO_CROSSINGS = 5;
const ROLLOFF = 0.9;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export interface Resampler {
  /** Resamples the next chunk; returns the output samples ready so far (may be empty). */
  push(input: Float32Array): Float32Array;
  /** Emits what is still held back at the end of the stream. */
  flush(): Float32Array;
}

export function createResampler(inRate: number, outRate: number): Resampler {
  if (inRate === outRate) return { push: (x) => x, flush: () => new Float32Array(0) };
  const g = gcd(inRate, outRate);
  // Output n sits at input position n * step / phases.
  let phases = outRate / g;
  let step = inRate / g;
  if (phases > MAX_PHASES) {
    step = (step * MAX_PHASES) / phases;
    phases = MAX_PHASES;
  }
  const cutoff = Math.min(1, outRate / inRate) * ROLLOFF;
  const half = Math.ceil(ZERO_CROSSINGS / cutoff);
  const taps = 2 * half;
  const table = buildTable(phases, half, cutoff);

  // buffer[0] is input sample number `base`; the signal is zero before the first sample.
  let buffer = new Float32Array(half + 4096);
  let filled = half;
  let base = -half;
  let nextOut = 0;
  let totalIn = 0;

  const produce = (limit: number): Float32Array => {
    // Output n needs input samples floor(t) - half + 1 … floor(t) + half, all below `limit`.
    const room = Math.max(0, Math.ceil(((limit - half) * phases) / step) - nextOut + 1);
    const out = new Float32Array(room);
    const count = convolve(buffer, base, table, taps, half, phases, step, nextOut, limit, out);
    nextOut += count;
    return out.subarray(0, count);
  };

  const append = (input: Float32Array) => {
    if (filled + input.length > buffer.length) {
      const bigger = new Float32Array(Math.max(buffer.length * 2, filled + input.length));
      bigger.set(buffer.subarray(0, filled));
      buffer = bigger;
    }
    buffer.set(input, filled);
    filled += input.length;
  };

  const compact = () => {
    // Keep only what the next output can still reach.
    const i = Math.floor((nextOut * step) / phases);
    const keepFrom = i - half + 1 - base;
    if (keepFrom > 0) {
      buffer.copyWithin(0, keepFrom, filled);
      filled -= keepFrom;
      base += keepFrom;
    }
  };

  return {
    push(input) {
      append(input);
      totalIn += input.length;
      const out = produce(base + filled);
      compact();
      return out;
    },
    flush() {
      const expected = Math.ceil((totalIn * phases) / step);
      append(new Float32Array(half + 1));
      const out = produce(base + filled);
      return out.subarray(0, Math.max(0, out.length - Math.max(0, nextOut - expected)));
    },
  };
}

/**
 * The hot loop, alone so V8 optimises it whole: output samples from `first` on while their inputs
 * are below `limit`; returns how many were written. The input position advances by whole steps of
 * `step / phases` input samples, tracked as an integer index and a phase, with no division per output.
 */
function convolve(
  buffer: Float32Array,
  base: number,
  table: Float32Array,
  taps: number,
  half: number,
  phases: number,
  step: number,
  first: number,
  limit: number,
  out: Float32Array,
): number {
  const pos = first * step;
  let i = Math.floor(pos / phases);
  let phase = pos - i * phases;
  const whole = Math.floor(step / phases);
  const part = step - whole * phases;
  let count = 0;
  while (count < out.length) {
    // `step` and `phase` are integers unless the phases were quantised; rounding picks the nearest.
    let p = Math.round(phase);
    let at = i;
    if (p === phases) {
      p = 0;
      at++;
    }
    if (at + half >= limit) break;
    const start = at - half + 1 - base;
    const k = p * taps;
    let acc = 0;
    for (let j = 0; j < taps; j++) acc += buffer[start + j]! * table[k + j]!;
    out[count++] = acc;
    i += whole;
    phase += part;
    if (phase >= phases) {
      phase -= phases;
      i++;
    }
  }
  return count;
}

/** taps for each phase: table[p * taps + j] weighs input sample (i - half + 1 + j) for fraction p / phases. */
function buildTable(phases: number, half: number, cutoff: number): Float32Array {
  const taps = 2 * half;
  const table = new Float32Array(phases * taps);
  for (let p = 0; p < phases; p++) {
    const frac = p / phases;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const d = j - half + 1 - frac; // distance from the output position, in input samples
      const x = d * cutoff;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
      const w = (d + half) / (2 * half); // 0 … 1 across the window
      const blackman = w <= 0 || w >= 1 ? 0 : 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
      const h = cutoff * sinc * blackman;
      table[p * taps + j] = h;
      sum += h;
    }
    // Unit gain at DC for every phase, so a constant stays constant.
    for (let j = 0; j < taps; j++) table[p * taps + j] = table[p * taps + j]! / sum;
  }
  return table;
}
