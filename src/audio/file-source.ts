/**
 * Reading audio files from disk in bounded memory: a random-access byte source over a file descriptor
 * and a loop that decodes the WAV data chunk by chunk. The only place src/audio touches the file system
 * for reading.
 */
import { closeSync, readSync } from 'node:fs';
import { openRegularFile } from '../io/input.js';
import type { ByteSource, WavFormat } from './wav.js';
import { decodeFrames } from './wav.js';

/** Bytes read per step: large enough to amortise syscalls, small enough to keep RSS flat. */
const CHUNK_BYTES = 1 << 18;

export interface FileSource extends ByteSource {
  close(): void;
}

/** Opens a file for reading, with the usual one-sentence errors (missing, directory, unreadable, not a regular file). */
export function openFileSource(path: string): FileSource {
  // Regular files only: a FIFO would hang, /dev/zero would never end. Read in chunks, so no size cap.
  const { fd, size } = openRegularFile(path, 'audio.fileHint');
  return {
    size,
    read(position, length) {
      const want = Math.max(0, Math.min(length, size - position));
      const buffer = new Uint8Array(want);
      let got = 0;
      while (got < want) {
        const n = readSync(fd, buffer, got, want - got, position + got);
        if (n === 0) break;
        got += n;
      }
      return got === want ? buffer : buffer.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

/**
 * Decodes the data chunk in order, handing mono chunks to `sink` (the chunk is reused: consume it
 * before returning). Memory stays at one chunk whatever the file's length.
 */
export function streamWavData(source: ByteSource, format: WavFormat, sink: (mono: Float32Array) => void): void {
  const chunkBytes = Math.max(format.blockAlign, CHUNK_BYTES - (CHUNK_BYTES % format.blockAlign));
  const scratch = new Float32Array(chunkBytes / format.blockAlign);
  for (let done = 0; done < format.dataBytes; ) {
    const bytes = source.read(format.dataOffset + done, Math.min(chunkBytes, format.dataBytes - done));
    const whole = bytes.length - (bytes.length % format.blockAlign);
    if (whole === 0) break; // the file shrank under us: analyse what was there
    sink(decodeFrames(bytes.subarray(0, whole), format, scratch));
    done += whole;
  }
}
