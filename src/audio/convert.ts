/**
 * Other formats (MP3, M4A, OGG, WebM, compressed WAV…) through ffmpeg, streamed: ffmpeg decodes to
 * 16 kHz mono 16-bit on its stdout and we analyse the stream as it comes, in bounded memory.
 */
import { spawn } from 'node:child_process';
import { usageError } from '../core/errors.js';
import { lastErrorLine } from './tools.js';

/** The rate ffmpeg decodes to: ample for speech, and the least work for the analysis. */
export const DECODE_RATE = 16_000;

/** Decodes `file` with ffmpeg, handing mono 16 kHz chunks to `sink`. Resolves when ffmpeg is done. */
export function decodeWithFfmpeg(ffmpeg: string, file: string, sink: (mono: Float32Array) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      ffmpeg,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostdin',
        '-i',
        file,
        '-vn',
        '-ac',
        '1',
        '-ar',
        String(DECODE_RATE),
        '-f',
        's16le',
        '-acodec',
        'pcm_s16le',
        '-',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let carry: Buffer | null = null;
    let stderr = '';
    let samples = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const whole = bytes.length - (bytes.length % 2);
      carry = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : null;
      const mono = new Float32Array(whole / 2);
      for (let i = 0; i < mono.length; i++) mono[i] = bytes.readInt16LE(i * 2) / 32768;
      samples += mono.length;
      if (mono.length) sink(mono);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 10_000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) =>
      reject(usageError('audio.ffmpegFailed', { file, reason: error.message }, 'audio.notAudioHint')),
    );
    child.on('close', (code) => {
      // ffmpeg prefixes its message with the file name, which our sentence already gives.
      const reason = (lastErrorLine(stderr).split(`${file}: `).pop() ?? '').replace(/\.$/, '') || `exit ${code}`;
      if (code !== 0) reject(usageError('audio.ffmpegFailed', { file, reason }, 'audio.notAudioHint'));
      else if (samples === 0) reject(usageError('audio.noData', { file }, 'audio.reRecordHint'));
      else resolve();
    });
  });
}
