/**
 * How the voice was used, from two tracks the detector keeps (F0 every 10 ms, band energy every 5 ms)
 * and the speech segments: intonation (F0 median, range, monotone stretches), rhythm (syllable nuclei
 * in the manner of de Jong & Wempe 2009: syllables per second without any transcript) and loudness
 * (each sentence against the speaker's median, endings that fade). Pure arithmetic over plain data.
 * Methods, thresholds and their sources: docs/voice.md.
 */
import { FRAME_SECONDS, toDb } from './features.js';
import {
  instantiateKernels,
  KERNEL_BLOCK_FRAMES,
  LOG_TABLE_BYTES,
  layOut,
  releaseKernels,
  withKernels,
} from './kernels.js';
import type { PitchTrack } from './pitch-track.js';
import { frameAt, frameTime, smoothPitch } from './pitch-track.js';
import type { AnalyzeOptions, SpeechAnalysis, SplitSpeech } from './metrics.js';
import { MIN_PAUSE_SECONDS } from './metrics.js';
import type { Segment } from './vad.js';

/** What the detector hands over besides the segments. */
export interface VoiceTracks {
  pitch: PitchTrack;
  /** Energy of the 150 Hz – 4 kHz band (voice and formants, no hiss) per 5 ms frame, linear. */
  energy: Float32Array;
}

/** Thresholds, each documented with its source in docs/voice.md. */
export const VOICE_THRESHOLDS = {
  /** A stretch is monotone when its F0 range (10th to 90th percentile) stays under this (semitones). */
  monotoneSemitones: 2,
  /** …over at least this much speech (seconds, pauses not counted). */
  monotoneMinSeconds: 5,
  /** A window is only judged with at least this much voiced speech in it (seconds). */
  monotoneMinVoicedSeconds: 1,
  /** Syllable nuclei: a peak must stand this far above the dips on both sides (dB, de Jong & Wempe's 2 dB). */
  nucleusDipDb: 2,
  /** …and no further than this below the loudest speech (dB below the 99th percentile; their −25 dB). */
  nucleusFloorDb: 25,
  /** Measured and written syllables further apart than this share: the speaker left the script. */
  textDeparture: 0.25,
  /**
   * A sentence ending fades when the energy mean of its last 300 ms is this far below the sentence's
   * own median level (dB). Read French endings measure between −9 and +1.5 dB here (espeak-ng, and
   * the final lengthening of French keeps the last syllable loud); a voice trailing off by 10–20 dB
   * over its last half second measures 6–12 dB, since the window still holds part of the louder speech.
   */
  fadingDb: 6,
  /** The end of a sentence that is measured (seconds). */
  endingSeconds: 0.3,
} as const;

export interface Intonation {
  /** Median F0 of voiced speech (Hz), null with under a second of voiced speech. */
  medianHz: number | null;
  /** 12·log2(P90 / P10) of voiced F0: the span the voice really uses. */
  rangeSemitones: number | null;
  /** Seconds of voiced speech the figures rest on. */
  voicedSeconds: number;
  monotoneStretches: Segment[];
  /** Speech seconds inside monotone stretches. */
  monotoneSeconds: number;
}

export interface SentenceLoudness {
  start: number;
  end: number;
  /** The sentence's median level against the speaker's median (dB). */
  relativeDb: number;
  /** How far its last 300 ms sit below its own median (dB; negative when they are louder). */
  endingDropDb: number;
  fading: boolean;
}

export interface Loudness {
  /** Share (0–1) of sentences whose ending fades; null without a sentence long enough to judge. */
  fadingEndings: number | null;
  fadingCount: number;
  sentences: SentenceLoudness[];
}

export interface SplitVoice {
  medianHz: number | null;
  rangeSemitones: number | null;
  monotoneSeconds: number;
  syllables: number;
  syllablesPerSecond: number | null;
  articulationRate: number | null;
}

export interface VoiceAnalysis {
  pitch: Intonation;
  /** Syllable nuclei found in speech. */
  syllables: number;
  /** Syllables over the spoken span (first word to last, pauses included): the rate a listener hears. */
  syllablesPerSecond: number | null;
  /** Syllables over speaking time (pauses excluded): how fast the syllables themselves come. */
  articulationRate: number | null;
  /** Times of the nuclei (seconds), for display and checking. */
  nuclei: number[];
  loudness: Loudness;
  splits: SplitVoice[] | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const semitones = (hz: number) => 12 * Math.log2(hz);

/**
 * Levels in dB counted in 0.05 dB bins from −140 to +20: percentiles of an hour of 5 ms frames in one
 * pass and 13 KB, where sorting them would cost seconds and megabytes.
 */
class LevelHistogram {
  private static readonly LOW = -140;
  private static readonly STEP = 0.05;
  static readonly BINS = 3201;
  private readonly bins = new Uint32Array(LevelHistogram.BINS);
  count = 0;

  /** The level a bin stands for. */
  static levelOf(bin: number): number {
    return LevelHistogram.LOW + bin * LevelHistogram.STEP;
  }

  /** A histogram holding `counts` (LevelHistogram.BINS of them). */
  static of(counts: Uint32Array): LevelHistogram {
    const histogram = new LevelHistogram();
    histogram.bins.set(counts);
    for (let i = 0; i < counts.length; i++) histogram.count += counts[i]!;
    return histogram;
  }

  quantile(p: number): number {
    const target = p * (this.count - 1);
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      seen += this.bins[i]!;
      if (seen > target) return LevelHistogram.levelOf(i);
    }
    return LevelHistogram.levelOf(this.bins.length - 1);
  }
}

/** Sorted-array percentile by linear interpolation (p in 0–1). */
function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return Number.NaN;
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** The figures of voiced F0 values given in ascending order. */
function pitchFigures(
  sorted: Float32Array,
  hop: number,
): Pick<Intonation, 'medianHz' | 'rangeSemitones' | 'voicedSeconds'> {
  const voicedSeconds = round2(sorted.length * hop);
  if (voicedSeconds < VOICE_THRESHOLDS.monotoneMinVoicedSeconds)
    return { medianHz: null, rangeSemitones: null, voicedSeconds };
  return {
    medianHz: round1(percentile(sorted, 0.5)),
    rangeSemitones: round1(semitones(percentile(sorted, 0.9)) - semitones(percentile(sorted, 0.1))),
    voicedSeconds,
  };
}

/**
 * Everything about the voice for a recording whose speech segments are known. `splits` are the
 * [start, end) spans of the rehearsal's splits, when there are any.
 */
export function analyzeVoice(
  tracks: VoiceTracks,
  segments: readonly Segment[],
  splits: readonly Segment[] | null = null,
): VoiceAnalysis {
  const f0 = smoothPitch(tracks.pitch.f0);
  const track = tracks.pitch;
  const frames = pitchFrames(f0, speechMask(track, f0.length, segments));
  const speechVoiced = speechValues(track, frames, { start: -Infinity, end: Infinity });
  const monotoneStretches = findMonotoneStretches(track, frames);
  const nuclei = findNuclei(tracks.energy, track, f0, segments);
  const speech = segments.reduce((s, x) => s + x.end - x.start, 0);
  const span = segments.length ? segments[segments.length - 1]!.end - segments[0]!.start : 0;
  const rate = (n: number, seconds: number) => (seconds >= 1 ? round2(n / seconds) : null);
  const speechWithin = (from: number, to: number) =>
    segments.reduce((s, x) => s + Math.max(0, Math.min(x.end, to) - Math.max(x.start, from)), 0);
  const voice: VoiceAnalysis = {
    pitch: {
      ...pitchFigures(speechVoiced, track.hopSeconds),
      monotoneStretches: monotoneStretches.map((s) => ({ start: round2(s.start), end: round2(s.end) })),
      monotoneSeconds: round2(monotoneStretches.reduce((sum, s) => sum + speechWithin(s.start, s.end), 0)),
    },
    syllables: nuclei.length,
    syllablesPerSecond: rate(nuclei.length, span),
    articulationRate: rate(nuclei.length, speech),
    nuclei: nuclei.map(round3),
    loudness: analyzeLoudness(tracks.energy, segments),
    splits:
      splits?.map((split) => {
        const within = segments
          .map((s) => ({ start: Math.max(s.start, split.start), end: Math.min(s.end, split.end) }))
          .filter((s) => s.end > s.start);
        const count = nuclei.filter((t) => t >= split.start && t < split.end).length;
        const spoken = within.length ? within[within.length - 1]!.end - within[0]!.start : 0;
        const { medianHz, rangeSemitones } = pitchFigures(speechValues(track, frames, split), track.hopSeconds);
        return {
          medianHz,
          rangeSemitones,
          monotoneSeconds: round2(
            monotoneStretches.reduce(
              (sum, s) => sum + speechWithin(Math.max(s.start, split.start), Math.min(s.end, split.end)),
              0,
            ),
          ),
          syllables: count,
          syllablesPerSecond: rate(count, spoken),
          articulationRate: rate(
            count,
            within.reduce((s, x) => s + x.end - x.start, 0),
          ),
        };
      }) ?? null,
  };
  releaseKernels(frames.kernels);
  return voice;
}

/**
 * The smoothed F0 track and its speech mask in a kernel instance's memory, for the passes over both
 * (wasm/audio-kernels.ts: voicedIn, speechBins, monotoneWindows), laid out once.
 */
type PitchFrames = ReturnType<typeof pitchFrames>;

function pitchFrames(f0: Float32Array, inSpeech: Uint8Array) {
  const n = f0.length;
  const edgeCount = semitoneBinEdges().length;
  const { at, bytes } = layOut({
    f0: n * 4,
    mask: n,
    values: n * 4,
    scratch: n * 4,
    counts: 256 * 4,
    edges: edgeCount * 4,
    frames: n * 4,
    binAt: n * 2,
    bins: (edgeCount + 1) * 4,
    runs: (n + 1) * 8, // the monotone runs: at most a window each
  });
  const kernels = instantiateKernels(bytes);
  new Float32Array(kernels.memory.buffer, at.f0, n).set(f0);
  new Uint8Array(kernels.memory.buffer, at.mask, n).set(inSpeech);
  return { f0, kernels, at };
}

/** Voiced F0 of the speech frames whose centre lies in the span, in ascending order. */
function speechValues(track: PitchTrack, frames: PitchFrames, span: Segment): Float32Array {
  const n = frames.f0.length;
  const first = Number.isFinite(span.start) ? Math.max(0, frameAt(track, span.start)) : 0;
  const from = frameFrom(track, n, first, span.start);
  const to = frameFrom(track, n, first, span.end);
  const { kernels, at } = frames;
  const count = to > from ? kernels.voicedIn(at.f0, at.mask, from, to, at.values) : 0;
  kernels.sortPositive(at.values, count, at.scratch, at.counts);
  return new Float32Array(kernels.memory.buffer, at.values, count).slice();
}

/** 1 for pitch frames whose centre lies inside a speech segment. */
function speechMask(track: PitchTrack, frames: number, segments: readonly Segment[]): Uint8Array {
  const mask = new Uint8Array(frames);
  for (const s of segments) {
    const first = Math.max(0, frameAt(track, s.start));
    const from = frameFrom(track, frames, first, s.start);
    const to = frameFrom(track, frames, first, s.end);
    if (to > from) mask.fill(1, from, to);
  }
  return mask;
}

/**
 * The first pitch frame from `first` (up to `frames`) whose centre is at or after `seconds`: with the
 * frames [first, frameFrom(start)) and [frameFrom(end), frames) set aside, what is left is exactly the
 * frames a walk from `first` comparing each centre with [start, end) keeps (frame centres never go
 * back), found in a few comparisons instead of a computed time per frame, which the interpreter boxed.
 */
export function frameFrom(track: PitchTrack, frames: number, first: number, seconds: number): number {
  if (first >= frames || seconds === Number.NEGATIVE_INFINITY) return Math.min(first, frames);
  if (seconds === Number.POSITIVE_INFINITY) return frames;
  let k = Math.min(frames, Math.max(first, Math.ceil((seconds - track.offsetSeconds) / track.hopSeconds)));
  while (k > first && frameTime(track, k - 1) >= seconds) k--;
  while (k < frames && frameTime(track, k) < seconds) k++;
  return k;
}

/** Histogram bins per semitone, for the sliding percentiles. */
const BINS_PER_SEMITONE = 10;

let edgeTable: Float32Array | undefined;

/**
 * The semitone bins of the monotone windows (BINS_PER_SEMITONE a semitone, from 40 Hz, the last
 * ending at 1 kHz; an F0 outside falls in the first or the last) by their edges: the smallest F0, as
 * an f32 (the track's precision), of each bin from the second on. The bin of an F0 is how many edges
 * lie at or under it, which is the bin its logarithm gives (the bin grows with the F0): a logarithm or
 * three per bin, once per process, instead of one per speech frame.
 */
export function semitoneBinEdges(): Float32Array {
  if (edgeTable) return edgeTable;
  const base = semitones(40);
  const binCount = Math.ceil((semitones(1000) - base) * BINS_PER_SEMITONE);
  const binOf = (hz: number) =>
    Math.min(binCount - 1, Math.max(0, Math.round((semitones(hz) - base) * BINS_PER_SEMITONE)));
  const value = new Float32Array(1);
  const bits = new Uint32Array(value.buffer);
  const edges = new Float32Array(binCount - 1);
  for (let b = 1; b < binCount; b++) {
    // From where the bin starts in exact arithmetic, down while the f32 below is still in bin b or
    // above, then up while this one is not.
    value[0] = 2 ** ((base + (b - 0.5) / BINS_PER_SEMITONE) / 12);
    for (;;) {
      bits[0]!--;
      if (binOf(value[0]!) >= b) continue;
      bits[0]!++;
      break;
    }
    while (binOf(value[0]!) < b) bits[0]!++;
    edges[b - 1] = value[0]!;
  }
  edgeTable = edges;
  return edges;
}

/**
 * Windows of 5 s of speech (pauses skipped), stepped by 0.25 s: a window with at least a second of
 * voiced speech whose P10–P90 F0 range is under the threshold is monotone. Overlapping monotone
 * windows merge into a stretch, whose edges are then pulled in to where the voice settles into the
 * stretch's band, so a lively sentence next to a flat one does not lend it half a second.
 */
function findMonotoneStretches(track: PitchTrack, pitch: PitchFrames): Segment[] {
  const { monotoneSemitones, monotoneMinSeconds, monotoneMinVoicedSeconds } = VOICE_THRESHOLDS;
  const hop = track.hopSeconds;
  const { f0, kernels, at } = pitch;
  const n = f0.length;
  const size = Math.round(monotoneMinSeconds / hop);
  const step = Math.max(1, Math.round(0.25 / hop));
  const edges = semitoneBinEdges();
  const binCount = edges.length + 1;
  const memory = kernels.memory.buffer;
  new Float32Array(memory, at.edges, edges.length).set(edges);
  // The speech frames, in order, and each one's semitone bin (−1 unvoiced), once: every frame enters a
  // window and leaves it. Then the windows, their 10th and 90th percentile bins followed from window to
  // window (each tracker keeps a bin and the count below it, and moves only as far as the window's
  // change asks). Both WebAssembly kernels (wasm/audio-kernels.ts, speechBins and monotoneWindows),
  // where these loops in JavaScript ran interpreted.
  const count = kernels.speechBins(at.f0, at.mask, n, at.edges, edges.length, at.frames, at.binAt);
  if (count < size) return [];
  const frames = new Int32Array(memory, at.frames, count).slice(); // pitch frame indices inside speech
  const found = kernels.monotoneWindows(
    at.binAt,
    count,
    binCount,
    at.bins,
    size,
    step,
    monotoneMinVoicedSeconds / hop,
    monotoneSemitones,
    BINS_PER_SEMITONE,
    at.runs,
  );
  const ends = new Int32Array(memory, at.runs, 2 * found).slice();
  const runs: Array<[number, number]> = []; // [first, last] positions in `frames`
  for (let r = 0; r < found; r++) runs.push([ends[2 * r]!, ends[2 * r + 1]!]);
  const out: Segment[] = [];
  for (const [first, last] of runs) {
    const trimmed = trimToBand(frames, f0, first, last, hop);
    if (!trimmed) continue;
    const [a, b] = trimmed;
    if ((b - a + 1) * hop < monotoneMinSeconds - 1e-9) continue;
    out.push({ start: frameTime(track, frames[a]!) - hop / 2, end: frameTime(track, frames[b]!) + hop / 2 });
  }
  return out;
}

/**
 * Pulls a run's edges in to the first (last) voiced frame from which most of the next half second of
 * voiced frames lie within the band around the run's median. Returns positions in `frames`.
 */
function trimToBand(
  frames: Int32Array,
  f0: Float32Array,
  first: number,
  last: number,
  hop: number,
): [number, number] | null {
  const values: number[] = [];
  for (let i = first; i <= last; i++) if (f0[frames[i]!]! > 0) values.push(semitones(f0[frames[i]!]!));
  if (!values.length) return null;
  values.sort((a, b) => a - b);
  const middle = percentile(values, 0.5);
  const band = VOICE_THRESHOLDS.monotoneSemitones / 2 + 0.25;
  const inBand = (i: number) => Math.abs(semitones(f0[frames[i]!]!) - middle) <= band;
  const look = Math.round(0.5 / hop);
  const settled = (i: number, dir: 1 | -1) => {
    let voiced = 0;
    let ok = 0;
    for (let j = i; j !== i + dir * look && j >= first && j <= last; j += dir) {
      if (f0[frames[j]!]! > 0) {
        voiced++;
        if (inBand(j)) ok++;
      }
    }
    return voiced > 0 && ok >= 0.8 * voiced;
  };
  let a = first;
  while (a <= last && !(f0[frames[a]!]! > 0 && inBand(a) && settled(a, 1))) a++;
  let b = last;
  while (b >= a && !(f0[frames[b]!]! > 0 && inBand(b) && settled(b, -1))) b--;
  return b > a ? [a, b] : null;
}

/**
 * Syllable nuclei: peaks of the smoothed intensity inside speech that stand at least 2 dB above the
 * dips on both sides (within the same stretch of speech), are no more than 25 dB below the loudest
 * speech, and are voiced (a pitch frame within 30 ms of the peak has an F0). Times in seconds.
 */
function findNuclei(energy: Float32Array, track: PitchTrack, f0: Float32Array, segments: readonly Segment[]): number[] {
  const { nucleusDipDb, nucleusFloorDb } = VOICE_THRESHOLDS;
  const n = energy.length;
  const sigma = 0.01 / FRAME_SECONDS;
  const radius = Math.ceil(3 * sigma);
  const spans = Int32Array.from(
    segments.flatMap((s) => [
      Math.max(0, Math.floor(s.start / FRAME_SECONDS)),
      Math.min(n, Math.ceil(s.end / FRAME_SECONDS)),
    ]),
  );
  const { at, bytes } = layOut({
    weights: (2 * radius + 1) * 8,
    energy: n * 4,
    db: n * 4,
    table: LOG_TABLE_BYTES,
    spans: spans.length * 4,
    levels: LevelHistogram.BINS * 4,
    f0: f0.length * 4,
    out: (Math.ceil(n / 2) + 1) * 8,
  });
  return withKernels(bytes, (kernels, memory) => {
    // The intensity contour: band energy smoothed by a Gaussian (σ = 15 ms), in dB. Praat's, which de
    // Jong & Wempe's method peaks on, smooths over a similar span, enough to merge a vowel's glottal
    // pulses into one hump while keeping two syllables at 7 per second apart. The convolution and the
    // logarithms over every frame are a WebAssembly kernel (wasm/audio-kernels.ts, smoothedDb), called a
    // block of frames at a time (see KERNEL_BLOCK_FRAMES).
    const weights = new Float64Array(memory, at.weights, 2 * radius + 1);
    for (let i = -radius; i <= radius; i++) weights[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
    new Float32Array(memory, at.energy, n).set(energy);
    kernels.fillLogTable(at.table);
    for (let first = 0; first < n; first += KERNEL_BLOCK_FRAMES) {
      const last = Math.min(n, first + KERNEL_BLOCK_FRAMES);
      kernels.smoothedDb(at.energy, n, at.weights, radius, at.db, first, last, at.table);
    }
    // The histogram of speech levels, its 99th percentile and the scan for peaks over every speech
    // frame: a kernel too (findNuclei), with LevelHistogram's bins. A peak must dip 2 dB on each side
    // before the contour climbs above it; running into the segment's edge counts as a dip, since the
    // speech stops there.
    new Int32Array(memory, at.spans, spans.length).set(spans);
    new Float32Array(memory, at.f0, f0.length).set(f0);
    const found = kernels.findNuclei(
      at.db,
      at.spans,
      spans.length / 2,
      at.levels,
      nucleusFloorDb,
      nucleusDipDb,
      at.f0,
      f0.length,
      track.offsetSeconds,
      track.hopSeconds,
      Math.round(0.03 / track.hopSeconds),
      at.out,
    );
    return Array.from(new Float64Array(memory, at.out, found));
  });
}

/**
 * Sentences are speech between pauses of 0.3 s or more. Each one's level is the median of its 5 ms
 * frame levels; the speaker's level is the median over all speech. An ending is the energy mean of
 * the sentence's last 300 ms; sentences under a second are not judged (too short to fade).
 */
function analyzeLoudness(energy: Float32Array, segments: readonly Segment[]): Loudness {
  const sentences: Segment[] = [];
  for (const s of segments) {
    const last = sentences[sentences.length - 1];
    if (last && s.start - last.end < MIN_PAUSE_SECONDS) last.end = s.end;
    else sentences.push({ start: s.start, end: s.end });
  }
  const framesOf = (s: Segment) =>
    [
      Math.max(0, Math.floor(s.start / FRAME_SECONDS)),
      Math.min(energy.length, Math.ceil(s.end / FRAME_SECONDS)),
    ] as const;
  // Each speech frame's level bin, computed once for the speaker's median and its sentence's.
  const levels = levelBins(energy, Int32Array.from(segments.flatMap(framesOf)));
  const { all } = levels;
  if (!all.count) {
    levels.release();
    return { fadingEndings: null, fadingCount: 0, sentences: [] };
  }
  const speaker = all.quantile(0.5);
  const ending = Math.round(VOICE_THRESHOLDS.endingSeconds / FRAME_SECONDS);
  const out: SentenceLoudness[] = [];
  let first = 0; // the first segment that may still overlap the next sentence
  for (const s of sentences) {
    const [a, b] = framesOf(s);
    // Only the speech frames (a sentence may span short gaps under 0.3 s): those of segments
    // [first, end). Its median is the middle of its frames' bins sorted.
    let end = first;
    let count = 0;
    for (let i = first; i < segments.length && segments[i]!.start < s.end; i++) {
      const x = segments[i]!;
      if (x.end <= s.start) {
        first = i + 1;
        continue;
      }
      const [xa, xb] = framesOf(x);
      count += Math.max(0, xb - xa);
      end = i + 1;
    }
    if (count * FRAME_SECONDS < 1) continue;
    const median = LevelHistogram.levelOf(levels.rankedBin(first, end, Math.floor(0.5 * (count - 1))));
    let sum = 0;
    for (let t = Math.max(a, b - ending); t < b; t++) sum += energy[t]!;
    const endDb = toDb(sum / Math.max(1, Math.min(ending, b - a)));
    const drop = median - endDb;
    out.push({
      start: round3(s.start),
      end: round3(s.end),
      relativeDb: round1(median - speaker),
      endingDropDb: round1(drop),
      fading: drop > VOICE_THRESHOLDS.fadingDb,
    });
  }
  const fadingCount = out.filter((s) => s.fading).length;
  levels.release();
  return { fadingEndings: out.length ? round2(fadingCount / out.length) : null, fadingCount, sentences: out };
}

/** Speech segments handed to levelBins per call (see KERNEL_BLOCK_FRAMES). */
const LEVEL_SPANS_A_CALL = 8;

/**
 * The level bin of each frame of the spans (i32 [a, b) pairs) counted in `all`, and the bin at a given
 * rank among the frames of spans [first, end) (rankedBin): passes of their own for the optimiser.
 */
function levelBins(
  energy: Float32Array,
  spans: Int32Array,
): { all: LevelHistogram; rankedBin(first: number, end: number, rank: number): number; release(): void } {
  // WebAssembly kernels (wasm/audio-kernels.ts, levelBins and rankedBin): a logarithm per speech frame,
  // and a count of a sentence's bins for its median, where these loops in JavaScript ran interpreted.
  const n = energy.length;
  const { at, bytes } = layOut({
    energy: n * 4,
    spans: spans.length * 4,
    bins: n * 2,
    levels: LevelHistogram.BINS * 4,
    histogram: LevelHistogram.BINS * 4,
    table: LOG_TABLE_BYTES,
  });
  const kernels = instantiateKernels(bytes);
  const memory = kernels.memory.buffer;
  new Float32Array(memory, at.energy, n).set(energy);
  new Int32Array(memory, at.spans, spans.length).set(spans);
  kernels.fillLogTable(at.table);
  // A few spans a call (see KERNEL_BLOCK_FRAMES).
  const spanCount = spans.length / 2;
  for (let s = 0; s < spanCount; s += LEVEL_SPANS_A_CALL) {
    const count = Math.min(LEVEL_SPANS_A_CALL, spanCount - s);
    kernels.levelBins(at.energy, at.spans + s * 8, count, at.bins, at.levels, at.table);
  }
  return {
    all: LevelHistogram.of(new Uint32Array(memory, at.levels, LevelHistogram.BINS)),
    rankedBin: (first, end, rank) => kernels.rankedBin(at.bins, at.spans + first * 8, end - first, at.histogram, rank),
    release: () => releaseKernels(kernels),
  };
}

/** Measured syllables against the script's: did the speaker say the text as written? */
export interface TextCheck {
  scriptSyllables: number;
  measuredSyllables: number;
  /** (measured − script) / script, in percent. */
  differencePercent: number;
  /** More than 25 % apart: the words per minute, computed from the text, are not to be trusted. */
  departed: boolean;
}

/** The voice figures as `pitch analyze --json` gives them, next to the speech figures. */
export interface VoiceFigures {
  pitch: Intonation;
  syllables: number;
  syllablesPerSecond: number | null;
  articulationRate: number | null;
  textCheck: TextCheck | null;
  loudness: Loudness;
}

/** The speech analysis with the voice figures added, overall and in each split. */
export type SpeechWithVoice<T extends SpeechAnalysis = SpeechAnalysis> = Omit<T, 'splits'> &
  VoiceFigures & { splits: Array<SplitSpeech & SplitVoice> | null };

/** Merges a voice analysis into the speech analysis it was computed for. */
export function withVoice<T extends SpeechAnalysis>(
  speech: T,
  voice: VoiceAnalysis,
  options: Pick<AnalyzeOptions, 'scriptSyllables'> = {},
): SpeechWithVoice<T> {
  const script = options.scriptSyllables;
  const textCheck =
    typeof script === 'number' && Number.isFinite(script) && script > 0 && speech.speechSeconds >= 5
      ? {
          scriptSyllables: Math.round(script),
          measuredSyllables: voice.syllables,
          differencePercent: Math.round(((voice.syllables - script) / script) * 1000) / 10,
          departed: Math.abs(voice.syllables - script) / script > VOICE_THRESHOLDS.textDeparture,
        }
      : null;
  return {
    ...speech,
    pitch: voice.pitch,
    syllables: voice.syllables,
    syllablesPerSecond: voice.syllablesPerSecond,
    articulationRate: voice.articulationRate,
    textCheck,
    loudness: voice.loudness,
    splits: speech.splits?.map((s, i) => ({ ...s, ...voice.splits![i]! })) ?? null,
  };
}

/** When the advice changes, each documented in docs/voice.md. */
export const ADVICE_THRESHOLDS = {
  /**
   * Articulation above this (syllables a second, pauses excluded) is called fast: Parisian
   * conversation averages about 5.7 (344 a minute, Malécot, Johnston & Kizziar 1972), and a pitch
   * meant to be followed should not outrun conversation.
   */
  fastArticulation: 6.5,
  /** From this share of sentences with a fading ending on, the habit is worth working on. */
  fadingShare: 0.25,
} as const;

export type IntonationAdvice =
  | { kind: 'unknown' }
  | { kind: 'lively' }
  | { kind: 'monotone'; splits: number[]; stretches: Segment[] };
export type RhythmAdvice =
  | { kind: 'unknown' }
  | { kind: 'departed'; check: TextCheck }
  | { kind: 'fast' }
  | { kind: 'steady' };
export type LoudnessAdvice = { kind: 'unknown' } | { kind: 'fading' } | { kind: 'steady' };

/** One piece of advice for each of intonation, rhythm and loudness: what the summaries show. */
export function adviseVoice(
  a: Pick<VoiceFigures, 'pitch' | 'articulationRate' | 'textCheck' | 'loudness'> & {
    splits: ReadonlyArray<Partial<SplitVoice>> | null;
  },
): { intonation: IntonationAdvice; rhythm: RhythmAdvice; loudness: LoudnessAdvice } {
  const intonation: IntonationAdvice =
    a.pitch.medianHz === null
      ? { kind: 'unknown' }
      : a.pitch.monotoneStretches.length
        ? {
            kind: 'monotone',
            splits: (a.splits ?? []).flatMap((s, i) => ((s.monotoneSeconds ?? 0) > 0 ? [i + 1] : [])),
            stretches: a.pitch.monotoneStretches,
          }
        : { kind: 'lively' };
  const rhythm: RhythmAdvice =
    a.articulationRate === null
      ? { kind: 'unknown' }
      : a.textCheck?.departed
        ? { kind: 'departed', check: a.textCheck }
        : a.articulationRate > ADVICE_THRESHOLDS.fastArticulation
          ? { kind: 'fast' }
          : { kind: 'steady' };
  const loudness: LoudnessAdvice =
    a.loudness.fadingEndings === null
      ? { kind: 'unknown' }
      : a.loudness.fadingEndings >= ADVICE_THRESHOLDS.fadingShare
        ? { kind: 'fading' }
        : { kind: 'steady' };
  return { intonation, rhythm, loudness };
}
