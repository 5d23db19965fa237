import type { RecordingAnalysis } from '../audio/analyze-file.js';
import type { AnalyzeOptions } from '../audio/metrics.js';
import { summarizeSpeech, type SpeechSummary } from '../audio/metrics.js';

/** A recording in progress, as a runner sees it. */
export interface ActiveTake {
  /** The file it writes, relative to the data directory (recordings/…). */
  readonly file: string;
  /**
   * Stops the recorder (idempotent) and returns how to place a moment of the runner's monotonic clock
   * on the recording's time line, in seconds from the start of the file.
   */
  stop(): Promise<{ secondsAt(clockMs: number): number }>;
}

/** The microphone and the analysis of what it recorded; the shell wires sox/arecord/ffmpeg. */
export interface RecorderPort {
  /** Starts recording into `file` (relative to the data directory); stopped for sure if pitch exits. */
  start(file: string): Promise<ActiveTake>;
  analyse(file: string, options: AnalyzeOptions): Promise<RecordingAnalysis>;
  /** Deletes a recording nobody will keep (a discarded attempt). */
  remove(file: string): void;
}

/** What a take gave: its figures, or the failure that left only the file (`pitch analyze` can retry). */
export type TakeResult =
  | { file: string; analysis: RecordingAnalysis; summary: SpeechSummary }
  | { file: string; error: unknown };

/**
 * The one record-and-analyse step of the rehearsal and the interview: stop the take, then measure it.
 * The file is kept whatever the analysis says.
 */
export async function stopAndAnalyse(
  recorder: RecorderPort,
  take: ActiveTake,
  options: AnalyzeOptions = {},
): Promise<TakeResult> {
  await take.stop();
  try {
    const analysis = await recorder.analyse(take.file, options);
    return { file: take.file, analysis, summary: summarizeSpeech(analysis) };
  } catch (error) {
    return { file: take.file, error };
  }
}
