import { randomBytes } from 'node:crypto';
import type { StoreFs } from './fs.js';
import { errnoOf } from './fs-errors.js';
import { appendDurably } from './safe-write.js';

/** Version of the event format, written into every line as "v". */
export const EVENT_VERSION = 1;
/** A single line longer than this is damaged (no event comes near it: a rehearsal with a recording is ~2 KiB). */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/** The first line of every log: its identity (snapshots name the log they were computed from). */
export interface LogHeader {
  v: number;
  type: 'log';
  id: string;
  created: string;
  /** Set when the log was made by migrating a JSON document of pitch 0.1. */
  migratedFrom?: { file: string; size: number; mtimeMs: number };
}

export function newHeader(now: Date, migratedFrom?: LogHeader['migratedFrom']): LogHeader {
  return {
    v: EVENT_VERSION,
    type: 'log',
    id: randomBytes(8).toString('hex'),
    created: now.toISOString(),
    ...(migratedFrom ? { migratedFrom } : {}),
  };
}

/** What a scan found besides the events: the end of the last whole line, a torn tail, damaged lines. */
export interface ScanResult {
  /** Byte offset just after the last complete line read. */
  end: number;
  /** Bytes after the last line break (a write cut short by a crash), or null. */
  torn: { start: number; bytes: Buffer } | null;
  header: LogHeader | null;
}

/**
 * Reads the complete lines of a JSON Lines file from byte offset `from`, in chunks (never the whole
 * file as one string), handing each line's text and start offset to `onLine`. Returns null when the
 * file does not exist.
 */
export function scanLines(
  fs: StoreFs,
  file: string,
  from: number,
  onLine: (text: string, start: number) => void,
): ScanResult | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
  let header: LogHeader | null = null;
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0; // bytes in buffer
    let bufferStart = from; // file offset of buffer[0]
    let position = from;
    for (;;) {
      if (filled === buffer.length) {
        if (buffer.length >= MAX_LINE_BYTES * 2) {
          // One enormous line: hand it on as damaged text rather than growing without bound.
          onLine('\u0000 line too long', bufferStart);
          bufferStart += filled;
          filled = 0;
        } else {
          const bigger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(bigger, 0, 0, filled);
          buffer = bigger;
        }
      }
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, position);
      position += n;
      const total = filled + n;
      let lineStart = 0;
      for (;;) {
        const nl = buffer.indexOf(NEWLINE, lineStart);
        if (nl < 0 || nl >= total) break;
        const text = buffer.toString('utf8', lineStart, nl);
        const start = bufferStart + lineStart;
        if (start === 0 && text.includes('"type":"log"')) header = parseHeader(text);
        else if (text.length) onLine(text, start);
        lineStart = nl + 1;
      }
      // Keep the unfinished line at the front of the buffer.
      buffer.copy(buffer, 0, lineStart, total);
      bufferStart += lineStart;
      filled = total - lineStart;
      if (n === 0) {
        const torn = filled > 0 ? { start: bufferStart, bytes: Buffer.from(buffer.subarray(0, filled)) } : null;
        return { end: bufferStart, torn, header };
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function parseHeader(text: string): LogHeader | null {
  try {
    const h = JSON.parse(text) as LogHeader;
    return h && h.type === 'log' && typeof h.id === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Reads the header (first line) only. */
export function readHeader(fs: StoreFs, file: string): LogHeader | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const nl = buffer.subarray(0, n).indexOf(NEWLINE);
    return nl < 0 ? null : parseHeader(buffer.toString('utf8', 0, nl));
  } finally {
    fs.closeSync(fd);
  }
}

/** Appends events, one JSON line each, in one durable write (safe-write.ts appendDurably). */
export function appendEvents(fs: StoreFs, file: string, events: readonly object[], header?: LogHeader): void {
  const lines = events.map((e) => JSON.stringify(e));
  if (header) lines.unshift(JSON.stringify(header));
  appendDurably(fs, file, Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
}

/** Size of a file in bytes, -1 when it does not exist. */
export function sizeOf(fs: StoreFs, file: string): number {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return -1;
    throw error;
  }
}
