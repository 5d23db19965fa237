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
  /** Fills `buffer` from `position` (fewer bytes only at the end); returns how many were read. */
  readInto(position: number, buffer: Uint8Array): number;
  close(): void;
}

/** Opens a file for reading, with the usual one-sentence errors (missing, directory, unreadable, not a regular file). */
export function openFileSource(path: string): FileSource {
  // Regular files only: a FIFO would hang, /dev/zero would never end. Read in chunks, so no size cap.
  const { fd, size } = openRegularFile(path, 'audio.fileHint');
  const readInto = (position: number, buffer: Uint8Array) => {
    const want = Math.max(0, Math.min(buffer.length, size - position));
    let got = 0;
    while (got < want) {
      const n = readSync(fd, buffer, got, want - got, position + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  };
  return {
    size,
    read(position, length) {
      const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
      const got = readInto(position, buffer);
      return got === buffer.length ? buffer : buffer.subarray(0, got);
    },
    readInto,
    close: () => closeSync(fd),
  };
}

/**
 * Decodes the data chunk in order, handing mono chunks to `sink` (the chunk is reused: consume it
 * before returning). Memory stays at one chunk whatever the file's length.
 */
export function streamWavData(
  source: ByteSource | FileSource,
  format: WavFormat,
  sink: (mono: Float32Array) => void,
): void {
  let scratch: Float32Array | null = null;
  streamWavBytes(source, format, (bytes) => {
    scratch ??= new Float32Array(Math.floor(CHUNK_BYTES / format.blockAlign) + 1);
    sink(decodeFrames(bytes, format, scratch));
  });
}

/** The data chunk's bytes in order, whole sample frames at a time (the chunk is reused). */
export function streamWavBytes(
  source: ByteSource | FileSource,
  format: WavFormat,
  sink: (bytes: Uint8Array) => void,
): void {
  const chunkBytes = Math.max(format.blockAlign, CHUNK_BYTES - (CHUNK_BYTES % format.blockAlign));
  // One buffer for every read when the source can fill it: no garbage per chunk.
  const reused = 'readInto' in source ? new Uint8Array(chunkBytes) : null;
  for (let done = 0; done < format.dataBytes; ) {
    const want = Math.min(chunkBytes, format.dataBytes - done);
    const bytes =
      reused && 'readInto' in source
        ? reused.subarray(0, source.readInto(format.dataOffset + done, reused.subarray(0, want)))
        : source.read(format.dataOffset + done, want);
    const whole = bytes.length - (bytes.length % format.blockAlign);
    if (whole === 0) break; // the file shrank under us: analyse what was there
    sink(bytes.subarray(0, whole));
    done += whole;
  }
}
