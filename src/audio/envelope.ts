/**
 * Summaries of a recording for drawing: the peak level of each of `buckets` equal slices (a pure,
 * streaming accumulator, so a three-hour file costs one chunk of memory; `readPeaks` feeds it from a
 * WAV on disk), and the F0 contour summarised the same way.
 */
import { openFileSource, streamWavData } from './file-source.js';
import { parseWavHeader } from './wav.js';
import { frameTime, smoothPitch, type PitchTrack } from './pitch-track.js';

export interface PeakAccumulator {
  push(mono: Float32Array): void;
  finish(): number[];
}

/** Peaks of `totalSamples` samples spread over `buckets` slices (fewer when the file is shorter). */
export function createPeakAccumulator(totalSamples: number, buckets: number): PeakAccumulator {
  const count = Math.max(1, Math.min(buckets, totalSamples));
  const perBucket = Math.max(1, totalSamples / count);
  const peaks = new Array<number>(count).fill(0);
  let at = 0;
  return {
    push(mono) {
      for (let i = 0; i < mono.length; i++, at++) {
        const k = Math.min(count - 1, Math.floor(at / perBucket));
        const v = Math.abs(mono[i]!);
        if (v > peaks[k]!) peaks[k] = v;
      }
    },
    finish: () => peaks.map((p) => Math.round(Math.min(1, p) * 1000) / 1000),
  };
}

/** The peak envelope of a WAV file and its duration. Throws the WAV reader's usage errors. */
export function readPeaks(path: string, buckets: number): { durationSeconds: number; peaks: number[] } {
  const source = openFileSource(path);
  try {
    const format = parseWavHeader(source, path);
    const frames = Math.floor(format.dataBytes / format.blockAlign);
    const acc = createPeakAccumulator(frames, buckets);
    streamWavData(source, format, (mono) => acc.push(mono));
    return { durationSeconds: frames / format.sampleRate, peaks: acc.finish() };
  } finally {
    source.close();
  }
}

/**
 * An F0 contour for drawing: the smoothed track (runs broken at jumps, as the voice figures use it)
 * summarised into `buckets` equal slices of `durationSeconds`, each the median of its voiced frames in
 * Hz, or null where nothing was voiced. Pure.
 */
export function pitchContour(track: PitchTrack, durationSeconds: number, buckets: number): Array<number | null> {
  const f0 = smoothPitch(track.f0);
  const count = Math.max(1, buckets);
  const slices: number[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k < f0.length; k++) {
    const hz = f0[k]!;
    if (!hz) continue;
    const at = frameTime(track, k);
    if (at < 0 || at >= durationSeconds) continue;
    slices[Math.min(count - 1, Math.floor((at / durationSeconds) * count))]!.push(hz);
  }
  return slices.map((values) => {
    if (!values.length) return null;
    values.sort((a, b) => a - b);
    return Math.round(values[Math.floor(values.length / 2)]! * 10) / 10;
  });
}
