/**
 * The WebAssembly kernels (wasm/audio-kernels.ts, compiled by scripts/build-kernels.mjs): the band
 * filters and YIN's difference function, the two loops that see every sample. Each user gets an
 * instance of its own (its own memory, laid out by the caller in bytes); the module is compiled once.
 */
import { KERNELS_WASM } from './kernels-wasm.js';

export interface AudioKernels {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  useOwnMath(own: boolean): void;
  ownLog10(x: number): number;
  ownExp(x: number): number;
  mathMismatches(x: number, expected: number, n: number, exp: boolean): number;
  filterBands(
    input: number,
    n: number,
    coef: number,
    state: number,
    rate: number,
    decimation: number,
    period: number,
    warm: number,
    scratch: number,
    low: number,
    mid: number,
    high: number,
    voice: number,
    vocal: number,
    upper: number,
  ): number;
  decodePcm16(at: number, n: number): void;
  noiseFloor(
    lin: number,
    n: number,
    k: number,
    smoothed: number,
    block: number,
    blockMin: number,
    blocks: number,
    reach: number,
    trusted: number,
    floor: number,
  ): void;
  collectNoise(
    lin: number,
    n: number,
    smoothed: number,
    block: number,
    floor: number,
    busyAbove: number,
    mid: number,
    long: number,
    histograms: number,
    table: number,
    from: number,
    to: number,
  ): void;
  fillLogTable(table: number): void;
  describeDeviations(histograms: number, scratch: number, out: number): void;
  markFrames(
    lin: number,
    n: number,
    block: number,
    holdFrom: number,
    onsetFrom: number,
    candidate: number,
    hold: number,
    onset: number,
  ): void;
  findSpeech(
    lin: number,
    floors: number,
    n: number,
    block: number,
    blocks: number,
    thresholds: number,
    minHoldDb: number,
    edgeFrames: number,
    reach: number,
    hold: number,
    onset: number,
    speech: number,
  ): void;
  levelTrack(low: number, mid: number, high: number, n: number, half: number, sum: number, out: number): void;
  levelHistogram(level: number, n: number, low: number, step: number, count: number, bins: number): void;
  slidingMax(x: number, n: number, half: number, out: number, deque: number): void;
  reverberationTimes(level: number, n: number, times: number): number;
  twoLevelsEm(
    bins: number,
    count: number,
    low: number,
    step: number,
    total: number,
    iterations: number,
    model: number,
  ): void;
  levelBins(energy: number, spans: number, spanCount: number, bins: number, levels: number, table: number): void;
  rankedBin(bins: number, spans: number, spanCount: number, histogram: number, rank: number): number;
  sortPositive(values: number, n: number, scratch: number, counts: number): void;
  voicedIn(f0: number, mask: number, from: number, to: number, out: number): number;
  speechBins(
    f0: number,
    mask: number,
    n: number,
    edges: number,
    edgeCount: number,
    frames: number,
    binAt: number,
  ): number;
  monotoneWindows(
    binAt: number,
    count: number,
    binCount: number,
    bins: number,
    size: number,
    step: number,
    minVoiced: number,
    maxRange: number,
    binsPerSemitone: number,
    out: number,
  ): number;
  smoothPitch(f0: number, n: number, maxStep: number, out: number): void;
  smoothedDb(
    energy: number,
    n: number,
    weights: number,
    radius: number,
    out: number,
    first: number,
    last: number,
    table: number,
  ): void;
  findNuclei(
    db: number,
    spans: number,
    spanCount: number,
    levels: number,
    floorDb: number,
    dipDb: number,
    f0: number,
    pitchFrames: number,
    offset: number,
    hop: number,
    reach: number,
    out: number,
  ): number;
  trackBlocks(
    x: number,
    from: number,
    count: number,
    hop: number,
    minLag: number,
    maxLag: number,
    rate: number,
    params: number,
    blocks: number,
    blockCount: number,
    window: number,
    d: number,
    f0: number,
  ): number;
}

// @types/node declares no WebAssembly values (they live in the DOM library): the little used here.
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmApi };
let compiled: object | undefined;

let ownMathAgrees: boolean | undefined;

/** Instances given back (releaseKernels), whose memory the next user gets. */
const idle: AudioKernels[] = [];

/**
 * An instance whose memory holds at least `bytes`, zeroed up to there: one given back by an earlier
 * user when there is one (the largest), else a fresh one. Reuse is for the page faults: the first
 * touch of fresh memory costs ~2 µs per 4 KB page here (~0.5 ms a megabyte; a 4-minute analysis made
 * ~4,700 faults beyond Node's own before instances were reused, ~3,750 after), zeroing memory already
 * touched a tenth of that.
 */
export function instantiateKernels(bytes: number): AudioKernels {
  let kernels: AudioKernels;
  if (idle.length) {
    let largest = 0;
    for (let i = 1; i < idle.length; i++)
      if (idle[i]!.memory.buffer.byteLength > idle[largest]!.memory.buffer.byteLength) largest = i;
    kernels = idle.splice(largest, 1)[0]!;
    const zeroed = Math.min(bytes, kernels.memory.buffer.byteLength);
    new Uint8Array(kernels.memory.buffer, 0, zeroed).fill(0);
  } else {
    // Synchronous compilation: the module is a few kilobytes, and V8's baseline compiler takes ~1 ms.
    compiled ??= new wasm.Module(Buffer.from(KERNELS_WASM, 'base64'));
    // Math.log10 and Math.exp are given for a V8 that computes them otherwise than the kernels' own.
    kernels = new wasm.Instance(compiled, { env: { log10: Math.log10, exp: Math.exp } })
      .exports as unknown as AudioKernels;
    ownMathAgrees ??= agreesWithMath(kernels);
    kernels.useOwnMath(ownMathAgrees);
  }
  const missing = Math.ceil((bytes - kernels.memory.buffer.byteLength) / 65536);
  if (missing > 0) kernels.memory.grow(missing);
  return kernels;
}

/**
 * Gives an instance back once its user is done with it and with every view of its memory (results
 * are copied out first): the next instantiateKernels may hand it to someone else.
 */
export function releaseKernels(kernels: AudioKernels): void {
  idle.push(kernels);
}

/** `work` with an instance whose memory holds `bytes` (zeroed), given back when `work` returns. */
export function withKernels<T>(bytes: number, work: (kernels: AudioKernels, memory: ArrayBuffer) => T): T {
  const kernels = instantiateKernels(bytes);
  try {
    return work(kernels, kernels.memory.buffer);
  } finally {
    releaseKernels(kernels);
  }
}

/** Bytes of the logarithm table fillLogTable fills (128 pairs of f64). */
export const LOG_TABLE_BYTES = 128 * 16;

/**
 * Frames a single-pass kernel is handed per call: V8 first runs a kernel in its baseline code and
 * compiles the optimised code in the background once it has run a while; a later call runs that (a
 * single call over a whole recording stays in the baseline code to its end, 1.5–2.5× slower).
 */
export const KERNEL_BLOCK_FRAMES = 2048;

/** Byte offsets for arrays laid one after another, each aligned to 16 bytes (SIMD loads). */
export function layOut<K extends string>(sizes: Record<K, number>): { at: Record<K, number>; bytes: number } {
  const at = {} as Record<K, number>;
  let next = 0;
  for (const key of Object.keys(sizes) as K[]) {
    at[key] = next;
    next += Math.ceil(sizes[key] / 16) * 16;
  }
  return { at, bytes: next };
}

/** Whether the kernels compute their logarithms and exponentials themselves (after a first instance). */
export function ownMathInUse(): boolean | undefined {
  return ownMathAgrees;
}

/**
 * Inputs on which fdlibm's log10 and exp (V8's in Node 20, and the kernels') are not correctly
 * rounded (found against 60-digit decimal arithmetic): a V8 whose Math rounds them correctly, as LLVM's
 * libc does, differs from the kernels on each of these.
 */
const FDLIBM_LOG10_PROBES = [
  0.615043319735606, 0.9308267287930205, 0.7750664830530801, 2.5159699447741164, 1.9750679647123672, 0.5699754386054456,
  0.8742068347220235, 0.7653622717942119,
];
const FDLIBM_EXP_PROBES = [
  -243.71211458787687, -0.46886191319663667, -12.148654329050075, -353.2649453689916, -70.7511848522506,
  -238.83048988671564, -586.001997032317, -3.178174127535427,
];

/**
 * Whether the kernels' own log10 and exp give JavaScript's bits: on the inputs above, then on values
 * spread over the ranges the analysis uses (energies from 1e-13 to 10, exponents from −800 to 10; two
 * methods differ in the last bit for 1–10 % of inputs, so another one shows at once), once per process.
 */
function agreesWithMath(kernels: AudioKernels): boolean {
  const log10Inputs = [...FDLIBM_LOG10_PROBES];
  const expInputs = [...FDLIBM_EXP_PROBES];
  for (let i = 0; i < 500; i++) {
    log10Inputs.push(10 ** (-13 + (14 * i) / 500) * (1 + (i % 13) / 97));
    expInputs.push(-800 + (810 * i) / 500 + (i % 11) / 89);
  }
  // In the fresh instance's first page, given back zeroed: one call into WebAssembly per function
  // rather than one per input (V8's generic entry, ~0.5 µs a call before its own is compiled).
  const agrees = (inputs: number[], math: (x: number) => number, exp: boolean) => {
    const n = inputs.length;
    new Float64Array(kernels.memory.buffer, 0, n).set(inputs);
    new Float64Array(kernels.memory.buffer, n * 8, n).set(inputs.map(math));
    const bad = kernels.mathMismatches(0, n * 8, n, exp);
    new Uint8Array(kernels.memory.buffer, 0, n * 16).fill(0);
    return bad === 0;
  };
  return agrees(log10Inputs, Math.log10, false) && agrees(expInputs, Math.exp, true);
}
