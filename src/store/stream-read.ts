import { closeSync, openSync, readSync } from 'node:fs';
import type { DocSpec, Store } from './store.js';
import { isErrno } from '../io/input.js';

/** Receives the items of one top-level list of a document, a batch at a time. */
export interface ListSink {
  /** Called at least once (maybe with no items) when the document has the list. */
  add(items: readonly unknown[]): void;
  /** Forget everything received: the read starts over (see streamDocument). */
  reset(): void;
}

/**
 * Text cut into batches of about this size before JSON.parse. A batch's string must stay well under
 * V8's large-object size (128 KiB, and French text makes two-byte strings): large objects are only
 * freed by full collections, and hundreds of them would pile up.
 */
const BATCH_BYTES = 40 * 1024;
const CHUNK_BYTES = 256 * 1024;

class NotStreamable extends Error {}

/**
 * Reads a document while handing its big lists to `sinks` in batches, so a history of 10,000
 * attempts or a log of 100,000 reviews never sits in memory as one string plus all its objects;
 * returns the document's other top-level values (version, cards…).
 *
 * The fast path reads documents as Store writes them (JSON with one-space indentation, where every
 * line's indentation is its depth and no string holds a raw line break); each batch is checked with
 * the spec's own validate(). Anything else — another layout, an older version, a damaged file —
 * goes through Store.read, which migrates, moves damaged files aside and tells the user, exactly as
 * for every other command; the sinks are then reset and fed from the document it returns.
 */
export function streamDocument<T>(
  store: Store,
  spec: DocSpec<T>,
  sinks: Readonly<Record<string, ListSink>>,
): Record<string, unknown> {
  try {
    const rest = readFast(store.path(spec.file), spec, sinks);
    if (rest) return rest;
  } catch (error) {
    if (!(error instanceof NotStreamable) && !(error instanceof SyntaxError)) throw error;
  }
  for (const sink of Object.values(sinks)) sink.reset();
  const doc = store.read(spec) as Record<string, unknown>;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const sink = Object.hasOwn(sinks, key) ? sinks[key] : undefined;
    if (sink && Array.isArray(value)) sink.add(value);
    else rest[key] = value;
  }
  return rest;
}

/** The fast path; null when the file does not exist (Store.read then gives the empty document). */
function readFast<T>(
  file: string,
  spec: DocSpec<T>,
  sinks: Readonly<Record<string, ListSink>>,
): Record<string, unknown> | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw new NotStreamable();
  }
  try {
    const rest = new LineReader(fd).readObject(spec, sinks);
    const version = rest.version;
    if (version !== spec.version) return null;
    const empty = spec.empty() as Record<string, unknown>;
    const whole = { ...empty, ...rest };
    for (const key of Object.keys(sinks)) if (Array.isArray(empty[key])) whole[key] = [];
    if (spec.validate(whole) !== null) return null;
    return rest;
  } finally {
    closeSync(fd);
  }
}

const NEWLINE = 0x0a;

/**
 * Reads a file in chunks, line by line. `buffer` is a view of the bytes read and not consumed yet,
 * over one storage area reused from chunk to chunk (fresh megabyte buffers for every chunk would
 * leave the process's memory high long after they are garbage).
 */
class LineReader {
  private storage = Buffer.allocUnsafe(4 * CHUNK_BYTES);
  private buffer = this.storage.subarray(0, 0);
  /** Where the next unconsumed line starts in `buffer`. */
  private pos = 0;
  private eof = false;

  constructor(private readonly fd: number) {}

  /** Moves what is not consumed to the front and reads the next chunk after it; false at the end of the file. */
  private more(): boolean {
    if (this.eof) return false;
    const kept = this.buffer.length - this.pos;
    if (kept + CHUNK_BYTES > this.storage.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.storage.length, kept + CHUNK_BYTES));
      this.buffer.copy(bigger, 0, this.pos);
      this.storage = bigger;
    } else if (this.pos > 0) this.storage.copyWithin(0, this.pos, this.buffer.length);
    const n = readSync(this.fd, this.storage, kept, CHUNK_BYTES, null);
    this.buffer = this.storage.subarray(0, kept + n);
    this.pos = 0;
    if (n === 0) this.eof = true;
    return n > 0;
  }

  /** The next line as text (without its line break), or null at the end. */
  private line(): string | null {
    for (;;) {
      const end = this.buffer.indexOf(NEWLINE, this.pos);
      if (end >= 0) {
        const text = this.buffer.toString('utf8', this.pos, end);
        this.pos = end + 1;
        return text;
      }
      if (!this.more()) {
        if (this.pos >= this.buffer.length) return null;
        const text = this.buffer.toString('utf8', this.pos);
        this.pos = this.buffer.length;
        return text;
      }
    }
  }

  /** Bytes from pos up to the first `marker` found at or after `from`; pos moves past the marker. */
  private until(marker: Buffer, from = this.pos): { start: number; end: number } {
    let searchFrom = from;
    for (;;) {
      const at = this.buffer.indexOf(marker, searchFrom);
      if (at >= 0) {
        const start = this.pos;
        this.pos = at + marker.length;
        return { start, end: at };
      }
      // Search again only where a marker cut in two by the chunk boundary could start (positions shift by pos).
      const resume = Math.max(searchFrom, this.buffer.length - marker.length + 1) - this.pos;
      if (!this.more()) throw new NotStreamable();
      searchFrom = Math.max(0, resume);
    }
  }

  readObject<T>(spec: DocSpec<T>, sinks: Readonly<Record<string, ListSink>>): Record<string, unknown> {
    if (this.line() !== '{') throw new NotStreamable();
    const rest: Record<string, unknown> = {};
    for (;;) {
      const line = this.line();
      if (line === null) throw new NotStreamable();
      if (line === '}') break;
      // A top-level member: one space, the key, then its value or the opening of a list or object.
      const m = /^ ("(?:[^"\\]|\\.)*"): (.*?)(,?)$/.exec(line);
      if (!m) throw new NotStreamable();
      const key = JSON.parse(m[1]!) as string;
      const opening = m[2]!;
      const sink = Object.hasOwn(sinks, key) ? sinks[key] : undefined;
      if (opening === '[' && sink) this.streamList(key, spec, sink);
      else if (opening === '[' || opening === '{') {
        const { start, end } = this.until(Buffer.from(`\n ${opening === '[' ? ']' : '}'}`), Math.max(0, this.pos - 1));
        rest[key] = JSON.parse(
          opening + '\n' + this.buffer.toString('utf8', start, end) + '\n' + (opening === '[' ? ']' : '}'),
        );
        this.skipLineEnd();
      } else {
        const value: unknown = JSON.parse(opening);
        if (sink && Array.isArray(value)) this.check(spec, key, value, sink);
        else rest[key] = value;
      }
    }
    return rest;
  }

  /** After a closing bracket at depth 1: the optional comma and the line break. */
  private skipLineEnd(): void {
    const tail = this.line();
    if (tail !== '' && tail !== ',') throw new NotStreamable();
  }

  /**
   * The items of a list, cut into batches at the end of an item: in this layout an item of a
   * top-level list ends with a line "  }," (two spaces: depth 2), and the list with a line " ]".
   */
  private streamList<T>(key: string, spec: DocSpec<T>, sink: ListSink): void {
    const itemEnd = Buffer.from('\n  },\n');
    const listEnd = Buffer.from('\n ]');
    // From just before the list's first line, so that an empty list "[\n ]" ends at once.
    let start = this.pos - 1;
    let any = false;
    let close = this.buffer.indexOf(listEnd, start);
    for (;;) {
      const cut = this.buffer.indexOf(itemEnd, start + BATCH_BYTES);
      if (cut >= 0 && (close < 0 || cut < close)) {
        this.batch(spec, key, sink, start, cut + 4);
        any = true;
        start = cut + 5;
      } else if (close >= 0) {
        if (this.buffer.subarray(start, close).some((byte) => byte > 0x20)) {
          this.batch(spec, key, sink, start, close);
          any = true;
        }
        this.pos = close + listEnd.length;
        this.skipLineEnd();
        if (!any) this.check(spec, key, [], sink);
        return;
      } else {
        // Not a whole batch in memory yet: keep the rest and read on.
        this.pos = start;
        if (!this.more()) throw new NotStreamable();
        start = 0;
        close = this.buffer.indexOf(listEnd);
      }
    }
  }

  private batch<T>(spec: DocSpec<T>, key: string, sink: ListSink, from: number, to: number): void {
    const text = this.buffer.toString('utf8', from, to).trim();
    const items = JSON.parse(`[${text}]`) as unknown;
    if (!Array.isArray(items)) throw new NotStreamable();
    this.check(spec, key, items, sink);
  }

  /** Each batch passes the spec's own checks, as if it were the whole list. */
  private check<T>(spec: DocSpec<T>, key: string, items: unknown[], sink: ListSink): void {
    if (spec.validate({ ...(spec.empty() as Record<string, unknown>), [key]: items }) !== null)
      throw new NotStreamable();
    sink.add(items);
  }
}
