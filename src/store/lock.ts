import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { StoreFs } from './fs.js';
import { errnoOf } from './fs-errors.js';
import { isAlive } from './safe-write.js';

/** A lock file nobody finished writing (its creator died between open and write) is stale after this. */
const UNFINISHED_STALE_MS = 2_000;
/** On another machine (a shared folder), a process cannot be asked whether it lives: a lock this old is stale. */
const FOREIGN_STALE_MS = 60_000;

export class LockTimeout extends Error {
  constructor(readonly file: string) {
    super(`lock ${file} is held`);
  }
}

/**
 * Takes the lock file `file` (created with O_EXCL, holding "pid token host"), waiting up to `timeoutMs`
 * in short sleeps; returns the function that releases it.
 *
 * A lock whose process is dead is stale and broken, race-free: several processes may see the same stale
 * lock at once, so breaking it first needs a claim file named after the stale lock's exact content
 * (created with O_EXCL, so one process wins). The winner re-reads the lock, deletes it only if it is still
 * that stale one (its dead owner cannot release it, and nobody can create a new lock while it exists),
 * then removes its claim and competes for the lock like everyone else. A claim whose owner died is broken
 * the same way, one level up.
 */
export function acquireLock(fs: StoreFs, file: string, timeoutMs: number): () => void {
  const content = `${process.pid} ${randomBytes(8).toString('hex')} ${hostname()}\n`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (tryCreate(fs, file, content)) return () => releaseLock(fs, file, content);
    const seen = readLock(fs, file);
    if (seen !== null && isStale(fs, file, seen)) {
      breakStale(fs, file, seen, 0);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeout(file);
    sleepSync(2 + Math.random() * 8);
  }
}

function releaseLock(fs: StoreFs, file: string, content: string): void {
  // Only our own lock: never delete one a stale-breaker judged dead and someone else now holds.
  if (readLock(fs, file) === content) removeQuietly(fs, file);
}

function tryCreate(fs: StoreFs, file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    if (fs.writeSync(fd, content) !== Buffer.byteLength(content))
      throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
  } catch (error) {
    // An empty lock file would stall everyone for UNFINISHED_STALE_MS: take it back.
    fs.closeSync(fd);
    removeQuietly(fs, file);
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

/** The lock's content, or null when it vanished meanwhile. */
function readLock(fs: StoreFs, file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8') as string;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
}

function isStale(fs: StoreFs, file: string, content: string): boolean {
  // "pid token host"; a lock from pitch 0.1 holds only "pid".
  const m = /^(\d+)(?: ([0-9a-f]{16}) (.*))?\n$/.exec(content);
  let age: number;
  try {
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return false; // gone: just try again
  }
  if (!m) return age > UNFINISHED_STALE_MS;
  if (m[3] !== undefined && m[3] !== hostname()) return age > FOREIGN_STALE_MS;
  return !isAlive(Number(m[1]));
}

function breakStale(fs: StoreFs, file: string, staleContent: string, depth: number): void {
  const claim = `${file}.break-${createHash('sha256').update(staleContent).digest('hex').slice(0, 16)}`;
  const claimContent = `${process.pid} ${randomBytes(8).toString('hex')} ${hostname()}\n`;
  if (!tryCreate(fs, claim, claimContent)) {
    // Someone else is breaking it. If that someone died holding the claim, break the claim.
    const other = readLock(fs, claim);
    if (other !== null && depth < 3 && isStale(fs, claim, other)) breakStale(fs, claim, other, depth + 1);
    sleepSync(1 + Math.random() * 4);
    return;
  }
  try {
    if (readLock(fs, file) === staleContent) removeQuietly(fs, file);
  } finally {
    removeQuietly(fs, claim);
  }
}

function removeQuietly(fs: StoreFs, file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
