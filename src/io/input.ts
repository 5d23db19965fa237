import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { MessageKey } from '../i18n/index.js';
import { usageError } from '../core/errors.js';

/** A pitch larger than this is refused: nobody writes a 1 MiB pitch by hand. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** A question pack larger than this is refused: the biggest bundled pack is under 100 KiB. */
export const MAX_PACK_BYTES = 4 * 1024 * 1024;

/** `--file -` and `--file /dev/stdin`: the text comes down a pipe. */
export function isStdinPath(path: string): boolean {
  return path === '-' || path === '/dev/stdin' || path === '/dev/fd/0' || path === '/proc/self/fd/0';
}

/**
 * Opens a file the user named for reading, and only if it is a regular file: a directory, a named pipe,
 * a device (/dev/zero, /dev/urandom, a symlink to one), a socket is refused at once with a sentence.
 * O_NONBLOCK so that opening a FIFO never waits for a writer (it has no effect on regular files).
 * Every errno a user can cause gets its own sentence naming the file; `hint` follows it.
 */
export function openRegularFile(path: string, hint: MessageKey): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw describeOpenError(error, path, hint);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw usageError('input.directory', { file: path }, hint);
    if (!stat.isFile()) throw usageError(notRegularKey(stat), { file: path }, hint);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The usage error for a file that could not be opened, or the error itself when no sentence fits. */
export function describeOpenError(error: unknown, path: string, hint: MessageKey): unknown {
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return usageError('input.missing', { file: path }, hint);
  if (code === 'EACCES' || code === 'EPERM') return usageError('input.unreadable', { file: path }, hint);
  if (code === 'EISDIR') return usageError('input.directory', { file: path }, hint);
  if (code === 'ELOOP') return usageError('input.loop', { file: path }, hint);
  if (code === 'ENAMETOOLONG') return usageError('input.nameTooLong', { file: shorten(path) }, hint);
  // A socket or a device without a driver behind it cannot even be opened.
  if (code === 'ENXIO' || code === 'ENODEV') return usageError('input.device', { file: path }, hint);
  return error;
}

function notRegularKey(stat: Stats): MessageKey {
  if (stat.isFIFO()) return 'input.fifo';
  if (stat.isSocket()) return 'input.socket';
  return 'input.device';
}

/** A name too long for the system is too long for a message too: its start and its end are enough. */
function shorten(path: string): string {
  return path.length <= 80 ? path : `${path.slice(0, 40)}…${path.slice(-30)}`;
}

/**
 * Reads a text file the user pointed us at (a pitch, a question pack), refusing what is not a reasonable
 * UTF-8 text file with a usage error that names it: missing, directory, not a regular file, empty, too
 * large, binary or not UTF-8. At most `maxBytes + 1` bytes are ever read, whatever the file claims.
 * `-` and `/dev/stdin` read standard input (a pipe), under the same cap.
 */
export function readTextInput(path: string, maxBytes = MAX_INPUT_BYTES): string {
  const bytes = isStdinPath(path) ? readStdin(path, maxBytes) : readRegularFile(path, maxBytes);
  // "- is empty" would puzzle anyone: standard input is named as such.
  if (path === '-') path = 'stdin';
  if (bytes.length > maxBytes)
    throw usageError('input.tooLarge', { file: path, max: Math.round(maxBytes / 1024) }, 'input.textHint');
  if (bytes.length === 0 || !/\S/u.test(bytes.toString('utf8')))
    throw usageError('input.empty', { file: path }, 'input.textHint');
  if (bytes.includes(0)) throw usageError('input.binary', { file: path }, 'input.textHint');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usageError('input.notUtf8', { file: path }, 'input.utf8Hint');
  }
}

function readRegularFile(path: string, maxBytes: number): Buffer {
  const { fd, size } = openRegularFile(path, 'input.hint');
  try {
    if (size > maxBytes)
      throw usageError('input.tooLarge', { file: path, max: Math.round(maxBytes / 1024) }, 'input.textHint');
    return readUpTo(fd, maxBytes + 1, true);
  } finally {
    closeSync(fd);
  }
}

/** Standard input, when it is a pipe or a file: never a terminal, where nobody would know to type the pitch. */
function readStdin(path: string, maxBytes: number): Buffer {
  const stat = fstatSync(0);
  if (stat.isCharacterDevice()) throw usageError('input.stdinTerminal', { file: path }, 'input.stdinHint');
  return readUpTo(0, maxBytes + 1, stat.isFile());
}

/** Up to `limit` bytes from `fd` until end of file; a pipe without data yet (EAGAIN) is waited for. */
function readUpTo(fd: number, limit: number, positioned: boolean): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total < limit) {
    const buffer = Buffer.alloc(Math.min(64 * 1024, limit - total));
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, positioned ? total : null);
    } catch (error) {
      if (errnoOf(error) === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (errnoOf(error) === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null ? (error as { code?: string }).code : undefined;
}

export function isErrno(error: unknown, code: string): boolean {
  return errnoOf(error) === code;
}
