import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { failure, usageError } from '../core/errors.js';
import { isErrno } from './input.js';

/**
 * Writes one export file into a directory the user named (`pitch export --csv DIR`): the directory
 * is created when missing, an existing path that is not a directory is refused, and the file is
 * replaced atomically (temp file, fsync, rename), so a spreadsheet never opens half a file.
 * User data itself is written only by the store; this is a copy the user asked for.
 */
export function writeExport(dir: string, name: string, content: string): void {
  ensureDirectory(dir);
  const target = join(dir, name);
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      const bytes = Buffer.from(content, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    if (isErrno(error, 'EISDIR'))
      throw usageError('export.targetIsDirectory', { path: target }, 'export.targetIsDirectoryHint');
    throw writeError(error, dir);
  }
}

function ensureDirectory(dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw writeError(error, dir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (cause) {
      throw writeError(cause, dir);
    }
    return;
  }
  if (!isDirectory) throw usageError('export.notDirectory', { path: dir }, 'export.notDirectoryHint');
}

/** A system error as one sentence: bad places the user chose are usage errors, the rest failures. */
function writeError(error: unknown, path: string) {
  if (isErrno(error, 'ENOTDIR') || isErrno(error, 'EEXIST')) {
    return usageError('export.notDirectory', { path }, 'export.notDirectoryHint');
  }
  if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM') || isErrno(error, 'EROFS')) {
    return usageError('export.noPermission', { path }, 'export.cannotWriteHint');
  }
  const reason = (error as { code?: string; message?: string }).code ?? String((error as Error).message ?? error);
  return failure('export.cannotWrite', { path, reason }, 'export.cannotWriteHint');
}
