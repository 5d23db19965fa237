// AssemblyScript: the loops that see every sample of a recording (band filters, 16-bit decoding, YIN)
// and the main passes over its 5 ms frames (noise floors, level track, F0 clean-up…), compiled to
// WebAssembly by scripts/build-kernels.mjs (the bytes are committed as src/audio/kernels-wasm.ts; a unit
// test checks that compiling this file again gives them). Why WebAssembly: V8 compiles it at once,
// where the same loops in JavaScript ran interpreted for much of a 4-minute file, boxing every float,
// before their optimised code was ready (docs/voice.md, "Speed and memory"). Each kernel does the
// arithmetic of the JavaScript it replaced in the same order, with the logarithms and exponentials of
// JavaScript's own Math.log10 and Math.exp (written here to the bit), so every figure is the same. Memory is laid out by the callers
// (src/audio/kernels.ts: instantiateKernels, layOut).

// --- Band filters (src/audio/features.ts) -------------------------------------------------------------

// Slots of the band state (f64): filter memories [s1, s2] × 4, running band sums, peak, frame index.
const T1 = 0;
const T2 = 1;
const H1 = 2;
const H2 = 3;
const A1 = 4;
const A2 = 5;
const C1 = 6;
const C2 = 7;
const SL = 8;
const SM = 9;
const SH = 10;
const PEAK = 11;
const FRAME = 12;
const IN_FRAME = 13;
const FRAME_LENGTH = 14;
const PHASE = 15;
const CLIPPED = 16;
const VOICED = 17;

/** Filter memories under this are flushed to zero at each frame's end (no subnormal arithmetic). */
const TINY: f64 = 1e-25;

@inline function slot(state: usize, i: i32): f64 {
  return load<f64>(state + (<usize>i << 3));
}
@inline function setSlot(state: usize, i: i32, v: f64): void {
  store<f64>(state + (<usize>i << 3), v);
}

/** Samples in frame `frame` at `rate`: 5 ms on average, edges on whole samples. */
@inline function frameLength(frame: f64, rate: f64): f64 {
  return Math.floor(((frame + 1) * rate) / 200) - Math.floor((frame * rate) / 200);
}

/**
 * Streams `n` samples (f32 at `input`) through the cascade (an optional 8 kHz low-pass, a 150 Hz
 * high-pass, 4 kHz and 1 kHz low-passes, each 2nd-order in state-space form, coefficients
 * [b0, k1, k2, a1, a2] × 4 at `coef`, then the clipping level); each completed 5 ms frame's mean band energies go to
 * low/mid/high (f32, from index 0 for this call), low + mid to `vocal` and mid + high to `upper`, every
 * `decimation`th sample of the 150 Hz – 1 kHz band to `voice`. Returns the frames completed; the voice samples written are in state[VOICED].
 */
function bandsScalar(
  input: usize,
  n: i32,
  coef: usize,
  state: usize,
  rate: f64,
  decimation: i32,
  low: usize,
  mid: usize,
  high: usize,
  voice: usize,
  vocal: usize,
  upper: usize,
): i32 {
  const tb0 = slot(coef, 0), tk1 = slot(coef, 1), tk2 = slot(coef, 2), ta1 = slot(coef, 3), ta2 = slot(coef, 4);
  const hb0 = slot(coef, 5), hk1 = slot(coef, 6), hk2 = slot(coef, 7), ha1 = slot(coef, 8), ha2 = slot(coef, 9);
  const ab0 = slot(coef, 10), ak1 = slot(coef, 11), ak2 = slot(coef, 12), aa1 = slot(coef, 13), aa2 = slot(coef, 14);
  const cb0 = slot(coef, 15), ck1 = slot(coef, 16), ck2 = slot(coef, 17), ca1 = slot(coef, 18), ca2 = slot(coef, 19);
  const clipLevel = slot(coef, 20);
  // Below 17.6 kHz the first section passes everything ([1, 0, 0, 0, 0]: its output is its input and its
  // memories stay 0); it is skipped then, which gives the same numbers.
  const top = !(tb0 == 1 && tk1 == 0 && tk2 == 0 && ta1 == 0 && ta2 == 0);
  let t1 = slot(state, T1), t2 = slot(state, T2), h1 = slot(state, H1), h2 = slot(state, H2);
  let a1 = slot(state, A1), a2 = slot(state, A2), c1 = slot(state, C1), c2 = slot(state, C2);
  let sl = slot(state, SL), sm = slot(state, SM), sh = slot(state, SH), peak = slot(state, PEAK);
  let frame = slot(state, FRAME);
  let inFrame = <i32>slot(state, IN_FRAME);
  let length = <i32>slot(state, FRAME_LENGTH);
  let phase = <i32>slot(state, PHASE);
  let clipped = slot(state, CLIPPED);
  let voiced = 0;
  let done = 0;
  for (let i = 0; i < n; i++) {
    const sample = <f64>load<f32>(input + (<usize>i << 2));
    const magnitude = Math.abs(sample);
    if (magnitude > peak) peak = magnitude;
    if (magnitude >= clipLevel) clipped += 1;
    let x = sample;
    if (top) {
      x = tb0 * sample + t1;
      const nt = tk1 * sample + t2 - ta1 * t1;
      t2 = tk2 * sample - ta2 * t1;
      t1 = nt;
    }
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
    if (++phase == decimation) {
      store<f32>(voice + (<usize>voiced << 2), <f32>below1k);
      voiced++;
      phase = 0;
    }
    if (++inFrame == length) {
      storeFrame(sl, sm, sh, length, low, mid, high, vocal, upper, <usize>done << 2);
      done++;
      frame += 1;
      sl = 0;
      sm = 0;
      sh = 0;
      inFrame = 0;
      length = <i32>frameLength(frame, rate);
      if (Math.abs(t1) < TINY) t1 = 0;
      if (Math.abs(t2) < TINY) t2 = 0;
      if (Math.abs(h1) < TINY) h1 = 0;
      if (Math.abs(h2) < TINY) h2 = 0;
      if (Math.abs(a1) < TINY) a1 = 0;
      if (Math.abs(a2) < TINY) a2 = 0;
      if (Math.abs(c1) < TINY) c1 = 0;
      if (Math.abs(c2) < TINY) c2 = 0;
    }
  }
  setSlot(state, T1, t1);
  setSlot(state, T2, t2);
  setSlot(state, H1, h1);
  setSlot(state, H2, h2);
  setSlot(state, A1, a1);
  setSlot(state, A2, a2);
  setSlot(state, C1, c1);
  setSlot(state, C2, c2);
  setSlot(state, SL, sl);
  setSlot(state, SM, sm);
  setSlot(state, SH, sh);
  setSlot(state, PEAK, peak);
  setSlot(state, FRAME, frame);
  setSlot(state, IN_FRAME, <f64>inFrame);
  setSlot(state, FRAME_LENGTH, <f64>length);
  setSlot(state, PHASE, <f64>phase);
  setSlot(state, CLIPPED, clipped);
  setSlot(state, VOICED, <f64>voiced);
  return done;
}


/** Slots of a band state (STATE_SLOTS f64 in src/audio/features.ts). */
const STATE_SLOTS: usize = 18;

@inline function lane0(v: v128): f64 {
  return f64x2.extract_lane(v, 0);
}
@inline function lane1(v: v128): f64 {
  return f64x2.extract_lane(v, 1);
}
/** A register with lane A (0) from slot `i` of `state`, lane B 0. */
@inline function laneA(state: usize, i: i32): v128 {
  return f64x2.replace_lane(f64x2.splat(0), 0, slot(state, i));
}
/** Slot `i` of two states from the two lanes of `v`. */
@inline function putLanes(stateA: usize, stateB: usize, i: i32, v: v128): void {
  setSlot(stateA, i, lane0(v));
  setSlot(stateB, i, lane1(v));
}
/** Step `j`'s two samples (f32 from lane A's part at `fromA` and lane B's at `fromB`) as one f64 pair. */
@inline function pairAt(fromA: usize, fromB: usize, j: i32): v128 {
  return f64x2.replace_lane(f64x2.splat(<f64>load<f32>(fromA + (<usize>j << 2))), 1, <f64>load<f32>(fromB + (<usize>j << 2)));
}
/** Both lanes of `v`, each set to 0 where its magnitude is under TINY (the scalar loop's flush). */
@inline function flushTiny(v: v128, tiny: v128): v128 {
  return v128.andnot(v, f64x2.lt(f64x2.abs(v), tiny));
}

/**
 * The band filters over one chunk (bandsScalar's loop) as two lanes of a SIMD register: lane A runs
 * the first part of the chunk from the carried state, lane B the rest, starting `lead` samples early from a zero state so that its
 * filters have settled when its own part begins (their slowest pole, the 150 Hz high-pass, decays by
 * e^-66 in 0.1 s: the caller's `warm`). The two parts meet on a frame edge; lane B's start is a whole
 * number of `period`s after lane A's (the samples after which frame edges and the voice band's
 * decimation repeat), so both lanes end frames and keep voice samples on the same steps. The samples
 * pass through the same arithmetic in the same order as in bandsScalar; what lane B computes from its
 * own part differs from the scalar loop's only by its start's remainder (below 1e-28 of the signal).
 * Frames, voice samples, the peak, the clipped count and the state come out as bandsScalar gives them
 * (lane A's frames, then lane B's). `scratch` holds two band states, two f64, then room for a frame's
 * steps as f64 pairs (16 bytes each). Chunks too short to split, or a
 * `period` of 0, run the scalar loop.
 */
export function filterBands(
  input: usize,
  n: i32,
  coef: usize,
  state: usize,
  rate: f64,
  decimation: i32,
  period: i32,
  warm: i32,
  scratch: usize,
  low: usize,
  mid: usize,
  high: usize,
  voice: usize,
  vocal: usize,
  upper: usize,
): i32 {
  if (period <= 0 || n < 4 * (warm + period))
    return bandsScalar(input, n, coef, state, rate, decimation, low, mid, high, voice, vocal, upper);
  // Where lane A stops: the frame edge nearest the middle of the work, counting lane B's warm-up.
  let frame = slot(state, FRAME);
  let length = <i32>slot(state, FRAME_LENGTH);
  let inFrame = <i32>slot(state, IN_FRAME);
  let phase = <i32>slot(state, PHASE);
  let split = length - inFrame;
  let framesA = 1;
  const target = (n + warm + (period >> 1)) >> 1;
  for (let f = frame + 1; split < target; f += 1) {
    split += <i32>frameLength(f, rate);
    framesA++;
  }
  const lead = warm + ((split - warm) % period);
  const startB = split - lead;
  const lengthA = split;
  const lengthB = n - startB;
  const common = min(lengthA, lengthB);
  const voicedA = (phase + split) / decimation;
  const framesPerPeriod = <i32>Math.round((<f64>period * 200) / rate);

  const tb0 = f64x2.splat(slot(coef, 0)), tk1 = f64x2.splat(slot(coef, 1)), tk2 = f64x2.splat(slot(coef, 2));
  const ta1 = f64x2.splat(slot(coef, 3)), ta2 = f64x2.splat(slot(coef, 4));
  const hb0 = f64x2.splat(slot(coef, 5)), hk1 = f64x2.splat(slot(coef, 6)), hk2 = f64x2.splat(slot(coef, 7));
  const ha1 = f64x2.splat(slot(coef, 8)), ha2 = f64x2.splat(slot(coef, 9));
  const ab0 = f64x2.splat(slot(coef, 10)), ak1 = f64x2.splat(slot(coef, 11)), ak2 = f64x2.splat(slot(coef, 12));
  const aa1 = f64x2.splat(slot(coef, 13)), aa2 = f64x2.splat(slot(coef, 14));
  const cb0 = f64x2.splat(slot(coef, 15)), ck1 = f64x2.splat(slot(coef, 16)), ck2 = f64x2.splat(slot(coef, 17));
  const ca1 = f64x2.splat(slot(coef, 18)), ca2 = f64x2.splat(slot(coef, 19));
  const top = !(slot(coef, 0) == 1 && slot(coef, 1) == 0 && slot(coef, 2) == 0 && slot(coef, 3) == 0 && slot(coef, 4) == 0);
  const zero = f64x2.splat(0);
  const tiny = f64x2.splat(TINY);
  // Lane A from the carried state, lane B from rest.
  let t1 = laneA(state, T1), t2 = laneA(state, T2), h1 = laneA(state, H1), h2 = laneA(state, H2);
  let a1 = laneA(state, A1), a2 = laneA(state, A2), c1 = laneA(state, C1), c2 = laneA(state, C2);
  let sl = laneA(state, SL), sm = laneA(state, SM), sh = laneA(state, SH);
  // The peak and the clipped count of every sample the two lanes share out below (lane B's warm-up
  // excepted: those samples are lane A's), four at a time, before the filters.
  const levels = scratch + (2 * STATE_SLOTS << 3);
  setSlot(levels, 0, slot(state, PEAK));
  setSlot(levels, 1, slot(state, CLIPPED));
  sampleLevels(input, common, slot(coef, 20), levels);
  sampleLevels(input + (<usize>split << 2), startB + common - split, slot(coef, 20), levels);
  let doneA = 0, doneB = 0, voicedB = 0, voicedHere = 0;
  const inputB = input + (<usize>startB << 2);
  // A frame at a time, in two passes over its steps: the samples paired (through the 8 kHz low-pass
  // when there is one) into `pairs`, then the other sections and the sums from there. Each pass keeps
  // fewer memories than the one loop did, so they stay in registers; every sample still meets the same
  // arithmetic in the same order.
  const pairs = scratch + ((2 * STATE_SLOTS + 2) << 3);
  let i = 0;
  while (i < common) {
    const stop = min(common, i + (length - inFrame));
    const steps = stop - i;
    const fromA = input + (<usize>i << 2);
    const fromB = inputB + (<usize>i << 2);
    if (top) {
      for (let j = 0; j < steps; j++) {
        const sample = pairAt(fromA, fromB, j);
        v128.store(pairs + (<usize>j << 4), f64x2.add(f64x2.mul(tb0, sample), t1));
        const nt = f64x2.sub(f64x2.add(f64x2.mul(tk1, sample), t2), f64x2.mul(ta1, t1));
        t2 = f64x2.sub(f64x2.mul(tk2, sample), f64x2.mul(ta2, t1));
        t1 = nt;
      }
    } else {
      for (let j = 0; j < steps; j++) {
        v128.store(pairs + (<usize>j << 4), pairAt(fromA, fromB, j));
      }
    }
    for (let j = 0; j < steps; j++) {
      const x = v128.load(pairs + (<usize>j << 4));
      const y = f64x2.add(f64x2.mul(hb0, x), h1);
      const nh = f64x2.sub(f64x2.add(f64x2.mul(hk1, x), h2), f64x2.mul(ha1, h1));
      h2 = f64x2.sub(f64x2.mul(hk2, x), f64x2.mul(ha2, h1));
      h1 = nh;
      const below4k = f64x2.add(f64x2.mul(ab0, y), a1);
      const na = f64x2.sub(f64x2.add(f64x2.mul(ak1, y), a2), f64x2.mul(aa1, a1));
      a2 = f64x2.sub(f64x2.mul(ak2, y), f64x2.mul(aa2, a1));
      a1 = na;
      const below1k = f64x2.add(f64x2.mul(cb0, below4k), c1);
      const nc = f64x2.sub(f64x2.add(f64x2.mul(ck1, below4k), c2), f64x2.mul(ca1, c1));
      c2 = f64x2.sub(f64x2.mul(ck2, below4k), f64x2.mul(ca2, c1));
      c1 = nc;
      const h = f64x2.sub(y, below4k);
      const m = f64x2.sub(below4k, below1k);
      sl = f64x2.add(sl, f64x2.mul(below1k, below1k));
      sm = f64x2.add(sm, f64x2.mul(m, m));
      sh = f64x2.add(sh, f64x2.mul(h, h));
      if (++phase == decimation) {
        store<f32>(voice + (<usize>voicedHere << 2), <f32>lane0(below1k));
        voicedHere++;
        if (i + j >= lead) {
          store<f32>(voice + (<usize>(voicedA + voicedB) << 2), <f32>lane1(below1k));
          voicedB++;
        }
        phase = 0;
      }
    }
    inFrame += steps;
    i = stop;
    if (inFrame == length) {
      storeFrame(lane0(sl), lane0(sm), lane0(sh), length, low, mid, high, vocal, upper, <usize>doneA << 2);
      doneA++;
      if (stop - 1 >= lead) {
        storeFrame(lane1(sl), lane1(sm), lane1(sh), length, low, mid, high, vocal, upper, <usize>(framesA + doneB) << 2);
        doneB++;
      }
      frame += 1;
      sl = zero;
      sm = zero;
      sh = zero;
      inFrame = 0;
      length = <i32>frameLength(frame, rate);
      t1 = flushTiny(t1, tiny);
      t2 = flushTiny(t2, tiny);
      h1 = flushTiny(h1, tiny);
      h2 = flushTiny(h2, tiny);
      a1 = flushTiny(a1, tiny);
      a2 = flushTiny(a2, tiny);
      c1 = flushTiny(c1, tiny);
      c2 = flushTiny(c2, tiny);
    }
  }
  // Each lane's state where the common steps ended; the longer lane finishes in the scalar loop.
  const stateA = scratch;
  const stateB = scratch + (STATE_SLOTS << 3);
  putLanes(stateA, stateB, T1, t1);
  putLanes(stateA, stateB, T2, t2);
  putLanes(stateA, stateB, H1, h1);
  putLanes(stateA, stateB, H2, h2);
  putLanes(stateA, stateB, A1, a1);
  putLanes(stateA, stateB, A2, a2);
  putLanes(stateA, stateB, C1, c1);
  putLanes(stateA, stateB, C2, c2);
  putLanes(stateA, stateB, SL, sl);
  putLanes(stateA, stateB, SM, sm);
  putLanes(stateA, stateB, SH, sh);
  putLanes(stateA, stateB, PEAK, zero);
  putLanes(stateA, stateB, CLIPPED, zero);
  putLanes(stateA, stateB, FRAME_LENGTH, f64x2.splat(<f64>length));
  putLanes(stateA, stateB, IN_FRAME, f64x2.splat(<f64>inFrame));
  putLanes(stateA, stateB, PHASE, f64x2.splat(<f64>phase));
  putLanes(stateA, stateB, VOICED, zero);
  setSlot(stateA, FRAME, frame);
  setSlot(stateB, FRAME, frame + <f64>((startB / period) * framesPerPeriod));
  if (common < lengthA) {
    doneA += bandsScalar(
      input + (<usize>common << 2),
      lengthA - common,
      coef,
      stateA,
      rate,
      decimation,
      low + (<usize>doneA << 2),
      mid + (<usize>doneA << 2),
      high + (<usize>doneA << 2),
      voice + (<usize>voicedHere << 2),
      vocal + (<usize>doneA << 2),
      upper + (<usize>doneA << 2),
    );
    voicedHere += <i32>slot(stateA, VOICED);
  }
  if (common < lengthB) {
    const frameAt = <usize>(framesA + doneB) << 2;
    doneB += bandsScalar(
      inputB + (<usize>common << 2),
      lengthB - common,
      coef,
      stateB,
      rate,
      decimation,
      low + frameAt,
      mid + frameAt,
      high + frameAt,
      voice + (<usize>(voicedA + voicedB) << 2),
      vocal + frameAt,
      upper + frameAt,
    );
    voicedB += <i32>slot(stateB, VOICED);
  }
  // Lane B carries on into the next chunk; the peak and the count are both lanes'.
  for (let i = 0; i < <i32>STATE_SLOTS; i++) setSlot(state, i, slot(stateB, i));
  setSlot(state, PEAK, max(slot(levels, 0), max(slot(stateA, PEAK), slot(stateB, PEAK))));
  setSlot(state, CLIPPED, slot(levels, 1) + slot(stateA, CLIPPED) + slot(stateB, CLIPPED));
  setSlot(state, VOICED, <f64>(voicedHere + voicedB));
  return doneA + doneB;
}

/**
 * The loudest magnitude and the count of magnitudes at or above `clipLevel` among `n` f32 samples at
 * `at`, four at a time, into slots 0 (a larger peak replaces it) and 1 (added) of `out`: what the
 * scalar loop finds by comparing each sample widened to f64 (a NaN is never the peak nor clipped).
 */
function sampleLevels(at: usize, n: i32, clipLevel: f64, out: usize): void {
  // The smallest f32 at or above the level: an f32 sample reaches one exactly when it reaches the other.
  let clip32 = <f32>clipLevel;
  if (<f64>clip32 < clipLevel) clip32 = reinterpret<f32>(reinterpret<u32>(clip32) + 1);
  const clip = f32x4.splat(clip32);
  let peak4 = f32x4.splat(0);
  let count4 = i32x4.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const magnitude = f32x4.abs(v128.load(at + (<usize>i << 2)));
    peak4 = f32x4.pmax(peak4, magnitude);
    count4 = i32x4.sub(count4, f32x4.ge(magnitude, clip));
  }
  let peak = slot(out, 0);
  let count = <f64>(
    i32x4.extract_lane(count4, 0) +
    i32x4.extract_lane(count4, 1) +
    i32x4.extract_lane(count4, 2) +
    i32x4.extract_lane(count4, 3)
  );
  for (let k = 0; k < 4; k++) {
    const lane = <f64>f32x4.extract_lane(peak4, 0);
    if (lane > peak) peak = lane;
    peak4 = i32x4.shuffle(peak4, peak4, 1, 2, 3, 0);
  }
  for (; i < n; i++) {
    const magnitude = Math.abs(<f64>load<f32>(at + (<usize>i << 2)));
    if (magnitude > peak) peak = magnitude;
    if (magnitude >= clipLevel) count += 1;
  }
  setSlot(out, 0, peak);
  setSlot(out, 1, slot(out, 1) + count);
}

/**
 * A completed frame's mean band energies, and the two sums the voice figures and the detector read (as
 * JavaScript added the f32 bands), at byte offset `at` of each output.
 */
@inline function storeFrame(
  sl: f64,
  sm: f64,
  sh: f64,
  length: i32,
  low: usize,
  mid: usize,
  high: usize,
  vocal: usize,
  upper: usize,
  at: usize,
): void {
  const l32 = <f32>(sl / <f64>length);
  const m32 = <f32>(sm / <f64>length);
  const h32 = <f32>(sh / <f64>length);
  store<f32>(low + at, l32);
  store<f32>(mid + at, m32);
  store<f32>(high + at, h32);
  store<f32>(vocal + at, <f32>(<f64>l32 + <f64>m32));
  store<f32>(upper + at, <f32>(<f64>m32 + <f64>h32));
}

/**
 * 16-bit mono PCM at `at` (n samples, little-endian) turned into f32 in [-1, 1) in place, as
 * src/audio/wav.ts decodes it: from the end, so each sample is read before its bytes are overwritten.
 */
export function decodePcm16(at: usize, n: i32): void {
  // The last n % 8 samples one at a time, then eight at a time towards the start: each block's 16
  // bytes are read before its 32 are written, and what those overwrite belongs to samples already done.
  let i = n - 1;
  for (; i >= 0 && (i + 1) % 8 != 0; i--) {
    store<f32>(at + (<usize>i << 2), <f32>(<f64>load<i16>(at + (<usize>i << 1)) * (1.0 / 32768.0)));
  }
  const scale = f32x4.splat(1.0 / 32768.0);
  for (let first = i - 7; first >= 0; first -= 8) {
    const pcm = v128.load(at + (<usize>first << 1));
    const low = f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_s(pcm)), scale);
    const high = f32x4.mul(f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_s(pcm)), scale);
    v128.store(at + (<usize>first << 2), low);
    v128.store(at + (<usize>first << 2) + 16, high);
  }
}

// --- YIN (src/audio/pitch-track.ts) ------------------------------------------------------------------

const WINDOW_HOPS = 3;
// Slots of the YIN parameters (f64), set by the caller from its documented constants.
const DIP_THRESHOLD = 0;
const VOICING_THRESHOLD = 1;
const LOWEST_HZ = 2;
const HIGHEST_HZ = 3;

/**
 * For each of `count` blocks of `hop` samples starting at `from` in `x` (f32; `maxLag` samples of
 * look-ahead after the last): the per-lag sums of squared differences go into the ring `blocks`
 * (WINDOW_HOPS rows of maxLag + 1 f64) and the window's running sums `window`; from the third block
 * on, each block completes a 30 ms window, whose F0 (Hz, 0 when unvoiced) is written to `f0` (f32).
 * `blockCount` is the number of blocks summed before this call. Returns the frames written. `d` is
 * scratch (maxLag + 1 f64); `params` holds the thresholds and the F0 limits (slots above).
 */
export function trackBlocks(
  x: usize,
  from: i32,
  count: i32,
  hop: i32,
  minLag: i32,
  maxLag: i32,
  rate: f64,
  params: usize,
  blocks: usize,
  blockCount: i32,
  window: usize,
  d: usize,
  f0: usize,
): i32 {
  const lags = maxLag + 1;
  let frames = 0;
  for (let b = 0; b < count; b++) {
    const row = blocks + ((<usize>((blockCount % WINDOW_HOPS) * lags)) << 3);
    if (blockCount >= WINDOW_HOPS) {
      let l = 0;
      for (; l + 2 <= lags; l += 2) {
        const at = <usize>l << 3;
        v128.store(window + at, f64x2.sub(v128.load(window + at), v128.load(row + at)));
      }
      if (l < lags) setSlot(window, l, slot(window, l) - slot(row, l));
    }
    sumBlock(x + (<usize>(from + b * hop) << 2), hop, maxLag, row);
    let l = 0;
    for (; l + 2 <= lags; l += 2) {
      const at = <usize>l << 3;
      v128.store(window + at, f64x2.add(v128.load(window + at), v128.load(row + at)));
    }
    if (l < lags) setSlot(window, l, slot(window, l) + slot(row, l));
    blockCount++;
    if (blockCount < WINDOW_HOPS) continue;
    // YIN's running sums of the window from lag 1 into d; the last is the window's energy. Digital
    // silence (or near it) has no period; skipping it spares YIN's steps on long pauses.
    let running: f64 = 0;
    for (let l = 1; l < lags; l++) {
      running += slot(window, l);
      setSlot(d, l, running);
    }
    let hz: f64 = 0;
    if (!(running < 1e-9)) hz = yinEstimate(window, d, minLag, maxLag, rate, params);
    store<f32>(f0 + (<usize>frames << 2), <f32>hz);
    frames++;
  }
  return frames;
}

/**
 * For each lag 1…maxLag, the sum over one block of (x[j] − x[j + lag])² into `out` (f64), summed in
 * single precision as the voice band's f32 samples come: each lag's sum runs over j in turn, four lags
 * to a SIMD register and sixteen per pass, so each sample is loaded once per pass. Single precision
 * puts ~4e-7 of relative error on a block's sum (37 terms at 3.7 kHz), far under what YIN's thresholds
 * and the period's interpolation can tell (docs/voice.md), for half the operations of double precision.
 */
@inline function sumBlock(x: usize, hop: i32, maxLag: i32, out: usize): void {
  setSlot(out, 0, 0);
  // Sixteen lags a pass; the last pass ends at maxLag and may redo some lags of the one before it
  // (the same sums, written again), so every pass keeps four sums going at once.
  if (maxLag >= 16) {
    for (let first = 1; first <= maxLag; first += 16) sumLags(x, hop, min(first, maxLag - 15), out);
    return;
  }
  // Under 16 lags (a voice band under 1 kHz, which no WAV we read has): one lag at a time.
  const end = x + (<usize>hop << 2);
  for (let lag = 1; lag <= maxLag; lag++) {
    let sum: f32 = 0;
    for (let p = x; p < end; p += 4) {
      const e = load<f32>(p) - load<f32>(p + (<usize>lag << 2));
      sum += e * e;
    }
    setSlot(out, lag, <f64>sum);
  }
}

/** The sums of sumBlock for the sixteen lags from `lag` (lag + 15 ≤ maxLag). */
@inline function sumLags(x: usize, hop: i32, lag: i32, out: usize): void {
  const end = x + (<usize>hop << 2);
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let s2 = f32x4.splat(0);
  let s3 = f32x4.splat(0);
  const shift = <usize>lag << 2;
  for (let p = x; p < end; p += 4) {
    const v = v128.load32_splat(p);
    const q = p + shift;
    const e0 = f32x4.sub(v, v128.load(q));
    const e1 = f32x4.sub(v, v128.load(q + 16));
    const e2 = f32x4.sub(v, v128.load(q + 32));
    const e3 = f32x4.sub(v, v128.load(q + 48));
    s0 = f32x4.add(s0, f32x4.mul(e0, e0));
    s1 = f32x4.add(s1, f32x4.mul(e1, e1));
    s2 = f32x4.add(s2, f32x4.mul(e2, e2));
    s3 = f32x4.add(s3, f32x4.mul(e3, e3));
  }
  const at = out + (<usize>lag << 3);
  storeWidened(at, s0);
  storeWidened(at + 32, s1);
  storeWidened(at + 64, s2);
  storeWidened(at + 96, s3);
}

/** Four f32 sums as four f64 at `at`. */
@inline function storeWidened(at: usize, sums: v128): void {
  v128.store(at, f64x2.promote_low_f32x4(sums));
  v128.store(at + 16, f64x2.promote_low_f32x4(i32x4.shuffle(sums, sums, 2, 3, 0, 1)));
}

/**
 * YIN's cumulative mean normalised difference at `lag`: d(lag)·lag / (d(1) + … + d(lag)), from the
 * window's sums (`window`) and their running totals (`d`); 1 where the total is not positive. Taken
 * only for the lags the search looks at (one division each), not for every lag of every frame.
 */
@inline function normalised(window: usize, d: usize, lag: i32): f64 {
  const sum = slot(d, lag);
  return sum > 0 ? (slot(window, lag) * <f64>lag) / sum : 1;
}

function yinEstimate(window: usize, d: usize, minLag: i32, maxLag: i32, rate: f64, params: usize): f64 {
  const dipThreshold = slot(params, DIP_THRESHOLD);
  // The cumulative mean normalised difference d'(lag) (normalised below) of each lag from minLag on,
  // until one dips under the threshold: the first dip, followed down to its bottom, is the period.
  // Without a dip, the lowest d' of them all (the first if several).
  let found = -1;
  let best = Infinity;
  let bestLag = -1;
  for (let lag = minLag; lag < maxLag; lag++) {
    let here = normalised(window, d, lag);
    if (here < dipThreshold) {
      while (lag + 1 < maxLag) {
        const next = normalised(window, d, lag + 1);
        if (!(next < here)) break;
        here = next;
        lag++;
      }
      found = lag;
      break;
    }
    if (here < best) {
      best = here;
      bestLag = lag;
    }
  }
  if (found < 0) found = bestLag;
  if (found < 0) return 0;
  const b = normalised(window, d, found);
  if (b >= slot(params, VOICING_THRESHOLD)) return 0;
  const a = normalised(window, d, found - 1);
  const c = found + 1 <= maxLag ? normalised(window, d, found + 1) : b;
  const curvature = a - 2 * b + c;
  const shift = curvature > 0 ? (a - c) / (2 * curvature) : 0;
  const period = <f64>found + Math.max(-0.5, Math.min(0.5, shift));
  const hz = rate / period;
  return hz >= slot(params, LOWEST_HZ) && hz <= slot(params, HIGHEST_HZ) ? hz : 0;
}

// --- The speech detector's passes over the frames (src/audio/vad.ts) --------------------------------

// JavaScript's Math.log10 and Math.exp, to the bit. The V8 of Node 20 computes them with fdlibm's
// algorithms (Sun's freely distributable libm, carried by V8 as src/base/ieee754.cc); AssemblyScript's
// own (musl's) differ from them in the last bit for ~2 % of inputs. Calling JavaScript's from here costs
// a trip out of WebAssembly and back per logarithm (~0.6 million for 4 minutes of audio, ~9 ms), so
// they are written here from the algorithms' description, step for step in the same order. A later V8
// may compute them otherwise (newer ones take log10 from LLVM's libc): src/audio/kernels.ts compares
// these with Math's on probe values once per process and, when any differs, has the kernels call
// JavaScript's (`useOwnMath(false)`), so the figures stay JavaScript's to the bit on every Node.

@external("env", "log10")
declare function jsLog10(x: f64): f64;

@external("env", "exp")
declare function jsExp(x: f64): f64;

let ownMath = false;

/** Whether the kernels compute logarithms and exponentials themselves (true) or call JavaScript's. */
export function useOwnMath(own: bool): void {
  ownMath = own;
}

@inline function highWord(x: f64): i32 {
  return <i32>(reinterpret<u64>(x) >> 32);
}

@inline function lowWord(x: f64): u32 {
  return <u32>reinterpret<u64>(x);
}

@inline function withHighWord(x: f64, high: i32): f64 {
  return reinterpret<f64>((<u64><u32>high << 32) | <u64>lowWord(x));
}

const TWO_54: f64 = 1.80143985094819840000e16;
const LN2_HIGH: f64 = 6.93147180369123816490e-1;
const LN2_LOW: f64 = 1.90821492927058770002e-10;

/**
 * The natural logarithm (fdlibm's method): x = 2^k · (1 + f) with 1 + f in [√2/2, √2], then
 * log(1 + f) = f − f²/2 + s·(f²/2 + R(s²)) with s = f / (2 + f) and R a fixed polynomial.
 */
function logJs(x: f64): f64 {
  let high = highWord(x);
  const low = lowWord(x);
  let k: i32 = 0;
  if (high < 0x00100000) {
    // Zero, negative or subnormal.
    if (((high & 0x7fffffff) | <i32>low) == 0) return -Infinity;
    if (high < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    high = highWord(x);
  }
  if (high >= 0x7ff00000) return x + x;
  k += (high >> 20) - 1023;
  high &= 0x000fffff;
  const half = (high + 0x95f64) & 0x100000;
  // x scaled to [1, 2), or to [0.5, 1) when its mantissa is above √2.
  x = withHighWord(x, high | (half ^ 0x3ff00000));
  k += half >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + high)) < 3) {
    // |f| < 2^-20
    if (f == 0) return k == 0 ? 0 : <f64>k * LN2_HIGH + <f64>k * LN2_LOW;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - r;
    const dk = <f64>k;
    return dk * LN2_HIGH - (r - dk * LN2_LOW - f);
  }
  const s = f / (2.0 + f);
  const dk = <f64>k;
  const z = s * s;
  const w = z * z;
  const t1 = w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  const t2 =
    z *
    (6.666666666666735130e-1 +
      w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1)));
  const r = t2 + t1;
  if (((high - 0x6147a) | (0x6b851 - high)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HIGH - (hfsq - (s * (hfsq + r) + dk * LN2_LOW) - f);
  }
  if (k == 0) return f - s * (f - r);
  return dk * LN2_HIGH - (s * (f - r) - dk * LN2_LOW - f);
}

/** Base 10: x = 2^n · m, log10(x) = n·log10(2) (in two parts) + log(m) / ln 10. */
export function ownLog10(x: f64): f64 {
  let high = highWord(x);
  const low = lowWord(x);
  let k: i32 = 0;
  if (high < 0x00100000) {
    if (((high & 0x7fffffff) | <i32>low) == 0) return -Infinity;
    if (high < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    high = highWord(x);
  }
  if (high >= 0x7ff00000) return x + x;
  if (high == 0x3ff00000 && lowWord(x) == 0) return 0;
  k += (high >> 20) - 1023;
  // For x < 1, m is taken in [0.5, 1) and n one larger: both terms negative, nothing cancels.
  const below = <i32>(<u32>k >> 31);
  high = (high & 0x000fffff) | ((0x3ff - below) << 20);
  const n = <f64>(k + below);
  const z = n * 3.69423907715893078616e-13 + 4.34294481903251816668e-1 * logJs(withHighWord(x, high));
  return z + n * 3.01029995663611771306e-1;
}

const SILENCE_DB: f64 = -120;

/** toDb() of features.ts. */
@inline function toDb(energy: f64): f64 {
  return energy > 1e-12 ? 10 * (ownMath ? ownLog10(energy) : jsLog10(energy)) : SILENCE_DB;
}

/** JavaScript's Math.round (halves up), where WebAssembly's nearest rounds halves to even. */
@inline function roundJs(x: f64): f64 {
  const up = Math.ceil(x);
  return up - 0.5 > x ? up - 1 : up;
}

@inline function f32At(p: usize, i: i32): f64 {
  return <f64>load<f32>(p + (<usize>i << 2));
}

/**
 * noiseFloor() of vad.ts over `n` frames of `lin` (f32): the centred moving mean over `k` frames into
 * `smoothed` (f32), its minimum per block of `block` frames into `blockMin` (f64, `blocks` of them),
 * and each block's floor in dB into `floor` (f32): the larger of the minima `reach` blocks behind and
 * ahead, a side cut short by the file's edge (under `trusted` blocks) not trusted.
 */
export function noiseFloor(
  lin: usize,
  n: i32,
  k: i32,
  smoothed: usize,
  block: i32,
  blockMin: usize,
  blocks: i32,
  reach: i32,
  trusted: i32,
  floor: usize,
): void {
  const half = k >> 1;
  let acc: f64 = 0;
  for (let t = 0; t < k; t++) acc += f32At(lin, t);
  for (let t = 0; t < n; t++) {
    const first = t - half;
    if (first > 0 && first + k - 1 < n) acc += f32At(lin, first + k - 1) - f32At(lin, first - 1);
    store<f32>(smoothed + (<usize>t << 2), <f32>(Math.max(0, acc) / <f64>k));
  }
  for (let b = 0; b < blocks; b++) setSlot(blockMin, b, Infinity);
  for (let t = 0; t < n; t++) {
    const b = t / block;
    const v = f32At(smoothed, t);
    if (v < slot(blockMin, b)) setSlot(blockMin, b, v);
  }
  for (let b = 0; b < blocks; b++) {
    let behind = Infinity;
    let ahead = Infinity;
    for (let j = max(0, b - reach); j <= b; j++) if (slot(blockMin, j) < behind) behind = slot(blockMin, j);
    for (let j = b; j <= min(blocks - 1, b + reach); j++) if (slot(blockMin, j) < ahead) ahead = slot(blockMin, j);
    const behindOk = b >= trusted;
    const aheadOk = blocks - 1 - b >= trusted;
    const e = behindOk && aheadOk ? Math.max(behind, ahead) : behindOk ? behind : aheadOk ? ahead : Math.min(behind, ahead);
    store<f32>(floor + (<usize>b << 2), <f32>toDb(e));
  }
}

/**
 * collectNoise() of vad.ts: for each frame whose 100 ms neighbourhood (`smoothed`) is not above its
 * block's `busyAbove` (f64), the mean level of the windows of 1, `mid` and `long` frames starting
 * there, in dB over the block's floor, counted in 0.05 dB bins over ±40 dB into `histograms` (three
 * rows of 1601 u32, one per window); the windows that start in frames [from, to).
 */
export function collectNoise(
  lin: usize,
  n: i32,
  smoothed: usize,
  block: i32,
  floor: usize,
  busyAbove: usize,
  mid: i32,
  long: i32,
  histograms: usize,
  table: usize,
  from: i32,
  to: i32,
): void {
  for (let first = from; first < to && first + long <= n; first++) {
    const b = first / block;
    const floorHere = f32At(floor, b);
    if (f32At(smoothed, first) > slot(busyAbove, b)) continue;
    let sum: f64 = f32At(lin, first);
    countLevel(histograms, sum, floorHere, table);
    let t = first + 1;
    for (; t < first + mid; t++) sum += f32At(lin, t);
    countLevel(histograms + DEVIATION_BINS * 4, sum / <f64>mid, floorHere, table);
    for (; t < first + long; t++) sum += f32At(lin, t);
    countLevel(histograms + DEVIATION_BINS * 8, sum / <f64>long, floorHere, table);
  }
}

/**
 * countDeviation(bins, toDb(energy) − floorHere), with the logarithm taken first from a table and a
 * short series (no division, ~1e-14 dB from the exact value): the bin it gives is the exact one unless
 * the value falls within 1e-6 of a bin's edge, and then the exact logarithm decides. So the counts are
 * the same to the last one, for a fraction of the cost (~0.6 million logarithms in 4 minutes).
 */
@inline function countLevel(bins: usize, energy: f64, floorHere: f64, table: usize): void {
  if (!(energy > 1e-12) || !ownMath) {
    countDeviation(bins, toDb(energy) - floorHere);
    return;
  }
  const v = 10 * quickLog10(energy, table) - floorHere;
  const clamped = v < -40 ? -40 : v > 40 ? 40 : v;
  const q = (clamped + 40) / 0.05;
  if (Math.abs(q - Math.floor(q) - 0.5) < 1e-6) {
    countDeviation(bins, toDb(energy) - floorHere);
    return;
  }
  const at = bins + (<usize>(<i32>Math.floor(q + 0.5)) << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/** Entries of the logarithm table: the top LOG_TABLE_BITS bits of the mantissa pick one. */
const LOG_TABLE_BITS = 7;
const LOG_TABLE_SIZE = 1 << LOG_TABLE_BITS;

/**
 * Fills the table quickLog10 reads (LOG_TABLE_SIZE pairs of f64 at `table`): for each interval of the
 * mantissa [1 + i/128, 1 + (i+1)/128), its centre c's reciprocal and ln c (fdlibm's log, to the last bit).
 */
export function fillLogTable(table: usize): void {
  for (let i = 0; i < LOG_TABLE_SIZE; i++) {
    const c = 1 + (<f64>i + 0.5) / <f64>LOG_TABLE_SIZE;
    store<f64>(table + (<usize>i << 4), 1 / c);
    store<f64>(table + (<usize>i << 4) + 8, logJs(c));
  }
}

/**
 * log10 of a positive normal x, within ~1e-15 of the exact value: x = 2^e · m with m in [1, 2),
 * m = c · (1 + r) for the table's nearest centre c (|r| < 1/256), ln(1 + r) by its series to r^5.
 */
@inline function quickLog10(x: f64, table: usize): f64 {
  const bits = reinterpret<u64>(x);
  const e = <f64>(<i32>(bits >> 52) - 1023);
  const m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  const i = <i32>(bits >> (52 - LOG_TABLE_BITS)) & (LOG_TABLE_SIZE - 1);
  const entry = table + (<usize>i << 4);
  const c = 1 + (<f64>i + 0.5) / <f64>LOG_TABLE_SIZE;
  const r = (m - c) * load<f64>(entry);
  const series = r * (1 - r * (0.5 - r * (1.0 / 3 - r * (0.25 - r * 0.2))));
  return (e * 0.6931471805599453 + load<f64>(entry, 8) + series) * 0.4342944819032518;
}

const DEVIATION_BINS: usize = 1601;

/** DeviationHistogram.add() of vad.ts. */
@inline function countDeviation(bins: usize, value: f64): void {
  const v = value < -40 ? -40 : value > 40 ? 40 : value;
  const at = bins + (<usize>(<i32>roundJs((v + 40) / 0.05)) << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/**
 * describeDeviations() of vad.ts for the three histograms collectNoise() fills: for each, the bin of the
 * median deviation and the bin of the median absolute deviation from it (the first bin where the running
 * count reaches half the total; the last bin when it never does), into `out` (i32: median, MAD per
 * histogram; -1, -1 for an empty one). `scratch` holds DEVIATION_BINS u32.
 */
export function describeDeviations(histograms: usize, scratch: usize, out: usize): void {
  for (let k: usize = 0; k < 3; k++) {
    const bins = histograms + k * DEVIATION_BINS * 4;
    let count: f64 = 0;
    for (let i: usize = 0; i < DEVIATION_BINS; i++) count += <f64>load<u32>(bins + (i << 2));
    if (count == 0) {
      store<i32>(out + (k << 3), -1);
      store<i32>(out + (k << 3) + 4, -1);
      continue;
    }
    const half = count / 2;
    const median = medianBin(bins, half);
    memory.fill(scratch, 0, DEVIATION_BINS * 4);
    for (let i: i32 = 0; i < <i32>DEVIATION_BINS; i++) {
      const at = scratch + (<usize>abs(i - median) << 2);
      store<u32>(at, load<u32>(at) + load<u32>(bins + (<usize>i << 2)));
    }
    store<i32>(out + (k << 3), median);
    store<i32>(out + (k << 3) + 4, medianBin(scratch, half));
  }
}

@inline function medianBin(bins: usize, half: f64): i32 {
  let seen: f64 = 0;
  for (let i: i32 = 0; i < <i32>DEVIATION_BINS; i++) {
    seen += <f64>load<u32>(bins + (<usize>i << 2));
    if (seen >= half) return i;
  }
  return <i32>DEVIATION_BINS - 1;
}

/**
 * markFrames() of vad.ts: a frame holds speech when its energy reaches its block's `holdFrom` (f64),
 * and is an onset when its centred 15 ms mean reaches `onsetFrom` (frames under `candidate` skipped);
 * flags are set, never cleared (u8, shared by the bands).
 */
export function markFrames(
  lin: usize,
  n: i32,
  block: i32,
  holdFrom: usize,
  onsetFrom: usize,
  candidate: f64,
  hold: usize,
  onset: usize,
): void {
  for (let t = 0; t < n; t++) {
    const e = f32At(lin, t);
    const b = t / block;
    if (e >= slot(holdFrom, b)) store<u8>(hold + t, 1);
    if (load<u8>(onset + t) || e < candidate) continue;
    const from = t > 0 ? t - 1 : 0;
    const to = t + 2 <= n ? t + 2 : n;
    let sum: f64 = 0;
    for (let j = from; j < to; j++) sum += f32At(lin, j);
    if (sum / <f64>(to - from) >= slot(onsetFrom, b)) store<u8>(onset + t, 1);
  }
}

/**
 * The hysteresis and edge search of detectSpeechFrames() in vad.ts: a run of `hold` frames (u8) is
 * speech when it holds an `onset` frame, widened over the weak edges within `reach` frames of it (a
 * window of `edgeFrames` frames outside the run, `edgeAt` dB over its floor in some band, counts up to
 * its last (first) frame that is audible: `audibleAt` dB over the floor and at least `minHoldDb`).
 * `lin` holds the four bands (f32, n frames each), `floors` their floors per block (f32, `blocks`
 * each), `thresholds` edgeAt[4] then audibleAt[4] (f64); `speech` (u8, n) is written.
 */
export function findSpeech(
  lin: usize,
  floors: usize,
  n: i32,
  block: i32,
  blocks: i32,
  thresholds: usize,
  minHoldDb: f64,
  edgeFrames: i32,
  reach: i32,
  hold: usize,
  onset: usize,
  speech: usize,
): void {
  memory.fill(speech, 0, <usize>n);
  for (let t = 0; t < n; ) {
    if (!load<u8>(hold + <usize>t)) {
      t++;
      continue;
    }
    let e = t;
    let seeded = false;
    for (; e < n && load<u8>(hold + <usize>e); e++) if (load<u8>(onset + <usize>e)) seeded = true;
    const s = t;
    t = e;
    if (!seeded) continue;
    // Weak edges: windows lying wholly outside the run, so its own energy cannot vouch for them.
    let start = s;
    let end = e;
    const limit = min(n, e + reach);
    for (let p = e; p + edgeFrames <= limit; p++) {
      if (!weakWindow(lin, floors, n, block, blocks, thresholds, p, edgeFrames)) continue;
      let last = p + edgeFrames - 1;
      while (last >= p && !audibleFrame(lin, floors, n, block, blocks, thresholds, minHoldDb, last)) last--;
      if (last >= p) end = max(end, last + 1);
    }
    const lowest = max(0, s - reach);
    for (let p = s - edgeFrames; p >= lowest; p--) {
      if (!weakWindow(lin, floors, n, block, blocks, thresholds, p, edgeFrames)) continue;
      let first = p;
      while (first < p + edgeFrames && !audibleFrame(lin, floors, n, block, blocks, thresholds, minHoldDb, first))
        first++;
      if (first < p + edgeFrames) start = min(start, first);
    }
    if (end > start) memory.fill(speech + <usize>start, 1, <usize>(end - start));
  }
}

/** Whether the window of `length` frames from `from` stands `edgeAt` dB over its floor in some band. */
function weakWindow(
  lin: usize,
  floors: usize,
  n: i32,
  block: i32,
  blocks: i32,
  thresholds: usize,
  from: i32,
  length: i32,
): bool {
  const b = from / block;
  for (let band = 0; band < 4; band++) {
    const values = lin + ((<usize>band * <usize>n) << 2);
    let sum: f64 = 0;
    for (let t = from; t < from + length; t++) sum += f32At(values, t);
    const floor = f32At(floors + ((<usize>band * <usize>blocks) << 2), b);
    if (toDb(sum / <f64>length) - floor >= slot(thresholds, band)) return true;
  }
  return false;
}

/** Whether frame `t` is audible in some band: at least `minHoldDb`, and `audibleAt` dB over the floor. */
function audibleFrame(
  lin: usize,
  floors: usize,
  n: i32,
  block: i32,
  blocks: i32,
  thresholds: usize,
  minHoldDb: f64,
  t: i32,
): bool {
  const b = t / block;
  for (let band = 0; band < 4; band++) {
    const db = toDb(f32At(lin + ((<usize>band * <usize>n) << 2), t));
    const floor = f32At(floors + ((<usize>band * <usize>blocks) << 2), b);
    if (db >= minHoldDb && db - floor >= slot(thresholds, 4 + band)) return true;
  }
  return false;
}

// --- The room's passes over the frames (src/audio/room.ts) -------------------------------------------

/**
 * levelTrack() of room.ts: the three bands summed (`sum`, f64, n + 1 running totals) and smoothed over
 * ±`half` frames, in dB, into `out` (f32).
 */
export function levelTrack(low: usize, mid: usize, high: usize, n: i32, half: i32, sum: usize, out: usize): void {
  setSlot(sum, 0, 0);
  for (let t = 0; t < n; t++) setSlot(sum, t + 1, slot(sum, t) + f32At(low, t) + f32At(mid, t) + f32At(high, t));
  for (let t = 0; t < n; t++) {
    const a = max(0, t - half);
    const b = min(n, t + half + 1);
    store<f32>(out + (<usize>t << 2), <f32>toDb(Math.max(0, slot(sum, b) - slot(sum, a)) / <f64>(b - a)));
  }
}

/** levelHistogram() of room.ts: `level` (f32, dB) counted in `count` bins of `step` dB from `low` (f64 counts). */
export function levelHistogram(level: usize, n: i32, low: f64, step: f64, count: i32, bins: usize): void {
  for (let t = 0; t < n; t++) {
    const i = <i32>Math.min(<f64>(count - 1), Math.max(0, roundJs((f32At(level, t) - low) / step)));
    setSlot(bins, i, slot(bins, i) + 1);
  }
}

/** slidingMax() of room.ts: the maximum of `x` (f32) within ±half of every index, by a monotonic deque (i32 scratch). */
export function slidingMax(x: usize, n: i32, half: i32, out: usize, deque: usize): void {
  let head = 0;
  let tail = 0;
  let next = 0;
  for (let t = 0; t < n; t++) {
    const reach = min(n - 1, t + half);
    for (; next <= reach; next++) {
      while (tail > head && f32At(x, load<i32>(deque + (<usize>(tail - 1) << 2))) <= f32At(x, next)) tail--;
      store<i32>(deque + (<usize>tail << 2), next);
      tail++;
    }
    while (load<i32>(deque + (<usize>head << 2)) < t - half) head++;
    store<f32>(out + (<usize>t << 2), load<f32>(x + (<usize>load<i32>(deque + (<usize>head << 2)) << 2)));
  }
}

const FRAME_SECONDS: f64 = 0.005;

/**
 * The free decays estimateReverberation() of room.ts fits: each stretch of `level` (f32, dB) that falls
 * ≥ 15 dB without rising more than 1 dB, fitted by least squares between 3 dB under its peak and 3 dB
 * above its bottom; the RT60 of each well-fitted one (r² ≥ 0.9, 6 frames or more) goes to `times`
 * (f64). Returns how many.
 */
export function reverberationTimes(level: usize, n: i32, times: usize): i32 {
  let count = 0;
  for (let t = 1; t + 1 < n; ) {
    if (!(f32At(level, t) >= f32At(level, t - 1) && f32At(level, t) > f32At(level, t + 1))) {
      t++;
      continue;
    }
    const peakDb = f32At(level, t);
    let low = peakDb;
    let e = t;
    while (e + 1 < n && f32At(level, e + 1) <= low + 1) {
      e++;
      if (f32At(level, e) < low) low = f32At(level, e);
    }
    if (peakDb - low >= 15 && <f64>(e - t) * FRAME_SECONDS >= 0.05 && low > -100) {
      // lineFit() of room.ts over [t, e], keeping the frames between the two 3 dB margins.
      let sx: f64 = 0;
      let sy: f64 = 0;
      let sxx: f64 = 0;
      let sxy: f64 = 0;
      let syy: f64 = 0;
      let m = 0;
      for (let k = t; k < e + 1; k++) {
        const y = f32At(level, k);
        if (!(y <= peakDb - 3 && y >= low + 3)) continue;
        const x = <f64>k * FRAME_SECONDS;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        syy += y * y;
        m++;
      }
      if (m >= 6) {
        const cxx = sxx - (sx * sx) / <f64>m;
        const cxy = sxy - (sx * sy) / <f64>m;
        const cyy = syy - (sy * sy) / <f64>m;
        const slope = cxx > 0 ? cxy / cxx : 0;
        const r2 = cxx > 0 && cyy > 0 ? (cxy * cxy) / (cxx * cyy) : 0;
        if (slope < 0 && r2 >= 0.9) {
          setSlot(times, count, -60 / slope);
          count++;
        }
      }
    }
    t = e + 1;
  }
  return count;
}

/**
 * How many of the `n` inputs (f64 at `x`) ownLog10 (`exp` false) or ownExp (true) maps to other bits
 * than `expected` (f64, what JavaScript's Math gives): src/audio/kernels.ts checks the two once per
 * process, in one call rather than a call from JavaScript per input.
 */
export function mathMismatches(x: usize, expected: usize, n: i32, exp: bool): i32 {
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    const own = exp ? ownExp(v) : ownLog10(v);
    if (reinterpret<u64>(own) != load<u64>(expected + (<usize>i << 3))) bad++;
  }
  return bad;
}

/**
 * e^x as JavaScript's Math.exp computes it (fdlibm's method, see log10): x = k·ln 2 + r with |r| ≤ ln 2 / 2
 * (ln 2 in two parts, so r keeps its digits), e^r from a rational form, and 2^k put in the exponent.
 */
export function ownExp(x: f64): f64 {
  let high = highWord(x);
  const negative = (high >> 31) & 1;
  high &= 0x7fffffff;
  if (high >= 0x40862e42) {
    // |x| ≥ 709.78
    if (high >= 0x7ff00000) return ((high & 0xfffff) | <i32>lowWord(x)) != 0 ? x + x : negative == 0 ? x : 0;
    if (x > 7.09782712893383973096e2) return Infinity;
    if (x < -7.45133219101941108420e2) return 0;
  }
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  if (high > 0x3fd62e42) {
    // |x| > ln 2 / 2
    if (high < 0x3ff0a2b2) {
      // and |x| < 1.5 ln 2; e itself as V8 gives it (the steps below would be a bit off)
      if (x == 1) return 2.718281828459045;
      hi = negative ? x + LN2_HIGH : x - LN2_HIGH;
      lo = negative ? -LN2_LOW : LN2_LOW;
      k = 1 - negative - negative;
    } else {
      k = <i32>(1.44269504088896338700 * x + (negative ? -0.5 : 0.5));
      const t = <f64>k;
      hi = x - t * LN2_HIGH;
      lo = t * LN2_LOW;
    }
    x = hi - lo;
  } else if (high < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c =
    x -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 +
            t * (6.61375632143793436117e-5 + t * (-1.65339022054652515390e-6 + t * 4.13813679705723846039e-8))));
  if (k == 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * 9.33263618503218878990e-302;
}

@inline function exp(x: f64): f64 {
  return ownMath ? ownExp(x) : jsExp(x);
}

/**
 * The expectation–maximisation of twoLevels() in room.ts over a histogram (`bins`, f64 counts of
 * `count` bins of `step` dB from `low`; `total` frames): the model [m1, m2, s1, s2, w1] at `model`
 * (f64) is read, refined for up to `iterations` rounds, and written back.
 */
export function twoLevelsEm(bins: usize, count: i32, low: f64, step: f64, total: f64, iterations: i32, model: usize): void {
  let m1 = slot(model, 0);
  let m2 = slot(model, 1);
  let s1 = slot(model, 2);
  let s2 = slot(model, 3);
  let w1 = slot(model, 4);
  for (let it = 0; it < iterations; it++) {
    let a0: f64 = 0;
    let a1: f64 = 0;
    let a2: f64 = 0;
    let b0: f64 = 0;
    let b1: f64 = 0;
    let b2: f64 = 0;
    for (let i = 0; i < count; i++) {
      const c = slot(bins, i);
      if (c == 0) continue;
      const y = low + <f64>i * step;
      // x ** 2 in JavaScript is pow(x, 2), which V8 (fdlibm) computes as x * x.
      const z1 = (y - m1) / s1;
      const z2 = (y - m2) / s2;
      const p1 = (w1 * exp(-0.5 * (z1 * z1))) / s1;
      const p2 = ((1 - w1) * exp(-0.5 * (z2 * z2))) / s2;
      const sum = p1 + p2;
      // p1 / (p1 + p2 || 1): a zero or NaN sum counts as 1.
      const r = p1 / (sum != 0 && sum == sum ? sum : 1);
      a0 += c * r;
      a1 += c * r * y;
      a2 += c * r * y * y;
      b0 += c * (1 - r);
      b1 += c * (1 - r) * y;
      b2 += c * (1 - r) * y * y;
    }
    if (a0 < 1 || b0 < 1) break;
    m1 = a1 / a0;
    m2 = b1 / b0;
    s1 = Math.max(0.5, Math.sqrt(Math.max(0, a2 / a0 - m1 * m1)));
    s2 = Math.max(0.5, Math.sqrt(Math.max(0, b2 / b0 - m2 * m2)));
    w1 = a0 / total;
  }
  setSlot(model, 0, m1);
  setSlot(model, 1, m2);
  setSlot(model, 2, s1);
  setSlot(model, 3, s2);
  setSlot(model, 4, w1);
}

// --- The voice figures' passes (src/audio/pitch-track.ts, src/audio/voice.ts) --------------------------

/**
 * smoothPitch() of pitch-track.ts: `f0` (f32, n frames) broken into runs where F0 jumps by more than
 * `maxStep` (a ratio) from one frame to the next, runs under 3 frames dropped, each run's frames
 * replaced by the median of the 5 around them (fewer at its ends; the upper one of an even count),
 * into `out` (f32, zeroed by the caller).
 */
export function smoothPitch(f0: usize, n: i32, maxStep: f64, out: usize): void {
  for (let t = 0; t < n; ) {
    if (load<f32>(f0 + (<usize>t << 2)) == 0) {
      t++;
      continue;
    }
    const start = t;
    t++;
    while (t < n && load<f32>(f0 + (<usize>t << 2)) != 0 && Math.abs(f32At(f0, t) / f32At(f0, t - 1) - 1) <= maxStep) t++;
    if (t - start < 3) continue;
    for (let k = start; k < t; k++) {
      store<f32>(out + (<usize>k << 2), medianAround(f0, max(start, k - 2), min(t - 1, k + 2)));
    }
  }
}

/** Median of f0[from..to] (at most 5 values; the upper one of an even count), by insertion sort. */
@inline function medianAround(f0: usize, from: i32, to: i32): f32 {
  const count = to - from + 1;
  let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0, s4: f32 = 0;
  // Sorted insertion into five registers' worth of values, as pitch-track.ts did into a small array.
  for (let i = 0; i < count; i++) {
    const v = load<f32>(f0 + (<usize>(from + i) << 2));
    if (i == 0) s0 = v;
    else if (i == 1) {
      if (s0 > v) { s1 = s0; s0 = v; } else s1 = v;
    } else if (i == 2) {
      if (s1 > v) { s2 = s1; if (s0 > v) { s1 = s0; s0 = v; } else s1 = v; } else s2 = v;
    } else if (i == 3) {
      if (s2 > v) { s3 = s2; if (s1 > v) { s2 = s1; if (s0 > v) { s1 = s0; s0 = v; } else s1 = v; } else s2 = v; } else s3 = v;
    } else {
      if (s3 > v) { s4 = s3; if (s2 > v) { s3 = s2; if (s1 > v) { s2 = s1; if (s0 > v) { s1 = s0; s0 = v; } else s1 = v; } else s2 = v; } else s3 = v; } else s4 = v;
    }
  }
  const middle = count >> 1;
  return middle == 0 ? s0 : middle == 1 ? s1 : middle == 2 ? s2 : middle == 3 ? s3 : s4;
}

/**
 * smoothedDb() of voice.ts for frames [first, last): `energy` (f32, n frames) smoothed by the Gaussian
 * `weights` (f64, 2·radius + 1 of them, renormalised where the window passes the ends), in dB, into
 * `out` (f32). `table` holds fillLogTable's logarithms (see dbF32).
 */
export function smoothedDb(
  energy: usize,
  n: i32,
  weights: usize,
  radius: i32,
  out: usize,
  first: i32,
  last: i32,
  table: usize,
): void {
  // The weights' sum where the window lies whole, added in the order the loop below adds them.
  let whole: f64 = 0;
  for (let k = 0; k <= 2 * radius; k++) whole += slot(weights, k);
  for (let t = first; t < last; t++) {
    let sum: f64 = 0;
    if (t >= radius && t + radius <= n - 1) {
      for (let k = 0; k <= 2 * radius; k++) sum += slot(weights, k) * f32At(energy, t - radius + k);
      store<f32>(out + (<usize>t << 2), dbF32(sum / whole, table));
      continue;
    }
    let weight: f64 = 0;
    const from = max(0, t - radius);
    const to = min(n - 1, t + radius);
    for (let j = from; j <= to; j++) {
      const w = slot(weights, j - t + radius);
      sum += w * f32At(energy, j);
      weight += w;
    }
    store<f32>(out + (<usize>t << 2), dbF32(sum / weight, table));
  }
}

/**
 * <f32>toDb(energy), from quickLog10 where that settles it: the exact logarithm (fdlibm's or any other
 * within a few ulps) lies within 1e-12 dB of the quick one (~1e-14 dB off), so when both ends of that
 * interval round to the same f32, so does it; otherwise (about one value in 10⁵, and near 0 dB) the
 * exact logarithm is taken.
 */
@inline function dbF32(energy: f64, table: usize): f32 {
  if (!(energy > 1e-12)) return <f32>SILENCE_DB;
  const v = 10 * quickLog10(energy, table);
  const low = <f32>(v - 1e-12);
  return low == <f32>(v + 1e-12) ? low : <f32>toDb(energy);
}

/**
 * findNuclei() of voice.ts. `db` (f32, smoothed intensity), `spans` (i32 pairs [a, b) of frames, one per
 * speech segment, `spanCount` of them), `levels` (3201 u32 bins of 0.05 dB from −140, zeroed by the
 * caller), the F0 track (`f0`, f32, `pitchFrames` frames from `offset` s every `hop` s). Peaks of db
 * inside a span, no more than `floorDb` under its 99th percentile, standing `dipDb` above the dips on
 * both sides (the span's edge counts as a dip), with an F0 within `reach` pitch frames: their times
 * (s, f64) go to `out`. Returns how many.
 */
export function findNuclei(
  db: usize,
  spans: usize,
  spanCount: i32,
  levels: usize,
  floorDb: f64,
  dipDb: f64,
  f0: usize,
  pitchFrames: i32,
  offset: f64,
  hop: f64,
  reach: i32,
  out: usize,
): i32 {
  let count: f64 = 0;
  for (let s = 0; s < spanCount; s++) {
    const a = load<i32>(spans + (<usize>(2 * s) << 2));
    const b = load<i32>(spans + (<usize>(2 * s + 1) << 2));
    for (let t = a; t < b; t++) {
      let i = roundJs((f32At(db, t) - LEVEL_LOW) / LEVEL_STEP);
      i = i < 0 ? 0 : i >= <f64>LEVEL_BINS ? <f64>(LEVEL_BINS - 1) : i;
      const at = levels + (<usize>(<i32>i) << 2);
      store<u32>(at, load<u32>(at) + 1);
      count += 1;
    }
  }
  if (count == 0) return 0;
  // LevelHistogram.quantile(0.99): the first bin whose running count exceeds 0.99·(count − 1).
  const target = 0.99 * (count - 1);
  let seen: f64 = 0;
  let quantile = LEVEL_LOW + <f64>(LEVEL_BINS - 1) * LEVEL_STEP;
  for (let i = 0; i < LEVEL_BINS; i++) {
    seen += <f64>load<u32>(levels + (<usize>i << 2));
    if (seen > target) {
      quantile = LEVEL_LOW + <f64>i * LEVEL_STEP;
      break;
    }
  }
  const floor = quantile - floorDb;
  let found = 0;
  for (let s = 0; s < spanCount; s++) {
    const a = load<i32>(spans + (<usize>(2 * s) << 2));
    const b = load<i32>(spans + (<usize>(2 * s + 1) << 2));
    for (let t = a; t < b; t++) {
      const v = f32At(db, t);
      if (v < floor) continue;
      const left = t > a ? f32At(db, t - 1) : -Infinity;
      const right = t + 1 < b ? f32At(db, t + 1) : -Infinity;
      if (!(v > left && v >= right)) continue;
      if (!dipsBy(db, t, a - 1, -1, dipDb) || !dipsBy(db, t, b, 1, dipDb)) continue;
      const seconds = (<f64>t + 0.5) * FRAME_SECONDS;
      // frameAt(): the pitch frame nearest to the peak, then any voiced one within reach.
      const k = <i32>roundJs((seconds - offset) / hop);
      let voiced = false;
      for (let j = max(0, k - reach); j <= min(pitchFrames - 1, k + reach); j++) {
        if (load<f32>(f0 + (<usize>j << 2)) > 0) {
          voiced = true;
          break;
        }
      }
      if (!voiced) continue;
      setSlot(out, found, seconds);
      found++;
    }
  }
  return found;
}

/**
 * levelBins() of voice.ts over the speech frames (`spans`, i32 [a, b) pairs): each frame's level bin
 * (toDb of `energy`, f32, in LevelHistogram's 0.05 dB bins from -140 dB) into `bins` (i16), counted in
 * `levels` (u32, LEVEL_BINS, zeroed). The logarithm comes from fillLogTable's `table` first, as in
 * countLevel: the bin is the exact one unless the level falls within 1e-6 of a bin's edge, and then
 * the exact logarithm decides.
 */
export function levelBins(energy: usize, spans: usize, spanCount: i32, bins: usize, levels: usize, table: usize): void {
  for (let s = 0; s < spanCount; s++) {
    const a = load<i32>(spans + (<usize>(2 * s) << 2));
    const b = load<i32>(spans + (<usize>(2 * s + 1) << 2));
    for (let t = a; t < b; t++) {
      const e = f32At(energy, t);
      let i: f64 = 0;
      const q = e > 1e-12 ? (10 * quickLog10(e, table) - LEVEL_LOW) / LEVEL_STEP : 0.5;
      if (Math.abs(q - Math.floor(q) - 0.5) < 1e-6) i = roundJs((toDb(e) - LEVEL_LOW) / LEVEL_STEP);
      else i = Math.floor(q + 0.5);
      i = i < 0 ? 0 : i >= <f64>LEVEL_BINS ? <f64>(LEVEL_BINS - 1) : i;
      store<i16>(bins + (<usize>t << 1), <i16>i);
      const at = levels + (<usize>(<i32>i) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
}

/**
 * The median level bin of a sentence in analyzeLoudness() of voice.ts: of the frames in `spans` (i32
 * [a, b) pairs, `spanCount` of them) the bin (i16 in `bins`) that would stand at index `rank` were they
 * sorted, found by counting them into `histogram` (u32, LEVEL_BINS, zero before and after).
 */
export function rankedBin(bins: usize, spans: usize, spanCount: i32, histogram: usize, rank: i32): i32 {
  let lowest = LEVEL_BINS - 1;
  for (let s = 0; s < spanCount; s++) {
    const b = load<i32>(spans + (<usize>(2 * s + 1) << 2));
    for (let t = load<i32>(spans + (<usize>(2 * s) << 2)); t < b; t++) {
      const bin = <i32>load<i16>(bins + (<usize>t << 1));
      if (bin < lowest) lowest = bin;
      const at = histogram + (<usize>bin << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
  }
  let found = LEVEL_BINS - 1;
  let seen: u32 = 0;
  // From the lowest bin counted: those under it are empty.
  for (let i = lowest; i < LEVEL_BINS; i++) {
    seen += load<u32>(histogram + (<usize>i << 2));
    if (seen > <u32>rank) {
      found = i;
      break;
    }
  }
  for (let s = 0; s < spanCount; s++) {
    const b = load<i32>(spans + (<usize>(2 * s + 1) << 2));
    for (let t = load<i32>(spans + (<usize>(2 * s) << 2)); t < b; t++)
      store<u32>(histogram + (<usize>load<i16>(bins + (<usize>t << 1)) << 2), 0);
  }
  return found;
}

const LEVEL_LOW: f64 = -140;
const LEVEL_STEP: f64 = 0.05;
const LEVEL_BINS = 3201;

/** True when, going from peak t towards `edge` (exclusive), db falls `dip` below db[t] before rising above it. */
@inline function dipsBy(db: usize, t: i32, edge: i32, dir: i32, dip: f64): bool {
  const v = f32At(db, t);
  for (let j = t + dir; j != edge; j += dir) {
    if (f32At(db, j) > v) return false;
    if (f32At(db, j) <= v - dip) return true;
  }
  return true;
}

/**
 * speechValues() of voice.ts: the F0 (f32 at `f0`) of the frames [from, to) whose `mask` byte is set and
 * whose F0 is above 0, in order, into `out` (f32). Returns how many.
 */
export function voicedIn(f0: usize, mask: usize, from: i32, to: i32, out: usize): i32 {
  let n = 0;
  for (let k = from; k < to; k++) {
    const hz = load<f32>(f0 + (<usize>k << 2));
    if (load<u8>(mask + <usize>k) && hz > 0) {
      store<f32>(out + (<usize>n << 2), hz);
      n++;
    }
  }
  return n;
}

/**
 * `n` positive f32 at `values` sorted ascending in place (a radix sort of their bits, which for positive
 * floats run in the order of the numbers), with `scratch` (n f32) and `counts` (256 u32).
 */
export function sortPositive(values: usize, n: i32, scratch: usize, counts: usize): void {
  let from = values;
  let to = scratch;
  for (let shift: u32 = 0; shift < 32; shift += 8) {
    memory.fill(counts, 0, 256 << 2);
    for (let i = 0; i < n; i++) {
      const at = counts + (<usize>((load<u32>(from + (<usize>i << 2)) >> shift) & 255) << 2);
      store<u32>(at, load<u32>(at) + 1);
    }
    let sum: u32 = 0;
    for (let b = 0; b < 256; b++) {
      const count = load<u32>(counts + (<usize>b << 2));
      store<u32>(counts + (<usize>b << 2), sum);
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const v = load<u32>(from + (<usize>i << 2));
      const at = counts + (<usize>((v >> shift) & 255) << 2);
      const place = load<u32>(at);
      store<u32>(at, place + 1);
      store<u32>(to + (<usize>place << 2), v);
    }
    const swap = from;
    from = to;
    to = swap;
  }
}

/**
 * The speech frames of findMonotoneStretches() in voice.ts and their semitone bins: the indices k
 * (i32, in order) of the `n` pitch frames whose `mask` byte is set go to `frames`, and each one's bin
 * to `binAt` (i16): -1 when unvoiced (f0 not above 0), else how many of the `edgeCount` ascending
 * `edges` (f32: the smallest F0 of bins 1, 2…) lie at or under its F0. Returns how many frames.
 */
export function speechBins(
  f0: usize,
  mask: usize,
  n: i32,
  edges: usize,
  edgeCount: i32,
  frames: usize,
  binAt: usize,
): i32 {
  let count = 0;
  for (let k = 0; k < n; k++) {
    if (!load<u8>(mask + <usize>k)) continue;
    const hz = load<f32>(f0 + (<usize>k << 2));
    let bin = -1;
    if (hz > 0) {
      // The first edge above hz, by halving [lo, hi).
      let lo = 0;
      let hi = edgeCount;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (load<f32>(edges + (<usize>mid << 2)) <= hz) lo = mid + 1;
        else hi = mid;
      }
      bin = lo;
    }
    store<i32>(frames + (<usize>count << 2), k);
    store<i16>(binAt + (<usize>count << 1), <i16>bin);
    count++;
  }
  return count;
}

/**
 * The sliding windows of findMonotoneStretches() in voice.ts over the speech frames' semitone bins
 * (`binAt`, i16, `count` of them, -1 unvoiced; `binCount` bins, `bins` a u32 scratch of that many,
 * zeroed): windows of `size` frames stepped by `step`; a window with at least `minVoiced` voiced frames
 * whose 90th and 10th percentile bins lie under `maxRange` semitones apart (`binsPerSemitone` bins each)
 * is monotone, and consecutive monotone windows join. The runs [first, last] (positions in the speech
 * frames) go to `out` (i32 pairs); returns how many. The percentile bins are followed from window to
 * window (a bin and the count below it, moved only as far as the window's change asks).
 */
export function monotoneWindows(
  binAt: usize,
  count: i32,
  binCount: i32,
  bins: usize,
  size: i32,
  step: i32,
  minVoiced: f64,
  maxRange: f64,
  binsPerSemitone: f64,
  out: usize,
): i32 {
  voicedInWindow = 0;
  lowBin = 0;
  lowBelow = 0;
  highBin = 0;
  highBelow = 0;
  let runs = 0;
  let previous = 0;
  let hasPrevious = false;
  for (let i = 0; i < size; i++) moveFrame(binAt, bins, i, 1);
  for (let start = 0; start + size <= count; start += step) {
    if (start > 0) {
      for (let i = start - step; i < start; i++) moveFrame(binAt, bins, i, -1);
      for (let i = start - step + size; i < start + size; i++) moveFrame(binAt, bins, i, 1);
    }
    if (<f64>voicedInWindow < minVoiced) continue;
    const high = followQuantile(bins, binCount, 0.9, true);
    const low = followQuantile(bins, binCount, 0.1, false);
    if (<f64>(high - low) / binsPerSemitone >= maxRange) continue;
    // Only consecutive windows join: two flat passages at different pitches, whose windows overlap
    // across a lively stretch between them, stay two stretches.
    if (runs > 0 && hasPrevious && start == previous + step) store<i32>(out + (<usize>(2 * runs - 1) << 2), start + size - 1);
    else {
      store<i32>(out + (<usize>(2 * runs) << 2), start);
      store<i32>(out + (<usize>(2 * runs + 1) << 2), start + size - 1);
      runs++;
    }
    previous = start;
    hasPrevious = true;
  }
  return runs;
}

let voicedInWindow: i32 = 0;
let lowBin: i32 = 0;
let lowBelow: i32 = 0;
let highBin: i32 = 0;
let highBelow: i32 = 0;

/** Speech frame `i` into the window (+1) or out of it (-1). */
@inline function moveFrame(binAt: usize, bins: usize, i: i32, sign: i32): void {
  const bin = <i32>load<i16>(binAt + (<usize>i << 1));
  if (bin >= 0) {
    const at = bins + (<usize>bin << 2);
    store<u32>(at, <u32>(<i32>load<u32>(at) + sign));
    voicedInWindow += sign;
    if (bin < lowBin) lowBelow += sign;
    if (bin < highBin) highBelow += sign;
  }
}

/** The first bin whose running count exceeds p·(voiced − 1) (the last bin when none does). */
function followQuantile(bins: usize, binCount: i32, p: f64, high: bool): i32 {
  let bin = high ? highBin : lowBin;
  let below = high ? highBelow : lowBelow;
  const target = p * <f64>(voicedInWindow - 1);
  while (bin < binCount - 1 && <f64>(below + <i32>load<u32>(bins + (<usize>bin << 2))) <= target) {
    below += <i32>load<u32>(bins + (<usize>bin << 2));
    bin++;
  }
  while (bin > 0 && <f64>below > target) {
    bin--;
    below -= <i32>load<u32>(bins + (<usize>bin << 2));
  }
  if (high) {
    highBin = bin;
    highBelow = below;
  } else {
    lowBin = bin;
    lowBelow = below;
  }
  return bin;
}
