import type { Attempt, SplitEnd } from '../rehearsal/types.js';
import { normalizeAttempt, RECORD_RULES_VERSION } from '../rehearsal/records.js';
import type { SessionInfo } from './quiz.js';

/**
 * History as statistics read it, in columns: a year of practice is 10,000 attempts and 50,000 splits,
 * and typed arrays load from a snapshot in a few milliseconds where parsing the log's records takes a
 * tenth of a second. Each attempt is normalized once, when it enters the table (rehearsal/records.ts
 * normalizeAttempt: its kind, its plausibility status), never again on each `pitch stats`: the
 * snapshot names the rules version it was judged by, and a snapshot of other rules is rebuilt.
 * Strings (section ids and titles, split keys and titles, pitch files, kinds) are interned: `section[r]`
 * indexes `strings`.
 */
export interface AttemptTable {
  /** The attempts' row numbers in history order (deleted attempts left out). */
  readonly rows: Int32Array;
  /** Row r's attempt id (read from the snapshot only when asked: statistics never need it). */
  id(row: number): string;
  readonly startedAt: readonly string[];
  /** startedAt in ms since the epoch (NaN when unreadable). */
  readonly at: Float64Array;
  readonly target: Float64Array;
  readonly total: Float64Array;
  readonly words: Float64Array;
  /** Speech measurements (NaN when absent or not a finite number). */
  readonly wpm: Float64Array;
  readonly pause: Float64Array;
  readonly range: Float64Array;
  readonly sps: Float64Array;
  readonly kind: Int32Array;
  readonly section: Int32Array;
  readonly title: Int32Array;
  /** -1 for a record without a pitch file. */
  readonly file: Int32Array;
  readonly prompt: Int32Array;
  readonly splitFrom: Int32Array;
  readonly splitCount: Int32Array;
  /** SUSPECT | CONFIRMED | ALIVE | SPEECH | COUNTS bits. */
  readonly flags: Uint8Array;
  readonly splitKey: Int32Array;
  readonly splitTitle: Int32Array;
  readonly splitBudget: Float64Array;
  /** NaN for a split not said (seconds null). */
  readonly splitSeconds: Float64Array;
  readonly splitWords: Float64Array;
  readonly splitAt: Float64Array;
  /** Index in ENDS, | AT_NULL or AT_NONE. */
  readonly splitEnd: Uint8Array;
  readonly strings: readonly string[];
  readonly recordings: ReadonlyMap<number, NonNullable<Attempt['recording']>>;
}

export const SUSPECT = 1;
export const CONFIRMED = 2;
const ALIVE = 4;
const SPEECH = 8;
/** Complete and credible: the runs that feed records, medians, charts and pace trends (countsForRecords). */
export const COUNTS = 16;
const ENDS: readonly SplitEnd[] = ['said', 'skipped', 'unreached'];
const AT_NULL = 4;
const AT_NONE = 8;

/** What statistics read of history: the attempts in columns, quiz sessions, interviews. */
export interface HistoryTable {
  attempts: AttemptTable;
  sessions: SessionInfo[];
  interviews: unknown[];
}

/** The snapshot's format and the rules its statuses were judged by: either changing rebuilds it. */
export const HISTORY_TABLE_VERSION = `1/${RECORD_RULES_VERSION}`;

type Typed = Float64Array | Int32Array | Uint8Array;
const ROW_F64 = ['at', 'target', 'total', 'words', 'wpm', 'pause', 'range', 'sps'] as const;
const ROW_I32 = ['kind', 'section', 'title', 'file', 'prompt', 'splitFrom', 'splitCount'] as const;
const SPLIT_F64 = ['splitBudget', 'splitSeconds', 'splitWords', 'splitAt'] as const;
const SPLIT_I32 = ['splitKey', 'splitTitle'] as const;
type RowF64 = (typeof ROW_F64)[number];
type RowI32 = (typeof ROW_I32)[number];
type SplitF64 = (typeof SPLIT_F64)[number];
type SplitI32 = (typeof SPLIT_I32)[number];

export type TypedConstructor = (new (
  n: number,
) => Typed) &
  (new (
    buffer: ArrayBufferLike,
    offset: number,
    length: number,
  ) => Typed) & { BYTES_PER_ELEMENT: number };

/**
 * `count` values at `at` in `bytes`: read in place when aligned (a snapshot is a few megabytes, and
 * statistics' memory is counted), else copied. Exactly the room in use: a record from the log's tail
 * grows the column (a copy) when it comes.
 */
export function columnAt(type: TypedConstructor, bytes: Uint8Array, at: number, count: number): Typed {
  const offset = bytes.byteOffset + at;
  if (offset % type.BYTES_PER_ELEMENT === 0) return new type(bytes.buffer, offset, count);
  const copy = new type(count);
  new Uint8Array(copy.buffer).set(bytes.subarray(at, at + count * type.BYTES_PER_ELEMENT));
  return copy;
}

/** A typed array that grows as values are set past its end. */
class Column<A extends Typed> {
  constructor(
    public data: A,
    private readonly make: (n: number) => A,
  ) {}

  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const bigger = this.make(Math.max(1024, this.data.length * 2, i + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[i] = value;
  }
}

const f64 = (n = 1024) => new Column(new Float64Array(n), (k) => new Float64Array(k));
const i32 = (n = 1024) => new Column(new Int32Array(n), (k) => new Int32Array(k));
const u8 = (n = 1024) => new Column(new Uint8Array(n), (k) => new Uint8Array(k));
const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number.NaN);

/**
 * Builds a HistoryTable from history events (Store.foldHistory hands it each record put and each
 * tombstone), and keeps it as bytes for the snapshot. A record written again with the same id replaces
 * it in place; a deleted one keeps its row, so an undo brings it back where it was.
 */
export class HistoryTableBuilder {
  private n = 0;
  private m = 0;
  private readonly rowF64 = Object.fromEntries(ROW_F64.map((k) => [k, f64()])) as Record<RowF64, Column<Float64Array>>;
  private readonly rowI32 = Object.fromEntries(ROW_I32.map((k) => [k, i32()])) as Record<RowI32, Column<Int32Array>>;
  private flags = u8();
  private readonly splitF64 = Object.fromEntries(SPLIT_F64.map((k) => [k, f64()])) as Record<
    SplitF64,
    Column<Float64Array>
  >;
  private readonly splitI32 = Object.fromEntries(SPLIT_I32.map((k) => [k, i32()])) as Record<
    SplitI32,
    Column<Int32Array>
  >;
  private splitEnd = u8();
  private ids: string[] = [];
  private startedAt: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly strings = new Map<string, number>();
  private readonly recordings = new Map<number, NonNullable<Attempt['recording']>>();
  /** Quiz sessions in history order; a deleted one keeps its place with `alive` false. */
  private sessionIds: string[] = [];
  private readonly sessionOf = new Map<string, number>();
  private sessionAt: number[] = [];
  private sessionTopics: string[][] = [];
  private sessionAlive: boolean[] = [];
  private readonly interviews = new Map<string, unknown>();
  /** The snapshot's line of ids (its bytes), decoded and parsed (into ids, sessionIds and the maps) on first need. */
  private idsLine: Uint8Array | null = null;

  put(list: 'rehearsals' | 'quizzes' | 'interviews', record: Record<string, unknown>): void {
    this.readIds();
    const id = record.id as string;
    if (list === 'rehearsals') {
      let row = this.rowOf.get(id);
      if (row === undefined) {
        row = this.n++;
        this.rowOf.set(id, row);
      }
      this.setAttempt(row, record as unknown as Attempt);
    } else if (list === 'quizzes') {
      const topics = new Set(record.topics as string[]);
      for (const r of record.reviews as Array<{ topic: string }>) topics.add(r.topic);
      let i = this.sessionOf.get(id);
      if (i === undefined) {
        i = this.sessionIds.push(id) - 1;
        this.sessionOf.set(id, i);
      }
      this.sessionAt[i] = Date.parse(record.startedAt as string);
      this.sessionTopics[i] = [...topics];
      this.sessionAlive[i] = true;
    } else this.interviews.set(id, record);
  }

  remove(list: 'rehearsals' | 'quizzes' | 'interviews', id: string): void {
    this.readIds();
    if (list === 'rehearsals') {
      const row = this.rowOf.get(id);
      if (row !== undefined) this.flags.data[row] = this.flags.data[row]! & ~ALIVE;
    } else if (list === 'quizzes') {
      const i = this.sessionOf.get(id);
      if (i !== undefined) this.sessionAlive[i] = false;
    } else if (this.interviews.has(id)) this.interviews.set(id, null);
  }

  /** Adds an attempt as a new row whatever its id (a plain list of attempts: tests, small histories). */
  add(attempt: Attempt): void {
    this.setAttempt(this.n++, attempt);
  }

  private setAttempt(row: number, record: Attempt): void {
    const a = normalizeAttempt(record);
    this.ids[row] = a.id;
    this.startedAt[row] = a.startedAt;
    const f = this.rowF64;
    const speech = a.speech && typeof a.speech === 'object' ? a.speech : null;
    f.at.set(row, Date.parse(a.startedAt));
    f.target.set(row, a.targetSeconds);
    f.total.set(row, a.totalSeconds);
    f.words.set(row, a.words);
    f.wpm.set(row, finite(speech?.wordsPerMinute));
    f.pause.set(row, finite(speech?.longestPauseSeconds));
    f.range.set(row, finite(speech?.rangeSemitones));
    f.sps.set(row, finite(speech?.syllablesPerSecond));
    const i = this.rowI32;
    i.kind.set(row, this.intern(String(a.kind)));
    i.section.set(row, this.intern(a.sectionId));
    i.title.set(row, this.intern(a.sectionTitle));
    i.file.set(row, typeof a.pitchFile === 'string' ? this.intern(a.pitchFile) : -1);
    i.prompt.set(row, typeof a.promptLevel === 'string' ? this.intern(a.promptLevel) : -1);
    i.splitFrom.set(row, this.m);
    i.splitCount.set(row, a.splits.length);
    for (const s of a.splits) {
      const k = this.m++;
      this.splitI32.splitKey.set(k, this.intern(s.key));
      this.splitI32.splitTitle.set(k, this.intern(s.title));
      this.splitF64.splitBudget.set(k, s.budgetSeconds);
      this.splitF64.splitSeconds.set(k, s.seconds === null ? Number.NaN : s.seconds);
      this.splitF64.splitWords.set(k, s.words);
      this.splitF64.splitAt.set(k, typeof s.at === 'number' ? s.at : Number.NaN);
      const end = Math.max(0, ENDS.indexOf(s.end ?? 'said'));
      this.splitEnd.set(k, end | (s.at === null ? AT_NULL : typeof s.at === 'number' ? 0 : AT_NONE));
    }
    const counts = a.kind === 'complete' && !a.suspect;
    this.flags.set(
      row,
      ALIVE |
        (a.suspect ? SUSPECT : 0) |
        (a.confirmedFast ? CONFIRMED : 0) |
        (speech ? SPEECH : 0) |
        (counts ? COUNTS : 0),
    );
    if (a.recording) this.recordings.set(row, a.recording);
    else this.recordings.delete(row);
  }

  private intern(text: string): number {
    let index = this.strings.get(text);
    if (index === undefined) {
      index = this.strings.size;
      this.strings.set(text, index);
    }
    return index;
  }

  build(): HistoryTable {
    const n = this.n;
    // Typed arrays filled by plain loops: a year is 10,000 rows, read once by code that has not warmed up.
    const flags = this.flags.data;
    let alive = 0;
    for (let r = 0; r < n; r++) if (flags[r]! & ALIVE) alive++;
    const rows = new Int32Array(alive);
    for (let r = 0, k = 0; r < n; r++) if (flags[r]! & ALIVE) rows[k++] = r;
    const cut = <A extends Typed>(c: Column<A>, size: number) => c.data.subarray(0, size) as A;
    const attempts: AttemptTable = {
      rows,
      id: (row) => {
        this.readIds();
        return this.ids[row]!;
      },
      startedAt: this.startedAt,
      ...(Object.fromEntries(ROW_F64.map((k) => [k, cut(this.rowF64[k], n)])) as Record<RowF64, Float64Array>),
      ...(Object.fromEntries(ROW_I32.map((k) => [k, cut(this.rowI32[k], n)])) as Record<RowI32, Int32Array>),
      flags: cut(this.flags, n),
      ...(Object.fromEntries(SPLIT_F64.map((k) => [k, cut(this.splitF64[k], this.m)])) as Record<
        SplitF64,
        Float64Array
      >),
      ...(Object.fromEntries(SPLIT_I32.map((k) => [k, cut(this.splitI32[k], this.m)])) as Record<SplitI32, Int32Array>),
      splitEnd: cut(this.splitEnd, this.m),
      strings: [...this.strings.keys()],
      recordings: this.recordings,
    };
    const sessions: SessionInfo[] = [];
    for (let i = 0; i < this.sessionAt.length; i++)
      if (this.sessionAlive[i]) sessions.push({ at: this.sessionAt[i]!, topics: this.sessionTopics[i]! });
    const interviews: unknown[] = [];
    for (const record of this.interviews.values()) if (record !== null) interviews.push(record);
    return { attempts, sessions, interviews };
  }

  /** Every id the table holds (deleted ones too: a put of one of them brings it back in its place), by list. */
  knownIds(): Record<'rehearsals' | 'quizzes' | 'interviews', string[]> {
    this.readIds();
    return {
      rehearsals: this.ids.slice(0, this.n),
      quizzes: [...this.sessionIds],
      interviews: [...this.interviews.keys()],
    };
  }

  /** Whether the snapshot's ids can be read (Store.foldHistory asks before replaying a tail into it). */
  prepareTail(): boolean {
    try {
      this.readIds();
      return true;
    } catch {
      return false;
    }
  }

  /** Parses the snapshot's ids when first needed (a record of the tail, or an id asked for). */
  private readIds(): void {
    if (this.idsLine === null) return;
    const line = this.idsLine;
    const text = Buffer.from(line.buffer, line.byteOffset, line.length).toString('utf8');
    const { ids, sessionIds } = JSON.parse(text) as {
      ids: string[];
      sessionIds: string[];
    };
    if (!Array.isArray(ids) || ids.length !== this.n || !Array.isArray(sessionIds))
      throw new Error('history table: ids do not match the snapshot');
    if (sessionIds.length !== this.sessionAt.length) throw new Error('history table: session ids do not match');
    this.idsLine = null;
    this.ids = ids;
    this.sessionIds = sessionIds;
    for (const [i, id] of ids.entries()) this.rowOf.set(id, i);
    for (const [i, id] of sessionIds.entries()) this.sessionOf.set(id, i);
  }

  /**
   * The whole state as bytes: a JSON line of what statistics read (strings, dates, sessions, interviews),
   * a JSON line of ids (only parsed when the log's tail changes something), then the columns.
   */
  toBytes(): Uint8Array {
    this.readIds();
    const { n, m } = this;
    // Sessions' topic lists are few and repeated: each distinct list once.
    const sets = new Map<string, number>();
    const setOf = this.sessionTopics.map((topics) => {
      const key = JSON.stringify(topics);
      let i = sets.get(key);
      if (i === undefined) sets.set(key, (i = sets.size));
      return i;
    });
    const head = Buffer.from(
      `${JSON.stringify({
        n,
        m,
        strings: [...this.strings.keys()],
        startedAt: this.startedAt,
        recordings: [...this.recordings],
        sessions: {
          at: this.sessionAt.map((at) => (Number.isFinite(at) ? at : null)),
          set: setOf,
          sets: [...sets.keys()].map((key) => JSON.parse(key) as string[]),
          dead: [...this.sessionAlive.keys()].filter((i) => !this.sessionAlive[i]),
        },
        interviews: [...this.interviews],
      })}\n${JSON.stringify({ ids: this.ids, sessionIds: this.sessionIds })}\n`,
      'utf8',
    );
    const columns = this.columns();
    const pad = (8 - (head.length % 8)) % 8;
    const size = columns.reduce((total, [c, k]) => total + k * c.data.BYTES_PER_ELEMENT, 0);
    const out = Buffer.alloc(head.length + pad + size);
    head.copy(out, 0);
    let at = head.length + pad;
    for (const [column, count] of columns) {
      const d = column.data;
      out.set(new Uint8Array(d.buffer, d.byteOffset, count * d.BYTES_PER_ELEMENT), at);
      at += count * d.BYTES_PER_ELEMENT;
    }
    return out;
  }

  /** A builder from toBytes() output; null when the bytes are not such a snapshot. */
  static fromBytes(bytes: Uint8Array): HistoryTableBuilder | null {
    try {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      const nl = buffer.indexOf(0x0a);
      const nl2 = buffer.indexOf(0x0a, nl + 1);
      if (nl < 0 || nl2 < 0) return null;
      const head = JSON.parse(buffer.toString('utf8', 0, nl)) as {
        n: number;
        m: number;
        strings: string[];
        startedAt: string[];
        recordings: Array<[number, NonNullable<Attempt['recording']>]>;
        sessions: { at: Array<number | null>; set: number[]; sets: string[][]; dead: number[] };
        interviews: Array<[string, unknown]>;
      };
      const b = new HistoryTableBuilder();
      b.n = head.n;
      b.m = head.m;
      let at = nl2 + 1 + ((8 - ((nl2 + 1) % 8)) % 8);
      for (const [column, count] of b.columns()) {
        const d = column.data;
        const size = count * d.BYTES_PER_ELEMENT;
        if (at + size > buffer.length) return null;
        column.data = columnAt(d.constructor as TypedConstructor, buffer, at, count) as typeof d;
        at += size;
      }
      const { sessions } = head;
      if (at !== buffer.length || head.startedAt.length !== head.n || sessions.set.length !== sessions.at.length)
        return null;
      b.idsLine = buffer.subarray(nl + 1, nl2);
      b.startedAt = head.startedAt;
      for (const s of head.strings) b.intern(s);
      for (const [row, rec] of head.recordings) b.recordings.set(row, rec);
      b.sessionAt = sessions.at.map((x) => x ?? Number.NaN);
      b.sessionTopics = sessions.set.map((i) => sessions.sets[i]!);
      b.sessionAlive = sessions.at.map(() => true);
      for (const i of sessions.dead) b.sessionAlive[i] = false;
      for (const [id, record] of head.interviews) b.interviews.set(id, record);
      return b;
    } catch {
      return null;
    }
  }

  /** Every column with how many of its values are in use, f64 first (aligned in the snapshot). */
  private columns(): Array<[Column<Typed>, number]> {
    const { n, m } = this;
    return [
      ...ROW_F64.map((k): [Column<Typed>, number] => [this.rowF64[k], n]),
      ...SPLIT_F64.map((k): [Column<Typed>, number] => [this.splitF64[k], m]),
      ...ROW_I32.map((k): [Column<Typed>, number] => [this.rowI32[k], n]),
      ...SPLIT_I32.map((k): [Column<Typed>, number] => [this.splitI32[k], m]),
      [this.flags, n],
      [this.splitEnd, m],
    ];
  }
}

/** A table of plain attempts, each its own row (tests, and callers holding a list). */
export function attemptTable(attempts: Iterable<Attempt>): AttemptTable {
  const builder = new HistoryTableBuilder();
  for (const a of attempts) builder.add(a);
  return builder.build().attempts;
}

/** The same table with only the rows kept by `keep`. */
export function selectRows(table: AttemptTable, keep: (row: number) => boolean): AttemptTable {
  return { ...table, rows: table.rows.filter(keep) };
}

/** Row r as an attempt (normalized, with what statistics and the report page read). */
export function attemptAt(t: AttemptTable, r: number): Attempt {
  const s = t.strings;
  const splits = [];
  for (let k = t.splitFrom[r]!; k < t.splitFrom[r]! + t.splitCount[r]!; k++) {
    const end = t.splitEnd[k]!;
    const seconds = t.splitSeconds[k]!;
    splits.push({
      key: s[t.splitKey[k]!]!,
      title: s[t.splitTitle[k]!]!,
      budgetSeconds: t.splitBudget[k]!,
      seconds: Number.isNaN(seconds) ? null : seconds,
      words: t.splitWords[k]!,
      end: ENDS[end & 3]!,
      ...(end & AT_NONE ? {} : { at: end & AT_NULL ? null : t.splitAt[k]! }),
    });
  }
  const flags = t.flags[r]!;
  const metrics = [
    ['wordsPerMinute', t.wpm],
    ['longestPauseSeconds', t.pause],
    ['rangeSemitones', t.range],
    ['syllablesPerSecond', t.sps],
  ] as const;
  const speech =
    flags & SPEECH
      ? Object.fromEntries(metrics.filter(([, c]) => !Number.isNaN(c[r]!)).map(([name, c]) => [name, c[r]!]))
      : undefined;
  const recording = t.recordings.get(r);
  return {
    id: t.id(r),
    startedAt: t.startedAt[r]!,
    sectionId: s[t.section[r]!]!,
    sectionTitle: s[t.title[r]!]!,
    targetSeconds: t.target[r]!,
    promptLevel: (t.prompt[r]! < 0 ? undefined : s[t.prompt[r]!]) as Attempt['promptLevel'],
    kind: s[t.kind[r]!] as Attempt['kind'],
    totalSeconds: t.total[r]!,
    splits,
    words: t.words[r]!,
    suspect: (flags & SUSPECT) !== 0,
    ...(flags & CONFIRMED ? { confirmedFast: true } : {}),
    pitchFile: t.file[r]! < 0 ? null : s[t.file[r]!]!,
    ...(speech ? { speech } : {}),
    ...(recording ? { recording } : {}),
  };
}

/** Every attempt of the table, in history order (the report page draws from them). */
export function attemptsOf(t: AttemptTable): Attempt[] {
  return Array.from(t.rows, (r) => attemptAt(t, r));
}

/** The latest attempt with a recording (by startedAt; the later in history on a tie), or null. */
export function latestRecorded(t: AttemptTable): Attempt | null {
  if (t.recordings.size === 0) return null;
  let best = -1;
  for (const r of t.rows) if (t.recordings.has(r) && (best < 0 || t.startedAt[r]! >= t.startedAt[best]!)) best = r;
  return best < 0 ? null : attemptAt(t, best);
}

/** Whether any attempt of the table is of this section. */
export function hasSection(t: AttemptTable, sectionId: string): boolean {
  const section = t.strings.indexOf(sectionId);
  return section >= 0 && t.rows.some((r) => t.section[r] === section);
}

/** Store.foldHistory's description of the table: kept as cache/history-table.bin. */
export const HISTORY_TABLE_FOLD = {
  name: 'history-table',
  version: HISTORY_TABLE_VERSION,
  empty: () => new HistoryTableBuilder(),
  save: (b: HistoryTableBuilder) => b.toBytes(),
  load: (bytes: Uint8Array) => HistoryTableBuilder.fromBytes(bytes),
  prepare: (b: HistoryTableBuilder) => b.prepareTail(),
};
