import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { StoreFs } from './fs.js';
import { errnoOf, ShortWriteError } from './fs-errors.js';

/** Temp files the store creates: `.<name>.<pid>.<random>.tmp`, next to their target. */
const TEMP_PATTERN = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes every byte of `bytes` at the current position, or throws: a write that returns 0 is a full disk. */
export function writeAll(fs: StoreFs, fd: number, bytes: Uint8Array, file: string): void {
  let done = 0;
  while (done < bytes.length) {
    const n = fs.writeSync(fd, bytes, done, bytes.length - done);
    if (!(n > 0)) throw new ShortWriteError(file, done, bytes.length);
    done += n;
  }
}

/**
 * Replaces `target` with `content`, or leaves it exactly as it was. The bytes go to a temp file
 * beside it; every write's count is checked, the file is fsynced and its size compared with what was
 * meant to be written before it is renamed over the target; then the directory is fsynced so the
 * rename itself survives a power cut. On any failure the temp file is removed and the error thrown.
 */
export function writeFileDurably(fs: StoreFs, target: string, content: string | Uint8Array, mode = 0o600): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = tempPathFor(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    writeAll(fs, fd, bytes, temp);
    fs.fsyncSync(fd);
    const size = fs.fstatSync(fd).size;
    if (size !== bytes.length) throw new ShortWriteError(temp, size, bytes.length);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fs, fd);
    removeQuietly(fs, temp);
    throw error;
  }
  syncDirectory(fs, dirname(target));
}

/**
 * Appends `bytes` to `file` (created when missing) and fsyncs before returning: when this returns,
 * the bytes are on disk. If any write fails or comes up short, the file is cut back to its size before
 * the append, so a failed append never leaves half a line behind for the next one to glue onto.
 */
export function appendDurably(fs: StoreFs, file: string, bytes: Uint8Array, mode = 0o600): void {
  const created = !exists(fs, file);
  const fd = fs.openSync(file, 'a', mode);
  let before = 0;
  try {
    before = fs.fstatSync(fd).size;
    writeAll(fs, fd, bytes, file);
    fs.fsyncSync(fd);
    const size = fs.fstatSync(fd).size;
    if (size !== before + bytes.length) throw new ShortWriteError(file, size - before, bytes.length);
  } catch (error) {
    try {
      fs.ftruncateSync(fd, before);
      fs.fsyncSync(fd);
    } catch {
      // Cutting back can fail too (EIO); the reader then drops the torn last line with a notice.
    }
    closeQuietly(fs, fd);
    throw error;
  }
  fs.closeSync(fd);
  if (created) syncDirectory(fs, dirname(file));
}

/** fsync on a directory makes a rename or a new file's name durable; some file systems refuse it, harmlessly. */
export function syncDirectory(fs: StoreFs, dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // EINVAL/EISDIR on some file systems: the rename is still atomic, only its durability is the kernel's.
  }
}

/**
 * Removes the store's temp files left in `dir` by a process that was killed mid-write (its pid is
 * gone). A live process's temp file is left alone: it is being written right now.
 */
export function removeStaleTemps(fs: StoreFs, dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    const path = join(dir, name);
    try {
      fs.rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // not ours to insist on: the next start tries again
    }
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) !== 'ESRCH';
  }
}

export function exists(fs: StoreFs, path: string): boolean {
  try {
    fs.lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function closeQuietly(fs: StoreFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already failing: the first error is the one to report
  }
}

function removeQuietly(fs: StoreFs, path: string): void {
  try {
    fs.rmSync(path, { force: true });
  } catch {
    // a temp file we cannot remove is cleaned at the next start (removeStaleTemps)
  }
}
