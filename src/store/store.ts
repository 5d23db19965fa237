import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { failure } from '../core/errors.js';
import { isErrno } from '../io/input.js';

/** What a stored document looks like to the store: a version, a check, migrations from older versions. */
export interface DocSpec<T> {
  /** File name under the data directory, e.g. "history.json". */
  file: string;
  /** Current schema version written into the document. */
  version: number;
  empty(): T;
  /** A sentence-like reason the document is unusable, or null when it is fine. */
  validate(doc: unknown): string | null;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
}

/** Things the user must be told about, reported instead of printed (the store never writes to the terminal). */
export type StoreNotice = { kind: 'moved-aside'; file: string; copy: string; reason: string };

export interface StoreOptions {
  home: string;
  now?: () => Date;
  onNotice?: (notice: StoreNotice) => void;
  /** How long to wait for another pitch process holding the lock. */
  lockTimeoutMs?: number;
}

const LOCK_STALE_MS = 10_000;

/**
 * The only module that writes user data. Documents are JSON files with a `version`,
 * validated on load, written atomically (temp file + fsync + rename) with user-only permissions,
 * and updated under a lock so two pitch processes never lose each other's writes.
 */
export class Store {
  readonly home: string;
  private readonly now: () => Date;
  private readonly onNotice: (notice: StoreNotice) => void;
  private readonly lockTimeoutMs: number;

  constructor(options: StoreOptions) {
    this.home = options.home;
    this.now = options.now ?? (() => new Date());
    this.onNotice = options.onNotice ?? (() => {});
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
  }

  path(file: string): string {
    return join(this.home, file);
  }

  /** The document, or an empty one when it does not exist yet. Never writes, except to move a damaged file aside. */
  read<T>(spec: DocSpec<T>): T {
    return this.load(spec).doc;
  }

  /**
   * Reads, changes and writes a document under the lock. `change` may mutate the document
   * and returns a value handed back to the caller. When this returns, the write is durable.
   */
  update<T, R>(spec: DocSpec<T>, change: (doc: T) => R): R {
    this.ensureHome();
    const release = this.lock(spec.file);
    try {
      const { doc } = this.load(spec);
      const result = change(doc);
      this.writeAtomic(spec.file, JSON.stringify({ ...doc, version: spec.version }, null, 1) + '\n');
      return result;
    } finally {
      release();
    }
  }

  private load<T>(spec: DocSpec<T>): { doc: T } {
    const file = this.path(spec.file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return { doc: spec.empty() };
      if (isErrno(error, 'EISDIR')) return this.moveAside(spec, 'not a file');
      throw failure('store.unreadable', { file }, 'store.permissionsHint');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.moveAside(spec, 'not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return this.moveAside(spec, 'not a JSON object');
    let doc = parsed as Record<string, unknown>;
    const version = doc.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      return this.moveAside(spec, 'no schema version');
    if (version > spec.version) {
      throw failure('store.newerVersion', { file, found: version, known: spec.version }, 'store.newerHint');
    }
    for (let v = version; v < spec.version; v++) {
      const migrate = spec.migrations[v];
      if (!migrate) return this.moveAside(spec, `no migration from version ${v}`);
      doc = { ...migrate(doc), version: v + 1 };
    }
    const problem = spec.validate(doc);
    if (problem) return this.moveAside(spec, problem);
    return { doc: doc as T };
  }

  /** A damaged file is never overwritten: it is renamed next to itself and work goes on with a fresh document. */
  private moveAside<T>(spec: DocSpec<T>, reason: string): { doc: T } {
    const file = this.path(spec.file);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let copy = `${file}.corrupt-${stamp}`;
    for (let n = 2; exists(copy); n++) copy = `${file}.corrupt-${stamp}-${n}`;
    renameSync(file, copy);
    this.onNotice({ kind: 'moved-aside', file, copy, reason });
    return { doc: spec.empty() };
  }

  private ensureHome(): void {
    try {
      mkdirSync(this.home, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw failure('store.cannotCreate', { dir: this.home, reason: (error as Error).message }, 'store.homeHint');
    }
  }

  /**
   * A cached computation (parsed packs, …) stored under cache/<name>.json with the key it was computed for.
   * Returns undefined when absent, damaged or computed for another key: a cache only ever costs time.
   */
  readCache<T>(name: string, key: string): T | undefined {
    try {
      const doc = JSON.parse(readFileSync(this.path(`cache/${name}.json`), 'utf8')) as { key?: string; data?: T };
      return doc.key === key ? doc.data : undefined;
    } catch {
      return undefined;
    }
  }

  writeCache(name: string, key: string, data: unknown): void {
    try {
      this.writeAtomic(`cache/${name}.json`, JSON.stringify({ key, data }));
    } catch {
      // a read-only data directory only loses the speed-up
    }
  }

  /** Deletes a file of the data directory (a discarded attempt's recording). Missing is fine. */
  remove(name: string): void {
    rmSync(this.path(name), { force: true });
  }

  /** Atomic replace: write a temp file, fsync it, rename over the target, fsync the directory. */
  writeAtomic(name: string, content: string | Uint8Array): void {
    this.ensureHome();
    const target = this.path(name);
    mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
    try {
      const dirFd = openSync(dirname(target), 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // Some file systems refuse fsync on directories; the rename is still atomic.
    }
  }

  /**
   * A lock file created with O_EXCL holding our pid. A lock whose process is gone, or older than
   * LOCK_STALE_MS, is stale and taken over. Waits (synchronously, in short sleeps) up to lockTimeoutMs.
   */
  private lock(name: string): () => void {
    const lockFile = this.path(`${name}.lock`);
    const deadline = Date.now() + this.lockTimeoutMs;
    for (;;) {
      try {
        const fd = openSync(lockFile, 'wx', 0o600);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return () => rmSync(lockFile, { force: true });
      } catch (error) {
        if (!isErrno(error, 'EEXIST')) throw error;
      }
      if (isStale(lockFile)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw failure('store.locked', { file: lockFile }, 'store.lockHint');
      sleepSync(5 + Math.random() * 10);
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function isStale(lockFile: string): boolean {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    const age = Date.now() - statSync(lockFile).mtimeMs;
    if (age > LOCK_STALE_MS) return true;
    if (!Number.isInteger(pid) || pid <= 0) return age > 1_000; // being written, or garbage
    if (pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return isErrno(error, 'ESRCH');
    }
  } catch {
    return false; // vanished between our attempts: just retry
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
