/**
 * One call from a file on disk to the figures: WAV read in chunks (or any format through ffmpeg when
 * it is installed), speech detected, pace and pauses measured. Memory stays bounded by the chunk size
 * plus a few floats per 5 ms frame, whatever the file's length.
 */
import { PitchError, usageError } from '../core/errors.js';
import type { Detection } from './detect.js';
import { createSpeechDetector } from './detect.js';
import { type FileSource, openFileSource, streamWavBytes, streamWavData } from './file-source.js';
import type { AnalyzeOptions, SpeechAnalysis } from './metrics.js';
import { analyzeSegments } from './metrics.js';
import type { SpeechWithVoice, VoiceTracks } from './voice.js';
import { analyzeVoice, withVoice } from './voice.js';
import { findExecutable } from './tools.js';
import { looksLikeWav, parseWavHeader, type WavFormat } from './wav.js';

/** What was read, for display and for --json consumers who care. */
export interface AudioSourceInfo {
  /** 'wav' when read directly, 'ffmpeg' when decoded by ffmpeg. */
  reader: 'wav' | 'ffmpeg';
  sampleRate: number;
  channels: number | null;
  bitsPerSample: number | null;
  encoding: 'pcm' | 'float' | null;
  /** The WAV's size fields were wrong (a recording cut short) and the samples on disk were used. */
  sizeRepaired: boolean;
}

/** Speech and voice figures of a file: the JSON of `pitch analyze --json`. */
export type RecordingAnalysis = SpeechWithVoice & RecordingExtras;

export interface RecordingExtras {
  source: AudioSourceInfo;
  /** Share of samples at full scale; above 0.001 the input level was too high. */
  clippedFraction: number;
  /** Loudest sample in dB full scale, null for digital silence. */
  peakDbfs: number | null;
}

/**
 * Speech detection over a WAV's samples, F0 included. 16-bit mono PCM (what `pitch rehearse --record`
 * writes) goes to the kernel as bytes, decoded there; other layouts are decoded here first.
 */
function detectInWav(source: FileSource, format: WavFormat): Detection {
  const detector = createSpeechDetector(format.sampleRate, {}, format.dataBytes / format.blockAlign);
  if (format.encoding === 'pcm' && format.bitsPerSample === 16 && format.channels === 1)
    streamWavBytes(source, format, (bytes) => detector.pushPcm16(bytes));
  else streamWavData(source, format, (mono) => detector.push(mono));
  return detector.finish();
}

/** Errors that mean "our WAV reader cannot read this", for which ffmpeg may still succeed. */
const FFMPEG_CAN_TRY = new Set(['audio.notWav', 'audio.unsupportedEncoding', 'audio.unsupportedBits']);

/**
 * `onTracks`, when given, also receives the F0 and energy tracks the figures were computed from (the
 * report draws the F0 contour from them); the figures themselves never hold a track.
 */
export async function analyzeAudioFile(
  path: string,
  options: AnalyzeOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  onTracks?: (tracks: VoiceTracks) => void,
): Promise<RecordingAnalysis> {
  const source = openFileSource(path);
  let detection: Detection;
  let info: AudioSourceInfo;
  try {
    if (source.size === 0) throw usageError('audio.emptyFile', { file: path }, 'audio.reRecordHint');
    try {
      const format = parseWavHeader(source, path);
      detection = detectInWav(source, format);
      info = {
        reader: 'wav',
        sampleRate: format.sampleRate,
        channels: format.channels,
        bitsPerSample: format.bitsPerSample,
        encoding: format.encoding,
        sizeRepaired: format.sizeRepaired,
      };
    } catch (error) {
      if (!(error instanceof PitchError) || !FFMPEG_CAN_TRY.has(error.key)) throw error;
      const ffmpeg = findExecutable('ffmpeg', env);
      if (!ffmpeg) {
        const head = source.read(0, 12);
        throw looksLikeWav(head)
          ? error
          : usageError('audio.notWavNoFfmpeg', { file: path }, 'audio.installFfmpegHint');
      }
      // Loaded only here: a WAV, the usual case, never needs the child-process machinery.
      const { DECODE_RATE, decodeWithFfmpeg } = await import('./convert.js');
      const detector = createSpeechDetector(DECODE_RATE);
      await decodeWithFfmpeg(ffmpeg, path, (mono) => detector.push(mono));
      detection = detector.finish();
      info = {
        reader: 'ffmpeg',
        sampleRate: DECODE_RATE,
        channels: null,
        bitsPerSample: null,
        encoding: null,
        sizeRepaired: false,
      };
    }
  } finally {
    source.close();
  }
  onTracks?.(detection.voice);
  const speech: SpeechAnalysis = analyzeSegments(detection, options);
  const voice = analyzeVoice(detection.voice, speech.segments, speech.splits);
  return {
    ...withVoice(speech, voice, options),
    source: info,
    clippedFraction: Math.round(detection.clippedFraction * 1e6) / 1e6,
    peakDbfs: detection.peak > 0 ? Math.round(200 * Math.log10(detection.peak)) / 10 : null,
  };
}
