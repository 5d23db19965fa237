import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { failure, PitchError, usageError } from '../core/errors.js';
import type { ReviewLogEntry, StoredCard } from '../quiz/types.js';
import { cardsSpec, historySpec, type CardsDoc, type HistoryDoc } from './documents.js';
import { realFs, type StoreFs } from './fs.js';
import { errnoOf, storeFsError } from './fs-errors.js';
import {
  asOneLine,
  fingerprint,
  HISTORY_LISTS,
  historyEvents,
  applyHistoryEvent,
  HistoryState,
  type HistoryList,
  type HistorySink,
  type RecordAt,
} from './history-log.js';
import { acquireLock, LockTimeout } from './lock.js';
import { appendEvents, EVENT_VERSION, type LogHeader, newHeader, readHeader, scanLines, sizeOf } from './log.js';
import { cardsBefore, cardsEvent, CardsState, listSink, overlayCards, type ReviewSink } from './reviews-log.js';
import { exists, removeStaleTemps, syncDirectory, writeFileDurably } from './safe-write.js';
import { idMap, isObject } from './validate.js';

/** The append-only logs: the source of truth for user data (docs/architecture.md, "User data"). */
export const HISTORY_LOG = 'history.jsonl';
export const REVIEWS_LOG = 'reviews.jsonl';
/** Card states as of an offset of reviews.jsonl: rebuilt from the log whenever missing or stale. */
const CARDS_SNAPSHOT = 'cards-state';
/** A tail longer than this after the snapshot gets a new snapshot (about 100 ratings). */
const SNAPSHOT_TAIL_BYTES = 48 * 1024;

/** A longer tail than this after a fold's snapshot gets a new snapshot (about 1,000 reviews). */
const FOLD_TAIL_BYTES = 256 * 1024;
/** The same for history.jsonl (about 60 rehearsals: an attempt's line is about 1 KiB). */
const HISTORY_TAIL_BYTES = 64 * 1024;
/** Both tails together after statistics' summary: a new one is written past this (about 200 ratings). */
const PAIR_TAIL_BYTES = 48 * 1024;

/** What foldReviews and foldHistory need to keep a computation over a log as a snapshot. */
export interface SnapshotFold<S> {
  /** File name under cache/ (without extension). */
  name: string;
  /** Format of save()'s bytes (and the rules behind them): a snapshot of another version is rebuilt. */
  version: string;
  empty(): S;
  save(state: S): Uint8Array;
  /** Null when the bytes are not a snapshot this code can read. */
  load(bytes: Uint8Array): S | null;
  /** Before the log's tail is replayed into a loaded state: false when that state turns out unusable. */
  prepare?(state: S): boolean;
}

/** A value over both logs kept as one snapshot (Store.foldBoth): statistics' summary. */
export interface PairFold<S, H extends HistorySink, R extends ReviewSink> {
  /** File name under cache/ (without extension). */
  name: string;
  /** What the bytes hold and how they were computed: a snapshot of another version is derived anew. */
  version: string;
  /** The folds the value is derived from when it cannot be brought up to date. */
  history: SnapshotFold<H>;
  reviews: SnapshotFold<R>;
  derive(history: H, reviews: R): S;
  save(state: S): Uint8Array;
  /** Null when the bytes are not a snapshot this code can read. */
  load(bytes: Uint8Array): S | null;
  /** Sinks taking each log's tail into the state; finish() false: it could not, and it is derived anew. */
  tail(state: S): { history: HistorySink; reviews: ReviewSink; finish(): boolean };
}

/** A log's size (−1: none) and id (null: none, or no header). */
interface LogAt {
  size: number;
  id: string | null;
}

/** The part of the card data a rating changes (quiz/schedule.ts CardState, without importing the core). */
export interface CardChange {
  cards: Record<string, StoredCard>;
  /** The reviews this process saved so far (what an undo can take back), not the whole log. */
  reviews: ReviewLogEntry[];
}

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
export type StoreNotice = {
  /**
   * moved-aside: a damaged document was renamed and a fresh one started; damaged-lines: lines of a log
   * that are not valid events (a torn last line after a crash, a hand edit) were moved to `copy` and
   * left out; migrated: a pitch 0.1 document was converted into a log and kept as `copy`.
   */
  kind: 'moved-aside' | 'damaged-lines' | 'migrated';
  file: string;
  copy: string;
  reason: string;
};

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

  /**
   * History or cards as one document (replayed from its log), or any other versioned JSON document.
   * Never writes, except to move damaged data aside and to migrate a pitch 0.1 document on first use.
   */
  read<T>(spec: DocSpec<T>): T {
    this.cleanOnce();
    if ((spec as unknown) === historySpec) return this.replayHistory(false) as T;
    if ((spec as unknown) === cardsSpec) return this.readAllCards() as T;
    return this.load(spec).doc;
  }

  /**
   * Reads, changes and writes a document under the lock. `change` may mutate the document and returns a
   * value handed back to the caller. History and cards are logs: what changed becomes one appended line
   * (new or edited records, tombstones for removed ones, reviews and card states). When this returns,
   * the write is durable; when it throws, the data on disk is as before the call.
   */
  update<T, R>(spec: DocSpec<T>, change: (doc: T) => R): R {
    this.ensureHome();
    if ((spec as unknown) === historySpec) return this.updateHistory(change as unknown as (doc: HistoryDoc) => R);
    if ((spec as unknown) === cardsSpec) return this.updateAllCards(change as unknown as (doc: CardsDoc) => R);
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

  // ---------------------------------------------------------------- history.jsonl

  /** History as one document, replayed from its log (`history`, `export`, the runners' ports). */
  readHistory(): HistoryDoc {
    return this.replayHistory(false);
  }

  private replayHistory(locked: boolean): HistoryDoc {
    this.cleanOnce();
    this.migrateOnce('history', locked);
    const state = new HistoryState();
    this.replay(
      HISTORY_LOG,
      0,
      (event) => state.apply(event),
      locked,
      () => new HistoryState(),
    );
    return state.toDoc();
  }

  /**
   * A value computed over every history event (statistics' attempt columns), kept as a snapshot under
   * cache/ and brought up to date with the events logged since, as foldReviews does for the review log.
   */
  foldHistory<S extends HistorySink>(fold: SnapshotFold<S>): S {
    this.cleanOnce();
    this.migrateOnce('history', false);
    return this.foldHistoryAt(fold).sink;
  }

  private foldHistoryAt<S extends HistorySink>(fold: SnapshotFold<S>): { sink: S; end: number } {
    const replayer = (sink: S) => ({ apply: (event: unknown) => applyHistoryEvent(event, sink) });
    return this.fold(HISTORY_LOG, fold, HISTORY_TAIL_BYTES, replayer, () => new HistoryState());
  }

  private updateHistory<R>(change: (doc: HistoryDoc) => R): R {
    this.migrateOnce('history', false);
    return this.exclusive(HISTORY_LOG, () => {
      const doc = this.replayHistory(true);
      const before = fingerprint(doc);
      const result = change(doc);
      const events = historyEvents(before, doc);
      if (events.length) {
        try {
          this.append(HISTORY_LOG, [asOneLine(events)]);
        } catch (error) {
          const unsaved: Record<string, unknown[]> = {};
          for (const e of events) {
            if (e.type === 'delete' || e.type === 'batch') continue;
            const list = (Object.keys(HISTORY_LISTS) as HistoryList[]).find((l) => HISTORY_LISTS[l] === e.type)!;
            (unsaved[list] ??= []).push(e.record);
          }
          if (Object.keys(unsaved).length) this.onUnsaved(unsaved);
          throw error;
        }
      }
      return result;
    });
  }

  /**
   * `pitch history --json` as text chunks, without holding the history in memory: a first pass finds
   * where each record's latest version is, a second reads them back one at a time. The text is exactly
   * JSON.stringify({ rehearsals, quizzes, interviews }, null, 2).
   */
  *historyJson(map?: (list: HistoryList, record: Record<string, unknown>) => unknown): Generator<string> {
    this.migrateOnce('history', false);
    const positions = new HistoryState(true);
    this.replay(
      HISTORY_LOG,
      0,
      (event, at) => {
        positions.at = at;
        return positions.apply(event);
      },
      false,
      () => new HistoryState(),
    );
    const file = this.path(HISTORY_LOG);
    let fd: number | null = null;
    try {
      fd = exists(this.fs, file) ? this.fs.openSync(file, 'r') : null;
      const lines = fd === null ? null : new LineWindow(this.fs, fd);
      let out = '{\n';
      const lists = Object.keys(HISTORY_LISTS) as HistoryList[];
      for (const [n, list] of lists.entries()) {
        const records = positions.lists[list];
        let alive = 0;
        for (const at of records.values()) if (at !== null) alive++;
        out += `  ${JSON.stringify(list)}: ${alive ? '[\n' : '[]'}`;
        let i = 0;
        for (const [id, at] of records) {
          if (at === null) continue;
          const stored = recordIn(lines!.line(at as RecordAt), id) as Record<string, unknown>;
          const record = map ? map(list, stored) : stored;
          out += `    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}${++i < alive ? ',\n' : '\n'}`;
          if (out.length > 64 * 1024) {
            yield out;
            out = '';
          }
        }
        out += `${alive ? '  ]' : ''}${n < lists.length - 1 ? ',\n' : '\n'}`;
      }
      yield `${out}}\n`;
    } finally {
      if (fd !== null) this.fs.closeSync(fd);
    }
  }

  // ---------------------------------------------------------------- reviews.jsonl

  /** The FSRS state of every card (a null-prototype object): a snapshot plus the log's tail since it. */
  readCards(): Record<string, StoredCard> {
    this.cleanOnce();
    this.migrateOnce('cards', false);
    return { ...this.currentCards(false).cards };
  }

  /**
   * One rating (or its undo) under the lock: `change` gets the card states and the reviews this process
   * saved so far, replaces or removes cards as quiz/schedule.ts applyReview / revertReview do (never
   * mutating a card object in place), and the difference is appended as one line. Costs a lock, the log's
   * tail since the last call and one fsync'd append: the card map is neither copied nor compared whole,
   * only the cards the change touched (a bank of thousands of questions costs what a bank of ten does).
   */
  updateCards<R>(change: (state: CardChange) => R): R {
    this.ensureHome();
    this.migrateOnce('cards', false);
    return this.exclusive(REVIEWS_LOG, () => {
      const current = this.currentCards(true);
      const { cards, touched } = overlayCards(current.cards);
      const state: CardChange = { cards, reviews: [...this.recentReviews] };
      const reviewsBefore = cardsBefore(idMap(), state.reviews).reviews;
      const result = change(state);
      const before = cardsBefore(current.cards, [], touched);
      const event = cardsEvent({ cards: before.cards, reviews: reviewsBefore }, state.cards, state.reviews, touched);
      if (event) {
        this.append(REVIEWS_LOG, [event]);
        this.recentReviews = state.reviews;
        // Written: the touched cards join the states in memory, which now stand for the log up to its end.
        for (const id of touched)
          if (Object.hasOwn(cards, id)) current.cards[id] = cards[id]!;
          else delete current.cards[id];
        const log = current.log || (readHeader(this.fs, this.path(REVIEWS_LOG))?.id ?? '');
        this.cardsMemo = { log, offset: sizeOf(this.fs, this.path(REVIEWS_LOG)), cards: current.cards };
      }
      return result;
    });
  }

  /**
   * Replays every review into `sink` (statistics build columns from them) and returns the card states.
   */
  scanReviews(sink: ReviewSink): Record<string, StoredCard> {
    this.cleanOnce();
    this.migrateOnce('cards', false);
    const state = new CardsState(idMap(), sink);
    this.replay(
      REVIEWS_LOG,
      0,
      (event) => state.apply(event),
      false,
      () => new CardsState(),
    );
    return state.cards;
  }

  /**
   * A value computed over every review (statistics' columns), kept as a snapshot under cache/ at an offset
   * of the log and brought up to date with the reviews logged since: a year of reviews is read from the
   * log once, then only its tail. The snapshot is derived data: missing, damaged, of another log or of
   * another format, it is rebuilt from the log.
   */
  foldReviews<S extends ReviewSink>(fold: SnapshotFold<S>): S {
    this.cleanOnce();
    this.migrateOnce('cards', false);
    return this.foldReviewsAt(fold).sink;
  }

  private foldReviewsAt<S extends ReviewSink>(fold: SnapshotFold<S>): { sink: S; end: number } {
    const replayer = (sink: S) => new CardsState(idMap(), sink);
    return this.fold(REVIEWS_LOG, fold, FOLD_TAIL_BYTES, replayer, () => new CardsState());
  }

  /**
   * A value computed over both logs (statistics' summary), kept as cache/<name>.bin at an offset of each and
   * brought up to date with both tails through `fold.tail`. When the tails hold what the value cannot take
   * (finish() false), or the snapshot is missing, damaged, of other logs or of another version, it is derived
   * anew from the two folds (`fold.history`, `fold.reviews`, themselves snapshots plus tails) and written.
   */
  foldBoth<S, H extends HistorySink, R extends ReviewSink>(fold: PairFold<S, H, R>): S {
    this.cleanOnce();
    this.migrateOnce('history', false);
    this.migrateOnce('cards', false);
    const logs = [HISTORY_LOG, REVIEWS_LOG].map((log) => {
      const size = sizeOf(this.fs, this.path(log));
      return { size, id: size < 0 ? null : (readHeader(this.fs, this.path(log))?.id ?? null) };
    }) as [LogAt, LogAt];
    const snapshot = this.readPair(fold, logs);
    if (snapshot) {
      const sinks = fold.tail(snapshot.state);
      const cards = new CardsState(idMap(), sinks.reviews);
      const ends = [
        this.replay(
          HISTORY_LOG,
          snapshot.offsets[0],
          (e) => applyHistoryEvent(e, sinks.history),
          false,
          () => new HistoryState(),
        ),
        this.replay(
          REVIEWS_LOG,
          snapshot.offsets[1],
          (e) => cards.apply(e),
          false,
          () => new CardsState(),
        ),
      ] as const;
      if (sinks.finish()) {
        const tail = ends[0] - snapshot.offsets[0] + ends[1] - snapshot.offsets[1];
        if (tail > PAIR_TAIL_BYTES) this.writePair(fold, snapshot.state, logs, ends);
        return snapshot.state;
      }
    }
    const history = this.foldHistoryAt(fold.history);
    const reviews = this.foldReviewsAt(fold.reviews);
    const state = fold.derive(history.sink, reviews.sink);
    if (logs[0].id !== null || logs[1].id !== null) this.writePair(fold, state, logs, [history.end, reviews.end]);
    return state;
  }

  private readPair<S>(
    fold: Pick<PairFold<S, HistorySink, ReviewSink>, 'name' | 'version' | 'load'>,
    logs: [LogAt, LogAt],
  ) {
    try {
      const bytes = this.fs.readFileSync(this.path(`cache/${fold.name}.bin`)) as Buffer;
      const nl = bytes.indexOf(0x0a);
      const meta = JSON.parse(bytes.toString('utf8', 0, nl)) as { logs?: unknown; version?: unknown; crc?: unknown };
      if (meta.version !== fold.version || !Array.isArray(meta.logs) || meta.logs.length !== 2) return null;
      const payload = bytes.subarray(nl + 1);
      // Damaged bytes that still parse would change figures: the snapshot must be the one written.
      if (meta.crc !== crc32(payload)) return null;
      const offsets = [0, 0];
      for (const [i, log] of logs.entries()) {
        const [id, offset] = meta.logs[i] as [unknown, unknown];
        if (id !== log.id || typeof offset !== 'number' || !(offset >= 0 && offset <= Math.max(0, log.size)))
          return null;
        offsets[i] = offset;
      }
      const state = fold.load(payload);
      return state === null ? null : { state, offsets: offsets as [number, number] };
    } catch {
      return null; // none yet, or damaged: derived anew
    }
  }

  private writePair<S>(
    fold: Pick<PairFold<S, HistorySink, ReviewSink>, 'name' | 'version' | 'save'>,
    state: S,
    logs: [LogAt, LogAt],
    ends: readonly [number, number],
  ) {
    const payload = fold.save(state);
    // A log that does not exist is covered up to 0: once it starts (a new id), the value is derived anew.
    const text = JSON.stringify({
      logs: logs.map((log, i) => [log.id, log.id === null ? 0 : ends[i]]),
      version: fold.version,
      crc: crc32(payload),
    });
    // Padded to 8 bytes (the meta line is ASCII), so columns aligned in the payload stay aligned in the file.
    const meta = Buffer.from(`${text.padEnd(Math.ceil((Buffer.byteLength(text) + 1) / 8) * 8 - 1)}\n`);
    try {
      this.writeAtomic(`cache/${fold.name}.bin`, Buffer.concat([meta, payload]));
    } catch {
      // a snapshot that cannot be written only costs time next run
    }
  }

  /**
   * The snapshot of `fold` (cache/<name>.bin: a JSON line naming the log's id, the offset covered and the
   * format, then fold.save()'s bytes) if it belongs to this log, else fold.empty(); then the log from
   * that offset replayed into it (`scratch` checks lines when damaged ones are moved aside). A tail longer than `tailBytes` gets a new snapshot (written atomically;
   * one that cannot be written only costs time next run).
   */
  private fold<S>(
    log: string,
    fold: SnapshotFold<S>,
    tailBytes: number,
    replayer: (sink: S) => { apply(event: unknown): string | null },
    scratch: () => { apply(event: unknown): string | null },
  ): { sink: S; end: number } {
    const file = this.path(log);
    const size = sizeOf(this.fs, file);
    if (size < 0) return { sink: fold.empty(), end: 0 };
    const header = readHeader(this.fs, file);
    let base = header ? this.readFold(fold, header.id, size) : null;
    // A snapshot that keeps parts to read only when a tail comes: checked now, rebuilt if those are damaged.
    if (base && size > base.offset && fold.prepare && !fold.prepare(base.sink)) base = null;
    const sink = base?.sink ?? fold.empty();
    const from = base?.offset ?? 0;
    const state = replayer(sink);
    const end = this.replay(log, from, (event) => state.apply(event), false, scratch);
    if (header && end - from > tailBytes) {
      // The meta line is padded to a multiple of 8 bytes, so columns the fold aligns in its bytes stay
      // aligned in the file and can be read in place (no copy: statistics' memory is counted).
      const text = JSON.stringify({ log: header.id, offset: end, version: fold.version });
      const meta = Buffer.from(`${text.padEnd(Math.ceil((Buffer.byteLength(text) + 1) / 8) * 8 - 1)}\n`);
      try {
        this.writeAtomic(`cache/${fold.name}.bin`, Buffer.concat([meta, fold.save(sink)]));
      } catch {
        // a snapshot that cannot be written only costs time next run
      }
    }
    return { sink, end };
  }

  private readFold<S>(fold: SnapshotFold<S>, logId: string, size: number): { offset: number; sink: S } | null {
    try {
      const bytes = this.fs.readFileSync(this.path(`cache/${fold.name}.bin`)) as Buffer;
      const nl = bytes.indexOf(0x0a);
      const meta = JSON.parse(bytes.toString('utf8', 0, nl)) as { log?: string; offset?: number; version?: string };
      if (meta.log !== logId || meta.version !== fold.version) return null;
      if (typeof meta.offset !== 'number' || !(meta.offset <= size)) return null;
      const sink = fold.load(bytes.subarray(nl + 1));
      return sink ? { offset: meta.offset, sink } : null;
    } catch {
      return null; // no snapshot yet, or a damaged one: the log is read from the start
    }
  }

  private readAllCards(locked = false): CardsDoc {
    this.migrateOnce('cards', locked);
    const reviews: ReviewLogEntry[] = [];
    const state = new CardsState(idMap(), listSink(reviews));
    this.replay(
      REVIEWS_LOG,
      0,
      (event) => state.apply(event),
      locked,
      () => new CardsState(),
    );
    return { version: 1, cards: state.cards, reviews };
  }

  /** The generic path (any change to cards or to the whole review log): reads everything, appends the difference. */
  private updateAllCards<R>(change: (doc: CardsDoc) => R): R {
    this.migrateOnce('cards', false);
    return this.exclusive(REVIEWS_LOG, () => {
      const doc = this.readAllCards(true);
      const before = cardsBefore(doc.cards, doc.reviews);
      const result = change(doc);
      const event = cardsEvent(before, doc.cards, doc.reviews);
      if (event) this.append(REVIEWS_LOG, [event]);
      this.cardsMemo = null;
      return result;
    });
  }

  private cardsMemo: { log: string; offset: number; cards: Record<string, StoredCard> } | null = null;
  private recentReviews: ReviewLogEntry[] = [];

  /**
   * Card states now: from memory or the snapshot when they belong to this log, then the tail replayed.
   * The states in memory are brought forward in place (replaying a tail sets each card it names to an
   * absolute state, so a replay cut short and done again lands on the same states).
   */
  private currentCards(locked: boolean): { cards: Record<string, StoredCard>; log: string } {
    const file = this.path(REVIEWS_LOG);
    const size = sizeOf(this.fs, file);
    if (size < 0) return { cards: idMap(), log: '' };
    const header = readHeader(this.fs, file);
    let base = this.cardsMemo;
    if (!base || base.log !== header?.id || base.offset > size) base = this.readSnapshot(header, size);
    const mine = base !== null && base === this.cardsMemo;
    const state = new CardsState(mine ? base!.cards : idMap(Object.entries(base?.cards ?? {})));
    const from = base?.offset ?? 0;
    this.cardsMemo = null;
    const end = this.replay(
      REVIEWS_LOG,
      from,
      (event) => state.apply(event),
      locked,
      () => new CardsState(),
    );
    this.cardsMemo = { log: header?.id ?? '', offset: end, cards: state.cards };
    if (header && end - from > SNAPSHOT_TAIL_BYTES)
      this.writeCache(CARDS_SNAPSHOT, 'v1', { log: header.id, offset: end, cards: state.cards });
    return { cards: state.cards, log: header?.id ?? '' };
  }

  private readSnapshot(header: LogHeader | null, size: number) {
    if (!header) return null;
    const snap = this.readCache<{ log?: string; offset?: number; cards?: Record<string, StoredCard> }>(
      CARDS_SNAPSHOT,
      'v1',
    );
    if (!snap || snap.log !== header.id || typeof snap.offset !== 'number' || snap.offset > size) return null;
    if (!isObject(snap.cards)) return null;
    return { log: header.id, offset: snap.offset, cards: snap.cards };
  }

  // ---------------------------------------------------------------- the logs

  /** Appends events to a log, starting it with a header when it is new. Errors become one sentence. */
  private append(log: string, events: readonly object[]): void {
    const file = this.path(log);
    try {
      const size = sizeOf(this.fs, file);
      appendEvents(this.fs, file, events, size <= 0 ? newHeader(this.now()) : undefined);
    } catch (error) {
      throw storeFsError(error, file, 'write');
    }
  }

  /**
   * Replays a log from `from`: each line is parsed and handed to `apply`, which returns a reason when the
   * line is not a valid event. Invalid lines (a torn last line after a crash, a hand edit) are left out
   * and moved aside with a notice (see quarantine). Returns the offset after the last complete line.
   * A log written by a newer pitch is refused, untouched.
   */
  private replay(
    log: string,
    from: number,
    apply: (event: unknown, at: RecordAt) => string | null,
    locked: boolean,
    scratch: () => { apply(event: unknown): string | null },
  ): number {
    const file = this.path(log);
    let damaged = 0;
    let result: ReturnType<typeof scanLines>;
    try {
      result = scanLines(this.fs, file, from, (text, start) => {
        const event = parseEvent(text, file);
        const reason = event === undefined ? 'not JSON' : apply(event, { start, end: start + Buffer.byteLength(text) });
        if (reason) damaged++;
      });
    } catch (error) {
      throw storeFsError(error, file, 'read');
    }
    if (!result) return 0;
    if (result.header && result.header.v > EVENT_VERSION)
      throw failure('store.newerVersion', { file, found: result.header.v, known: EVENT_VERSION }, 'store.newerHint');
    if (damaged || result.torn) this.quarantine(log, locked, scratch);
    return result.end;
  }

  /**
   * Moves a log's invalid lines to `<log>.corrupt-<date>` and leaves the log with its valid lines only,
   * under the lock (a line still being appended by another process is complete once we hold it). A torn
   * last line is cut off; other damaged lines mean a rewrite of the log (atomic, with a new id so that
   * snapshots are rebuilt). Without the lock (another process holds it too long), lines are only skipped.
   */
  private quarantine(log: string, locked: boolean, scratch: () => { apply(event: unknown): string | null }): void {
    const work = () => {
      const file = this.path(log);
      const bytes = this.fs.readFileSync(file) as Buffer;
      const lastBreak = bytes.lastIndexOf(0x0a);
      const whole = bytes.subarray(0, lastBreak + 1);
      const torn = bytes.subarray(lastBreak + 1);
      const check = scratch();
      const good: string[] = [];
      const bad: string[] = [];
      const lines = whole.toString('utf8').split('\n');
      lines.pop();
      for (const [i, line] of lines.entries()) {
        if (i === 0 && line.includes('"type":"log"')) good.push(line);
        else if (
          line &&
          (() => {
            const event = parseEvent(line, file);
            return event !== undefined && check.apply(event) === null;
          })()
        )
          good.push(line);
        else if (line) bad.push(line);
      }
      if (!bad.length && !torn.length) return;
      const copy = this.asideName(file, 'corrupt');
      const kept = [...bad, ...(torn.length ? [torn.toString('utf8')] : [])].join('\n');
      writeFileDurably(this.fs, copy, `${kept}\n`);
      if (!bad.length) {
        const fd = this.fs.openSync(file, 'r+');
        try {
          this.fs.ftruncateSync(fd, whole.length);
          this.fs.fsyncSync(fd);
        } finally {
          this.fs.closeSync(fd);
        }
      } else {
        const header = readHeader(this.fs, file);
        const fresh = newHeader(this.now(), header?.migratedFrom);
        const body = good.filter((l, i) => !(i === 0 && l.includes('"type":"log"')));
        writeFileDurably(this.fs, file, `${[JSON.stringify(fresh), ...body].join('\n')}\n`);
        this.cardsMemo = null;
      }
      const reason = bad.length
        ? `${bad.length} damaged line(s)${torn.length ? ' and a torn last line' : ''}`
        : 'a torn last line (a write cut short)';
      this.onNotice({ kind: 'damaged-lines', file, copy, reason });
    };
    try {
      if (locked) work();
      else this.exclusive(log, work, 1_000);
    } catch (error) {
      // Could not repair now (locked elsewhere, read-only folder): the lines are skipped all the same.
      if (error instanceof PitchError && error.key === 'store.newerVersion') throw error;
    }
  }

  /** `<file>.<what>-<date>`, numbered when taken. */
  private asideName(file: string, what: string): string {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let copy = `${file}.${what}-${stamp}`;
    for (let n = 2; exists(this.fs, copy); n++) copy = `${file}.${what}-${stamp}-${n}`;
    return copy;
  }

  // ---------------------------------------------------------------- migration from pitch 0.1

  private migrated = { history: false, cards: false };

  /**
   * pitch 0.1 kept history.json (v1/v2) and cards.json (v1), rewritten whole on every change. On first use
   * each becomes a log: validated as before (a damaged one is moved aside), every record written as an
   * event into a new log (written whole, then renamed into place), the original renamed to
   * `<file>.migrated-<date>` and kept until the user removes it. The log's header remembers the original's
   * size and date, so a migration cut short between the two renames is finished on the next run.
   */
  private migrateOnce(which: 'history' | 'cards', locked: boolean): void {
    if (this.migrated[which]) return;
    this.migrated[which] = true;
    const spec = which === 'history' ? historySpec : cardsSpec;
    const log = which === 'history' ? HISTORY_LOG : REVIEWS_LOG;
    const legacy = this.path(spec.file);
    if (!exists(this.fs, legacy)) return;
    const work = () => {
      let stat: { size: number; mtimeMs: number };
      try {
        stat = this.fs.statSync(legacy);
      } catch {
        return; // migrated by another process meanwhile
      }
      const logFile = this.path(log);
      if (exists(this.fs, logFile)) {
        const from = readHeader(this.fs, logFile)?.migratedFrom;
        if (from && from.size === stat.size && from.mtimeMs === stat.mtimeMs) this.keepMigrated(legacy, logFile);
        return; // otherwise a file the log did not come from: left alone
      }
      const { doc } = this.load(spec as DocSpec<unknown>);
      if (!exists(this.fs, legacy)) return; // it was damaged and moved aside
      const header = newHeader(this.now(), { file: spec.file, size: stat.size, mtimeMs: stat.mtimeMs });
      const lines = [JSON.stringify(header), ...legacyEvents(which, doc).map((e) => JSON.stringify(e))];
      try {
        writeFileDurably(this.fs, logFile, `${lines.join('\n')}\n`);
      } catch (error) {
        throw storeFsError(error, logFile, 'write');
      }
      this.keepMigrated(legacy, logFile);
    };
    if (locked) work();
    else {
      this.ensureHome();
      this.exclusive(log, work);
    }
  }

  private keepMigrated(legacy: string, logFile: string): void {
    const base = `${legacy}.migrated-${this.now().toISOString().slice(0, 10)}`;
    let target = base;
    for (let n = 2; exists(this.fs, target); n++) target = `${base}-${n}`;
    try {
      this.fs.renameSync(legacy, target);
    } catch (error) {
      throw storeFsError(error, legacy, 'write');
    }
    syncDirectory(this.fs, this.home);
    this.onNotice({ kind: 'migrated', file: legacy, copy: target, reason: logFile });
  }

  /** Runs `work` holding the lock named after `name` (tests use it to check mutual exclusion). */
  exclusive<R>(name: string, work: () => R, timeoutMs = this.lockTimeoutMs): R {
    const lockFile = this.path(`${name}.lock`);
    let release: () => void;
    try {
      release = acquireLock(this.fs, lockFile, timeoutMs);
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

/** The record with `id` in a line of history (a record event, or a batch holding it). */
function recordIn(line: string, id: string): unknown {
  const event = JSON.parse(line) as { record?: { id?: string }; events?: unknown[] };
  if (event.record?.id === id) return event.record;
  let found: unknown;
  for (const e of event.events ?? []) {
    const r = (e as { record?: { id?: string } }).record;
    if (r?.id === id) found = r; // the last one in the batch wins, as in replay
  }
  return found;
}

/**
 * Lines of a file read back by position through one window of it (1 MiB, larger only for a longer line):
 * `history --json` reads a year's 15,000 records mostly in file order, where a read and a buffer per
 * record cost a system call each and left external memory to the collector.
 */
class LineWindow {
  private buffer = Buffer.allocUnsafe(1024 * 1024);
  private start = 0;
  private filled = 0;

  constructor(
    private readonly fs: StoreFs,
    private readonly fd: number,
  ) {}

  line(at: RecordAt): string {
    if (at.start < this.start || at.end > this.start + this.filled) {
      if (at.end - at.start > this.buffer.length) this.buffer = Buffer.allocUnsafe(at.end - at.start);
      this.start = at.start;
      this.filled = this.fs.readSync(this.fd, this.buffer, 0, this.buffer.length, at.start);
      // The log cut short since the first pass (another process moved a torn line aside): not the line noted.
      if (at.end > this.start + this.filled) throw new Error(`history.jsonl changed while read (at ${at.start})`);
    }
    return this.buffer.toString('utf8', at.start - this.start, at.end - this.start);
  }
}

/** A line as an event, or undefined when it is not JSON. A line from a newer pitch stops everything. */
function parseEvent(text: string, file: string): unknown {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return undefined;
  }
  const v = (event as { v?: unknown } | null)?.v;
  if (typeof v === 'number' && v > EVENT_VERSION)
    throw failure('store.newerVersion', { file, found: v, known: EVENT_VERSION }, 'store.newerHint');
  return event;
}

/** A pitch 0.1 document as events, in its own order. */
function legacyEvents(which: 'history' | 'cards', doc: unknown): object[] {
  const v = EVENT_VERSION;
  if (which === 'history') {
    const history = doc as HistoryDoc;
    return (Object.keys(HISTORY_LISTS) as HistoryList[]).flatMap((list) =>
      (history[list] as unknown as object[]).map((record) => ({ v, type: HISTORY_LISTS[list], record })),
    );
  }
  const cards = doc as CardsDoc;
  const events: object[] = cards.reviews.map((review) => ({ v, type: 'review', review }));
  if (Object.keys(cards.cards).length) events.push({ v, type: 'cards', cards: cards.cards });
  return events;
}
