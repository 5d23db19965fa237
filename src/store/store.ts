import { dirname, join } from 'node:path';
import { failure, usageError } from '../core/errors.js';
import { realFs, type StoreFs } from './fs.js';
import { errnoOf, storeFsError } from './fs-errors.js';
import { acquireLock, LockTimeout } from './lock.js';
import { exists, removeStaleTemps, writeFileDurably } from './safe-write.js';

/**
 * Documents read whole (JSON.parse of one string) are refused past this size with a sentence: V8 cannot
 * hold a much larger string, and a year of daily practice is about 40 MiB.
 */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

/** What a stored document looks like to the store: a version, a check, migrations from older versions. */
export interface DocSpec<T> {
  /** File name under the data directory, e.g. "history.json". */
  file: string;
  /** Current schema version written into the document. */
  version: number;
  empty(): T;
  /**
   * A sentence-like reason the document is unusable, or null when it is fine. Checks every item:
   * a document that parses but holds a malformed item is damaged like one that does not parse.
   */
  validate(doc: unknown): string | null;
  /** Turns a validated plain object into the document the code works on (e.g. ids into null-prototype maps). */
  revive?(doc: Record<string, unknown>): T;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
}

/** Things the user must be told about, reported instead of printed (the store never writes to the terminal). */
export type StoreNotice = { kind: 'moved-aside'; file: string; copy: string; reason: string };

/**
 * Records (a finished rehearsal, quiz session, interview) that a failed write could not save, by list.
 * The shell prints them as JSON on stderr so the user keeps them (a full disk has no room for a copy).
 */
export type UnsavedRecords = Record<string, unknown[]>;

export interface StoreOptions {
  home: string;
  now?: () => Date;
  onNotice?: (notice: StoreNotice) => void;
  onUnsaved?: (records: UnsavedRecords) => void;
  /** How long to wait for another pitch process holding the lock. */
  lockTimeoutMs?: number;
  /** The file-system calls (tests inject faults here). */
  fs?: StoreFs;
}

/**
 * The only module that writes user data. Documents are JSON files with a `version`,
 * validated item by item on load, written durably (see safe-write.ts) with user-only permissions,
 * and updated under a lock so two pitch processes never lose each other's writes.
 */
export class Store {
  readonly home: string;
  private readonly now: () => Date;
  private readonly onNotice: (notice: StoreNotice) => void;
  private readonly onUnsaved: (records: UnsavedRecords) => void;
  private readonly lockTimeoutMs: number;
  private readonly fs: StoreFs;
  private cleaned = false;

  constructor(options: StoreOptions) {
    this.home = options.home;
    this.now = options.now ?? (() => new Date());
    this.onNotice = options.onNotice ?? (() => {});
    this.onUnsaved = options.onUnsaved ?? (() => {});
    this.lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
    this.fs = options.fs ?? realFs;
  }

  path(file: string): string {
    return join(this.home, file);
  }

  /** The document, or an empty one when it does not exist yet. Never writes, except to move a damaged file aside. */
  read<T>(spec: DocSpec<T>): T {
    this.cleanOnce();
    return this.load(spec).doc;
  }

  /**
   * Reads, changes and writes a document under the lock. `change` may mutate the document
   * and returns a value handed back to the caller. When this returns, the write is durable;
   * when it throws, the document on disk is the one before the call.
   */
  update<T, R>(spec: DocSpec<T>, change: (doc: T) => R): R {
    this.ensureHome();
    return this.exclusive(spec.file, () => {
      const { doc } = this.load(spec);
      const before = recordIds(doc);
      const result = change(doc);
      try {
        this.writeAtomic(spec.file, `${JSON.stringify({ ...doc, version: spec.version }, null, 1)}\n`);
      } catch (error) {
        const records = newRecords(doc, before);
        if (records) this.onUnsaved(records);
        throw error;
      }
      return result;
    });
  }

  /** Runs `work` holding the lock named after `name` (tests use it to check mutual exclusion). */
  exclusive<R>(name: string, work: () => R): R {
    const lockFile = this.path(`${name}.lock`);
    let release: () => void;
    try {
      release = acquireLock(this.fs, lockFile, this.lockTimeoutMs);
    } catch (error) {
      if (error instanceof LockTimeout) throw failure('store.locked', { file: lockFile }, 'store.lockHint');
      throw storeFsError(error, lockFile, 'write');
    }
    try {
      return work();
    } finally {
      release();
    }
  }

  private load<T>(spec: DocSpec<T>): { doc: T } {
    const file = this.path(spec.file);
    let text: string;
    try {
      const stat = this.fs.statSync(file);
      if (stat.isDirectory()) return this.moveAside(spec, 'not a file');
      if (!stat.isFile()) throw usageError('store.notRegular', { file }, 'store.homeHint');
      if (stat.size > MAX_DOCUMENT_BYTES)
        throw usageError(
          'store.tooLarge',
          { file, size: Math.round(stat.size / 2 ** 20), max: MAX_DOCUMENT_BYTES / 2 ** 20 },
          'store.tooLargeHint',
        );
      text = this.fs.readFileSync(file, 'utf8') as string;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return { doc: spec.empty() };
      if (errnoOf(error) === 'EISDIR') return this.moveAside(spec, 'not a file');
      throw storeFsError(error, file, 'read');
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
    return { doc: spec.revive ? spec.revive(doc) : (doc as T) };
  }

  /** A damaged file is never overwritten: it is renamed next to itself and work goes on with a fresh document. */
  private moveAside<T>(spec: DocSpec<T>, reason: string): { doc: T } {
    const file = this.path(spec.file);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let copy = `${file}.corrupt-${stamp}`;
    for (let n = 2; exists(this.fs, copy); n++) copy = `${file}.corrupt-${stamp}-${n}`;
    try {
      this.fs.renameSync(file, copy);
    } catch (error) {
      throw storeFsError(error, file, 'write');
    }
    this.onNotice({ kind: 'moved-aside', file, copy, reason });
    return { doc: spec.empty() };
  }

  private ensureHome(): void {
    try {
      this.fs.mkdirSync(this.home, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw storeFsError(error, this.home, 'write');
    }
    this.cleanOnce();
  }

  /** Once per process: temp files a killed pitch left behind go (see removeStaleTemps). */
  private cleanOnce(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    removeStaleTemps(this.fs, this.home);
    removeStaleTemps(this.fs, this.path('cache'));
  }

  /**
   * A cached computation (parsed packs, …) stored under cache/<name>.json with the key it was computed for.
   * Returns undefined when absent, damaged or computed for another key: a cache only ever costs time.
   */
  readCache<T>(name: string, key: string): T | undefined {
    try {
      const doc = JSON.parse(this.fs.readFileSync(this.path(`cache/${name}.json`), 'utf8') as string) as {
        key?: string;
        data?: T;
      };
      return doc.key === key ? doc.data : undefined;
    } catch {
      return undefined;
    }
  }

  writeCache(name: string, key: string, data: unknown): void {
    try {
      this.writeAtomic(`cache/${name}.json`, JSON.stringify({ key, data }));
    } catch {
      // a read-only or full data directory only loses the speed-up
    }
  }

  /** Deletes a file of the data directory (a discarded attempt's recording). Missing is fine. */
  remove(name: string): void {
    try {
      this.fs.rmSync(this.path(name), { force: true });
    } catch (error) {
      throw storeFsError(error, this.path(name), 'write');
    }
  }

  /** Replaces a file of the data directory whole, durably (safe-write.ts); errors become one sentence. */
  writeAtomic(name: string, content: string | Uint8Array): void {
    this.ensureHome();
    const target = this.path(name);
    try {
      this.fs.mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileDurably(this.fs, target, content);
    } catch (error) {
      throw storeFsError(error, target, 'write');
    }
  }
}

/** The ids of the records (objects with a string id) in each top-level list of a document. */
function recordIds(doc: unknown): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const [key, list] of Object.entries(doc as object)) {
    if (!Array.isArray(list)) continue;
    const set = new Set<string>();
    for (const item of list) if (typeof item?.id === 'string') set.add(item.id);
    ids.set(key, set);
  }
  return ids;
}

/** Records added since `before`, by list; null when none. */
function newRecords(doc: unknown, before: Map<string, Set<string>>): Record<string, unknown[]> | null {
  const added: Record<string, unknown[]> = {};
  let any = false;
  for (const [key, list] of Object.entries(doc as object)) {
    const known = before.get(key);
    if (!Array.isArray(list) || !known) continue;
    const fresh = list.filter((item) => typeof item?.id === 'string' && !known.has(item.id));
    if (fresh.length) {
      added[key] = fresh;
      any = true;
    }
  }
  return any ? added : null;
}
