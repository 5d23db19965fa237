import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { failure, usageError } from '../core/errors.js';
import { realFs, type StoreFs } from './fs.js';
import { errnoOf } from './fs-errors.js';
import { removeStaleTemps, syncDirectory, writeFileDurably } from './safe-write.js';

/** The signals a user or a system sends to stop a command; SIGKILL cannot be deferred and needs none of this. */
const DEFERRED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Writes a set of export files into a directory the user named (`pitch export --csv DIR`) so that the
 * directory holds either the whole old set or the whole new one. Every file is first written durably
 * into a temp folder inside DIR (same file system, so renames are atomic); then, with SIGINT/SIGTERM/
 * SIGHUP held back for the few microseconds it takes, each file is renamed into place and the directory
 * fsynced; a held-back signal is delivered afterwards. A temp folder left by a killed export (SIGKILL,
 * power cut) is removed at the next export. User data itself is written by store.ts; this is a copy.
 */
export function writeExportSet(
  dir: string,
  files: ReadonlyArray<[name: string, content: string]>,
  fs: StoreFs = realFs,
) {
  ensureDirectory(fs, dir);
  removeStaleTemps(fs, dir);
  for (const [name] of files) {
    let isDirectory = false;
    try {
      isDirectory = fs.statSync(join(dir, name)).isDirectory();
    } catch {
      // absent: fine
    }
    if (isDirectory)
      throw usageError('export.targetIsDirectory', { path: join(dir, name) }, 'export.targetIsDirectoryHint');
  }
  const temp = join(dir, `.pitch-export.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(temp, { mode: 0o700 });
    for (const [name, content] of files) writeFileDurably(fs, join(temp, name), content, 0o644);
    syncDirectory(fs, temp);
    commitHoldingSignals(() => {
      for (const [name] of files) fs.renameSync(join(temp, name), join(dir, name));
      syncDirectory(fs, dir);
    });
  } catch (error) {
    throw writeError(error, dir);
  } finally {
    try {
      fs.rmSync(temp, { recursive: true, force: true });
    } catch {
      // removed at the next export (removeStaleTemps)
    }
  }
}

function commitHoldingSignals(commit: () => void): void {
  const held: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals) => held.push(signal);
  for (const signal of DEFERRED_SIGNALS) process.on(signal, hold);
  try {
    commit();
  } finally {
    for (const signal of DEFERRED_SIGNALS) process.off(signal, hold);
  }
  // Delivered again now that the set is whole: the command's own handlers (or the default) act on it.
  for (const signal of new Set(held)) process.kill(process.pid, signal);
}

function ensureDirectory(fs: StoreFs, dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = fs.statSync(dir).isDirectory();
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw writeError(error, dir);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (cause) {
      throw writeError(cause, dir);
    }
    return;
  }
  if (!isDirectory) throw usageError('export.notDirectory', { path: dir }, 'export.notDirectoryHint');
}

/** A system error as one sentence: bad places the user chose are usage errors, the rest failures. */
function writeError(error: unknown, path: string) {
  switch (errnoOf(error)) {
    case 'ENOTDIR':
    case 'EEXIST':
      return usageError('export.notDirectory', { path }, 'export.notDirectoryHint');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return usageError('export.noPermission', { path }, 'export.cannotWriteHint');
    case 'ENOSPC':
    case 'EDQUOT':
      return failure('store.diskFull', { file: path }, 'store.diskFullHint', { dir: path });
    default: {
      if (error && typeof error === 'object' && 'kind' in error) return error as ReturnType<typeof failure>;
      const reason = errnoOf(error) ?? String((error as Error)?.message ?? error);
      return failure('export.cannotWrite', { path, reason }, 'export.cannotWriteHint');
    }
  }
}

/** One file the user asked for (an export, a report page), written the same way: whole or not at all. */
export function writeExport(dir: string, name: string, content: string): void {
  writeExportSet(dir, [[name, content]]);
}

/**
 * Creates a document the user asked for (`pitch init` writing a starter pitch), never replacing one:
 * opened with O_EXCL, so an existing pitch is never overwritten; a write that fails half-way removes
 * the half-written file.
 */
export function writeNewFile(path: string, content: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    throw newFileError(error, path);
  }
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw newFileError(error, path);
  }
  closeSync(fd);
}

function newFileError(error: unknown, path: string) {
  const code = errnoOf(error);
  const reason = code ?? String((error as Error)?.message ?? error);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return failure('store.diskFull', { file: path }, 'store.diskFullHint', { dir: path });
  if (code && ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'EEXIST', 'EISDIR'].includes(code))
    return usageError('init.cannotWrite', { file: path, reason }, 'init.cannotWriteHint');
  return failure('init.cannotWrite', { file: path, reason }, 'init.cannotWriteHint');
}
