/**
 * Pace and pause figures from speech segments: pure arithmetic over plain data, no audio involved.
 * The JSON contract of `pitch analyze --json` is SpeechAnalysis (see docs in the report / issue 6).
 */
import { PACE_BAND } from '../pitch/words.js';
import type { Segment } from './vad.js';
import type { RoomEstimate } from './room.js';

/** Pauses are gaps between speech segments of at least this long (seconds). */
export const MIN_PAUSE_SECONDS = 0.3;
/** The pause classes we count: noticeable, long, very long. */
export const PAUSE_CLASSES = { atLeast300ms: 0.3, atLeast1s: 1, atLeast2500ms: 2.5 } as const;

export type PauseCounts = { [K in keyof typeof PAUSE_CLASSES]: number };
export type PaceVerdict = 'slow' | 'good' | 'fast';

export interface AnalyzeOptions {
  /** Words of the script said in the recording (a section's word count). */
  scriptWords?: number | null | undefined;
  /** Seconds from the start of the recording to the end of each split (same clock as the WAV). */
  splitEnds?: readonly number[] | null | undefined;
  /** Words of each split's script, same order as splitEnds. */
  splitWords?: readonly number[] | null | undefined;
  /** Titles of the splits, for display only. */
  splitTitles?: readonly string[] | null | undefined;
  /** Seconds into the recording when the first split started (the rehearsal clock's zero); default 0. */
  clockStart?: number | undefined;
  /** Syllables of the script (src/pitch/syllables.ts), to check the measured syllables against. */
  scriptSyllables?: number | null | undefined;
  /** The pace band the verdict is given against; default the French 120–160 words a minute. */
  paceBand?: { min: number; max: number } | undefined;
}

export interface SplitSpeech {
  index: number;
  title: string | null;
  start: number;
  end: number;
  durationSeconds: number;
  speechSeconds: number;
  speechRatio: number;
  /** Pauses that START in this split (a pause across a split key press counts once, where it began). */
  pauseCounts: PauseCounts;
  longestPauseSeconds: number;
  words: number | null;
  /** Words over the split's duration: the pace a listener hears. */
  wordsPerMinute: number | null;
  /** Words over the split's speaking time: how fast the words themselves come. */
  speakingWordsPerMinute: number | null;
  verdict: PaceVerdict | null;
}

/** Everything `pitch analyze` reports. Times in seconds from the start of the file. */
export interface SpeechAnalysis {
  durationSeconds: number;
  speechSeconds: number;
  segments: Segment[];
  /** Gaps between speech segments of at least 0.3 s (never the silence before the first or after the last word). */
  pauses: Segment[];
  longestPauseSeconds: number;
  /**
   * Overall pace: script words over the spoken span (first word to last word, pauses included), per
   * minute. null without a script or without speech. The silence before the first word (a countdown,
   * reaching for the key) does not slow it down.
   */
  wordsPerMinute: number | null;
  splits: SplitSpeech[] | null;
  speechRatio: number;
  pauseCounts: PauseCounts;
  /** Script words over speaking time (pauses excluded). */
  speakingWordsPerMinute: number | null;
  verdict: PaceVerdict | null;
  paceBand: { min: number; max: number };
  words: number | null;
  /** First word to last word, or null when nothing was said. */
  spokenSpan: Segment | null;
  /** Pace of each split in order, when splits are given: where the speaker sped up or slowed down. */
  paceOverTime: Array<{ start: number; end: number; wordsPerMinute: number | null }> | null;
  noSpeech: boolean;
  /** The room as the detector measured it (reverberation, background, voices), null for known segments. */
  room: RoomEstimate | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Words per minute, or null when there is nothing to divide by. */
function pace(words: number | null, seconds: number): number | null {
  return words !== null && seconds > 0.5 ? round1((words / seconds) * 60) : null;
}

function verdictOf(wpm: number | null, band: { min: number; max: number }): PaceVerdict | null {
  if (wpm === null) return null;
  return wpm < band.min ? 'slow' : wpm > band.max ? 'fast' : 'good';
}

function countPauses(pauses: readonly Segment[]): PauseCounts {
  const counts = { atLeast300ms: 0, atLeast1s: 0, atLeast2500ms: 0 };
  for (const p of pauses) {
    const d = p.end - p.start + 1e-9;
    for (const key of Object.keys(PAUSE_CLASSES) as Array<keyof typeof PAUSE_CLASSES>)
      if (d >= PAUSE_CLASSES[key]) counts[key]++;
  }
  return counts;
}

const validCount = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;

/** Seconds of speech within [from, to). */
function speechWithin(segments: readonly Segment[], from: number, to: number): number {
  let total = 0;
  for (const s of segments) total += Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
  return total;
}

/**
 * The figures for a recording whose speech segments are known. Segments must be sorted and disjoint
 * (what the detector returns); they are clipped to [0, durationSeconds].
 */
export function analyzeSegments(
  input: { durationSeconds: number; segments: readonly Segment[]; room?: RoomEstimate | undefined },
  options: AnalyzeOptions = {},
): SpeechAnalysis {
  const duration = Math.max(0, Number.isFinite(input.durationSeconds) ? input.durationSeconds : 0);
  const band = options.paceBand ?? PACE_BAND;
  const segments = input.segments
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(duration, s.end) }))
    .filter((s) => s.end > s.start);
  const pauses: Segment[] = [];
  for (let i = 1; i < segments.length; i++) {
    const gap = { start: segments[i - 1]!.end, end: segments[i]!.start };
    if (gap.end - gap.start + 1e-9 >= MIN_PAUSE_SECONDS) pauses.push(gap);
  }
  const speech = segments.reduce((sum, s) => sum + s.end - s.start, 0);
  const spokenSpan = segments.length ? { start: segments[0]!.start, end: segments[segments.length - 1]!.end } : null;
  const words = validCount(options.scriptWords);
  const wordsPerMinute = spokenSpan ? pace(words, spokenSpan.end - spokenSpan.start) : null;
  const splits = analyzeSplits(segments, pauses, duration, options, band);
  return {
    room: input.room ?? null,
    durationSeconds: round3(duration),
    speechSeconds: round3(speech),
    segments: segments.map((s) => ({ start: round3(s.start), end: round3(s.end) })),
    pauses: pauses.map((p) => ({ start: round3(p.start), end: round3(p.end) })),
    longestPauseSeconds: round3(Math.max(0, ...pauses.map((p) => p.end - p.start))),
    wordsPerMinute,
    splits,
    speechRatio: duration > 0 ? round3(speech / duration) : 0,
    pauseCounts: countPauses(pauses),
    speakingWordsPerMinute: pace(words, speech),
    verdict: verdictOf(wordsPerMinute, band),
    paceBand: { min: band.min, max: band.max },
    words,
    spokenSpan: spokenSpan && { start: round3(spokenSpan.start), end: round3(spokenSpan.end) },
    paceOverTime: splits && splits.map((s) => ({ start: s.start, end: s.end, wordsPerMinute: s.wordsPerMinute })),
    noSpeech: segments.length === 0,
  };
}

function analyzeSplits(
  segments: readonly Segment[],
  pauses: readonly Segment[],
  duration: number,
  options: AnalyzeOptions,
  band: { min: number; max: number },
): SplitSpeech[] | null {
  const ends = options.splitEnds;
  if (!ends || ends.length === 0) return null;
  const clamp = (x: number) => Math.min(duration, Math.max(0, Number.isFinite(x) ? x : 0));
  let previous = clamp(options.clockStart ?? 0);
  return ends.map((rawEnd, index) => {
    const start = previous;
    // A split that ends before the previous one (a skipped split, a clock hiccup) lasts zero seconds.
    const end = Math.max(start, clamp(rawEnd));
    previous = end;
    const durationSeconds = end - start;
    const speechSeconds = speechWithin(segments, start, end);
    const own = pauses.filter((p) => p.start >= start && p.start < end);
    const words = validCount(options.splitWords?.[index]);
    // No speech heard in a split (a muted microphone) gives no pace rather than an absurd one.
    const wordsPerMinute = speechSeconds > 0 ? pace(words, durationSeconds) : null;
    return {
      index,
      title: options.splitTitles?.[index] ?? null,
      start: round3(start),
      end: round3(end),
      durationSeconds: round3(durationSeconds),
      speechSeconds: round3(speechSeconds),
      speechRatio: durationSeconds > 0 ? round3(speechSeconds / durationSeconds) : 0,
      pauseCounts: countPauses(own),
      longestPauseSeconds: round3(Math.max(0, ...own.map((p) => p.end - p.start))),
      words,
      wordsPerMinute,
      speakingWordsPerMinute: pace(words, speechSeconds),
      verdict: verdictOf(wordsPerMinute, band),
    };
  });
}

/** The figures worth keeping in history for the stats (no segment lists: history stays small). */
export interface SpeechSummary {
  durationSeconds: number;
  speechSeconds: number;
  speechRatio: number;
  pauseCounts: PauseCounts;
  longestPauseSeconds: number;
  wordsPerMinute: number | null;
  speakingWordsPerMinute: number | null;
  verdict: PaceVerdict | null;
  splits: Array<{
    speechSeconds: number;
    wordsPerMinute: number | null;
    pauses: number;
    longestPauseSeconds: number;
    rangeSemitones?: number | null;
    syllablesPerSecond?: number | null;
  }> | null;
  /** Voice figures (issue 20); absent from attempts recorded before them. */
  medianHz?: number | null;
  rangeSemitones?: number | null;
  monotoneSeconds?: number;
  syllablesPerSecond?: number | null;
  articulationRate?: number | null;
  fadingEndings?: number | null;
}

/** What summarizeSpeech reads of the voice figures, when the analysis has them (see voice.ts). */
interface VoiceFields {
  pitch?: { medianHz: number | null; rangeSemitones: number | null; monotoneSeconds: number };
  syllablesPerSecond?: number | null;
  articulationRate?: number | null;
  loudness?: { fadingEndings: number | null };
  splits: Array<SplitSpeech & { rangeSemitones?: number | null; syllablesPerSecond?: number | null }> | null;
}

export function summarizeSpeech(a: SpeechAnalysis & Partial<VoiceFields>): SpeechSummary {
  const voice = a.pitch
    ? {
        medianHz: a.pitch.medianHz,
        rangeSemitones: a.pitch.rangeSemitones,
        monotoneSeconds: a.pitch.monotoneSeconds,
        syllablesPerSecond: a.syllablesPerSecond ?? null,
        articulationRate: a.articulationRate ?? null,
        fadingEndings: a.loudness?.fadingEndings ?? null,
      }
    : {};
  return {
    durationSeconds: a.durationSeconds,
    speechSeconds: a.speechSeconds,
    speechRatio: a.speechRatio,
    pauseCounts: { ...a.pauseCounts },
    longestPauseSeconds: a.longestPauseSeconds,
    wordsPerMinute: a.wordsPerMinute,
    speakingWordsPerMinute: a.speakingWordsPerMinute,
    verdict: a.verdict,
    splits:
      a.splits?.map((s) => ({
        speechSeconds: s.speechSeconds,
        wordsPerMinute: s.wordsPerMinute,
        pauses: s.pauseCounts.atLeast300ms,
        longestPauseSeconds: s.longestPauseSeconds,
        ...('rangeSemitones' in s ? { rangeSemitones: (s.rangeSemitones as number | null | undefined) ?? null } : {}),
        ...('syllablesPerSecond' in s
          ? { syllablesPerSecond: (s.syllablesPerSecond as number | null | undefined) ?? null }
          : {}),
      })) ?? null,
    ...voice,
  };
}
