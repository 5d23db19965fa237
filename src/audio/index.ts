/**
 * The voice features' public API, for `pitch rehearse --record` and `pitch analyze`:
 * record (recorder.ts), analyse a file (analyze-file.ts), or measure known segments (metrics.ts).
 */
export type { RecorderInfo, RecorderKind, Recording, RecordingResult, StartOptions } from './recorder.js';
export {
  detectRecorder,
  probeRecorder,
  recordingSeconds,
  repairWavHeader,
  requireRecorder,
  startRecording,
  stopOnExit,
} from './recorder.js';
export type { AudioSourceInfo, RecordingAnalysis } from './analyze-file.js';
export { analyzeAudioFile } from './analyze-file.js';
export type {
  AnalyzeOptions,
  PaceVerdict,
  PauseCounts,
  SpeechAnalysis,
  SpeechSummary,
  SplitSpeech,
} from './metrics.js';
export { analyzeSegments, summarizeSpeech, MIN_PAUSE_SECONDS, PAUSE_CLASSES } from './metrics.js';
export { analyzeSamples, createSpeechDetector } from './detect.js';
export type { Detection, SpeechDetector } from './detect.js';
export type { Segment } from './vad.js';
