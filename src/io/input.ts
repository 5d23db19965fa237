import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { usageError } from '../core/errors.js';

/** Pitch files and question packs larger than this are refused: nobody writes a 1 MiB pitch by hand. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/**
 * Reads a text file the user pointed us at (a pitch, a question pack), refusing what is not
 * a reasonable UTF-8 text file with a usage error that names it: missing, directory, empty,
 * too large, binary or not UTF-8.
 */
export function readTextInput(path: string, maxBytes = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    if (statSync(path).isDirectory()) throw usageError('input.directory', { file: path }, 'input.hint');
    fd = openSync(path, 'r');
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR'))
      throw usageError('input.missing', { file: path }, 'input.hint');
    if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM'))
      throw usageError('input.unreadable', { file: path }, 'input.hint');
    if (isErrno(error, 'EISDIR')) throw usageError('input.directory', { file: path }, 'input.hint');
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes)
      throw usageError('input.tooLarge', { file: path, max: Math.round(maxBytes / 1024) }, 'input.textHint');
    const buffer = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.length === 0 || !/\S/u.test(bytes.toString('utf8')))
      throw usageError('input.empty', { file: path }, 'input.textHint');
    if (bytes.includes(0)) throw usageError('input.binary', { file: path }, 'input.textHint');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw usageError('input.notUtf8', { file: path }, 'input.utf8Hint');
    }
  } finally {
    closeSync(fd);
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}
