/**
 * The streaming front of the analysis: mono samples at any rate in, speech segments out.
 * per-frame features at the recording's own rate → (at the end, over the whole file) VAD → smoothing.
 */
import { createFeatureExtractor, voiceBand } from './features.js';
import { createPitchTracker } from './pitch-track.js';
import type { SpeechWithVoice, VoiceAnalysis, VoiceTracks } from './voice.js';
import { analyzeVoice, withVoice } from './voice.js';
import type { Segment, SmoothingParams, VadParams } from './vad.js';
import { DEFAULT_SMOOTHING, DEFAULT_VAD, detectSpeechFrames, framesToSegments, smoothSegments } from './vad.js';
import type { AnalyzeOptions } from './metrics.js';
import { analyzeSegments } from './metrics.js';
import { adaptToRoom, type RoomEstimate } from './room.js';

export interface Detection {
  durationSeconds: number;
  /** Speech, smoothed: gaps under 0.2 s merged, blips dropped. Times in seconds from the start. */
  segments: Segment[];
  /** Share of samples at full scale: above ~0.1 % the recording level was too high. */
  clippedFraction: number;
  /** Highest absolute sample, 0 … 1. */
  peak: number;
  /** Reverberation, background level and voices, as measured; what the detection was corrected for. */
  room: RoomEstimate;
  /** F0 and band energy over time, for the intonation, rhythm and loudness figures. */
  voice: VoiceTracks;
}

export interface SpeechDetector {
  /** Mono samples in [-1, 1] at the detector's input rate, in order, in chunks of any size. */
  push(samples: Float32Array): void;
  /** The same, as 16-bit little-endian mono PCM bytes. */
  pushPcm16(bytes: Uint8Array): void;
  finish(): Detection;
}

export interface DetectorOptions {
  vad?: Partial<VadParams>;
  smoothing?: Partial<SmoothingParams>;
}

/** A detection without the F0 track: what the band analysis alone gives. */
export type BandDetection = Omit<Detection, 'voice'> & { energy: Float32Array };

export interface BandDetector {
  /** Mono samples in [-1, 1] at the detector's input rate, in order, in chunks of any size. */
  push(samples: Float32Array): void;
  /** The same, as 16-bit little-endian mono PCM bytes. */
  pushPcm16(bytes: Uint8Array): void;
  finish(): BandDetection;
}

/**
 * The speech detector's band analysis, handing the voice band (at `voiceBand(sampleRate).rate`) to
 * `onVoiceBand` for an F0 tracker. The chunk is reused: consume or copy it before returning.
 */
export function createBandDetector(
  sampleRate: number,
  options: DetectorOptions,
  onVoiceBand: (samples: Float32Array) => void,
  expectedSamples = 0,
): BandDetector {
  const features = createFeatureExtractor(sampleRate, onVoiceBand, expectedSamples);
  return {
    push: (chunk) => features.push(chunk),
    pushPcm16: (bytes) => features.pushPcm16(bytes),
    finish() {
      const f = features.finish();
      const { samples, clipped, peak } = f;
      const detected = detectSpeechFrames(f, { ...DEFAULT_VAD, ...options.vad });
      const { speech, room } = adaptToRoom(f, detected);
      const durationSeconds = samples / sampleRate;
      const segments = smoothSegments(framesToSegments(speech), { ...DEFAULT_SMOOTHING, ...options.smoothing }).map(
        (s) => ({
          start: s.start,
          end: Math.min(s.end, durationSeconds),
        }),
      );
      // Voice energy without the hiss band: syllable peaks and sentence levels follow the vowels.
      const energy = f.vocal;
      return { durationSeconds, segments, clippedFraction: samples ? clipped / samples : 0, peak, room, energy };
    },
  };
}

/** The detector with its F0 tracker in the same thread. */
export function createSpeechDetector(
  sampleRate: number,
  options: DetectorOptions = {},
  expectedSamples = 0,
): SpeechDetector {
  const pitch = createPitchTracker(voiceBand(sampleRate).rate);
  const bands = createBandDetector(sampleRate, options, (band) => pitch.push(band), expectedSamples);
  return {
    push: (chunk) => bands.push(chunk),
    pushPcm16: (bytes) => bands.pushPcm16(bytes),
    finish() {
      const { energy, ...detection } = bands.finish();
      return { ...detection, voice: { pitch: pitch.finish(), energy } };
    },
  };
}

/**
 * The whole analysis over samples already in memory or arriving in chunks (any rate, mono, [-1, 1]):
 * detection, then the figures. Pure: no file, no clock.
 */
export function analyzeSamples(
  chunks: Iterable<Float32Array>,
  sampleRate: number,
  options: AnalyzeOptions = {},
): SpeechWithVoice & Pick<Detection, 'clippedFraction' | 'peak'> & { voice: VoiceAnalysis } {
  const detector = createSpeechDetector(sampleRate);
  for (const chunk of chunks) detector.push(chunk);
  const detection = detector.finish();
  const speech = analyzeSegments(detection, options);
  const voice = analyzeVoice(detection.voice, speech.segments, speech.splits);
  return {
    ...withVoice(speech, voice, options),
    clippedFraction: detection.clippedFraction,
    peak: detection.peak,
    voice,
  };
}
