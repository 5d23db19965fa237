import type { DayClock } from './days.js';
import { chronological, Growing, RehearsalSummary, SectionSummary, SortedValues } from './rehearsals.js';
import { QuizSummary } from './quiz.js';
import { columnAt, HISTORY_TABLE_FOLD, HISTORY_TABLE_VERSION, HistoryTableBuilder } from './history-table.js';
import { REVIEW_TABLE_FOLD, ReviewTableBuilder } from './review-table.js';

/**
 * What the unnarrowed `pitch stats` (no --since, --section or --topic) is computed from: the rehearsals
 * (stats/rehearsals.ts RehearsalSummary: counts, days, per section the sorted split times and totals, the
 * chart's points), the reviews (stats/quiz.ts QuizSummary: per day, per topic, Again per question), the quiz
 * sessions and interviews counted. The store keeps it as cache/stats-summary.bin at an offset of each log
 * (Store.foldBoth) and adds what was logged since — new rehearsals in time order, sessions, interviews,
 * reviews and undone ones — so a run costs the days, the sections and the new events, not a year of them.
 * Anything else in a tail (a record written again or deleted, a rehearsal older than the latest, an undo
 * of a review the summary already holds) makes it be computed anew from the statistics' columns.
 */
export class StatsSummary {
  sessions = 0;
  interviews = 0;
  constructor(
    readonly rehearsals: RehearsalSummary,
    readonly quiz: QuizSummary,
    /** The ids history holds (hashed: a put of an unknown id is an append, of a known one an edit). */
    readonly ids: IdSet,
  ) {}
}

type List = 'rehearsals' | 'quizzes' | 'interviews';

/** 32-bit FNV-1a hashes of `list` + id, sorted: no false "unknown" (a collision only costs a rebuild). */
export class IdSet {
  constructor(public hashes: Uint32Array = new Uint32Array(0)) {}

  static of(ids: Record<List, string[]>): IdSet {
    const set = new IdSet();
    set.add(ids);
    return set;
  }

  has(list: List, id: string): boolean {
    const h = hashId(list, id);
    const a = this.hashes;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < a.length && a[lo] === h;
  }

  add(ids: Record<List, string[]>): void {
    const all = (Object.keys(ids) as List[]).flatMap((list) => ids[list].map((id) => hashId(list, id)));
    const merged = new Uint32Array(this.hashes.length + all.length);
    merged.set(this.hashes);
    merged.set(all, this.hashes.length);
    this.hashes = merged.sort();
  }
}

function hashId(list: List, id: string): number {
  let h = 0x811c9dc5;
  const text = `${list}\u0000${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The summary computed from the statistics' columns (each brought up to its log's end). */
export function deriveSummary(
  history: HistoryTableBuilder,
  reviews: ReviewTableBuilder,
  clock: DayClock,
  legacyPitchFile: string | null,
): StatsSummary {
  const table = history.build();
  const rehearsals = new RehearsalSummary(legacyPitchFile);
  const chrono = chronological(table.attempts, clock);
  rehearsals.addRows(table.attempts, chrono.rows, chrono.day, null);
  const quiz = new QuizSummary();
  quiz.addTable(reviews.build(), clock);
  const summary = new StatsSummary(rehearsals, quiz, IdSet.of(history.knownIds()));
  summary.sessions = countDated(table.sessions);
  summary.interviews = table.interviews.length;
  return summary;
}

/** Sessions with a readable date (the others belong to no day, and statistics leave them out). */
const countDated = (sessions: ReadonlyArray<{ at: number }>): number =>
  sessions.reduce((n, s) => (Number.isFinite(s.at) ? n + 1 : n), 0);

/**
 * Sinks taking the logs' tails into `summary`; finish() adds what they gathered and tells whether the
 * summary could take it all (false: it must be computed anew, and is left half-changed).
 */
export function summaryTail(summary: StatsSummary, clock: DayClock) {
  const history = new HistoryTableBuilder();
  const reviews = new ReviewTableBuilder();
  let edited = false;
  return {
    history: {
      put(list: List, record: Record<string, unknown>) {
        if (summary.ids.has(list, record.id as string)) edited = true;
        else history.put(list, record);
      },
      remove(list: List, id: string) {
        if (summary.ids.has(list, id)) edited = true;
        else history.remove(list, id);
      },
    },
    reviews: {
      add: (review: Parameters<ReviewTableBuilder['add']>[0]) => reviews.add(review),
      remove(questionId: string, reviewedAt: string) {
        if (!reviews.remove(questionId, reviewedAt)) edited = true;
      },
    },
    finish(): boolean {
      if (edited) return false;
      const table = history.build();
      const t = table.attempts;
      const chrono = chronological(t, clock);
      // Time order: the new rehearsals go after every one the summary holds (equal starts: history order).
      for (const r of chrono.rows) if (!(t.at[r]! >= summary.rehearsals.maxAt)) return false;
      summary.rehearsals.addRows(t, chrono.rows, chrono.day, null);
      summary.quiz.addTable(reviews.build(), clock);
      summary.sessions += countDated(table.sessions);
      summary.interviews += table.interviews.length;
      summary.ids.add(history.knownIds());
      return true;
    },
  };
}

// ---------------------------------------------------------------- bytes

/**
 * Numbers go to one Float64 stream (exactly: NaN, ±Infinity and −0 survive, which JSON would not keep),
 * strings to one JSON line before it; long lists of numbers are read in place from the file's buffer.
 */
class Writer {
  readonly numbers = new Growing(new Float64Array(4096));
  readonly strings: unknown[] = [];
  /** Runs' start times, on a line of their own: parsed only when asked for (`--json`, runs to add). */
  readonly starts: string[][] = [];
  /** Each section's runs as `--json` writes them (SectionSummary.runsText), as they are, after the lines. */
  readonly runsTexts: string[] = [];
  readonly runsCounts: number[] = [];

  num(x: number): void {
    this.numbers.push(x);
  }

  list(values: ArrayLike<number>): void {
    this.num(values.length);
    for (let i = 0; i < values.length; i++) this.numbers.push(values[i]!);
  }

  text(value: unknown): void {
    this.strings.push(value);
  }
}

class Reader {
  private at = 0;
  private s = 0;
  private k = 0;
  constructor(
    private readonly numbers: Float64Array<ArrayBuffer>,
    private readonly strings: unknown[],
    private readonly startLists: () => unknown,
    private readonly runsTexts: ReadonlyArray<{ count: number; read: () => string }>,
  ) {}

  private t = 0;

  /** The next section's runs text (SectionSummary.pointsText): how many points, and the text read on need. */
  runsText(): { count: number; read: () => string } {
    const text = this.runsTexts[this.t++];
    if (!text) throw new Error('summary: too few runs texts');
    return text;
  }

  num(): number {
    if (this.at >= this.numbers.length) throw new Error('summary: too few numbers');
    return this.numbers[this.at++]!;
  }

  list(): Float64Array<ArrayBuffer> {
    const n = this.num();
    if (!(n >= 0 && this.at + n <= this.numbers.length)) throw new Error('summary: bad list');
    const values = this.numbers.subarray(this.at, this.at + n);
    this.at += n;
    return values;
  }

  /** The i-th list of starts, from their line parsed once on first need. */
  starts(): () => string[] {
    const i = this.k++;
    return () => {
      const lists = this.startLists();
      if (!Array.isArray(lists) || !isStrings(lists[i])) throw new Error('summary: bad starts');
      return lists[i];
    };
  }

  text<T>(check: (v: unknown) => v is T): T {
    const v = this.strings[this.s++];
    if (!check(v)) throw new Error('summary: bad text');
    return v;
  }

  done(): boolean {
    return this.at === this.numbers.length && this.s === this.strings.length && this.t === this.runsTexts.length;
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function writeSection(w: Writer, s: SectionSummary): void {
  w.text(s.key);
  w.text(s.pitchFile);
  w.text(s.sectionId);
  w.text(s.title);
  w.list([s.n, ...s.counts, s.suspect, s.legacyRecords ? 1 : 0, s.target, s.lastAt, s.lastTotal]);
  for (const ref of [s.refComplete, s.refLongest]) {
    w.num(ref ? 1 : 0);
    if (!ref) continue;
    w.text(ref.keys);
    w.text(ref.titles);
    w.list(ref.budgets);
  }
  w.num(s.refLongestCount);
  w.text([...s.said.keys()]);
  for (const times of s.said.values()) {
    w.num(times.last);
    w.list(times.sorted.values());
  }
  w.num(s.targets.length);
  for (const records of s.targets) {
    w.list([records.target, records.pb, records.pbSeq]);
    w.text(records.pbAt);
    w.text([...records.best.keys()]);
    w.list([...records.best.values()]);
  }
  w.list(s.totals.values());
  w.starts.push(s.pointAt);
  w.runsTexts.push(s.runsText());
  w.runsCounts.push(s.pointDay.size);
  w.list(s.pointDay.values());
  w.list(s.pointTotal.values());
}

function readSection(r: Reader): SectionSummary {
  const s = new SectionSummary(r.text(isString), r.text(isString));
  s.sectionId = r.text(isString);
  s.title = r.text(isString);
  const head = r.list();
  if (head.length !== 10) throw new Error('summary: bad section');
  s.n = head[0]!;
  s.counts = [head[1]!, head[2]!, head[3]!, head[4]!];
  s.suspect = head[5]!;
  s.legacyRecords = head[6] === 1;
  s.target = head[7]!;
  s.lastAt = head[8]!;
  s.lastTotal = head[9]!;
  const refs = [0, 1].map(() =>
    r.num() === 1 ? { keys: r.text(isStrings), titles: r.text(isStrings), budgets: [...r.list()] } : null,
  );
  s.refComplete = refs[0]!;
  if (!refs[1]) throw new Error('summary: no split list');
  s.refLongest = refs[1];
  s.refLongestCount = r.num();
  for (const key of r.text(isStrings)) {
    const last = r.num();
    const sorted = r.list();
    s.said.set(key, { last, sorted: new SortedValues(sorted, sorted.length) });
  }
  for (let n = r.num(); n > 0; n--) {
    const [target, pb, pbSeq] = r.list();
    const pbAt = r.text(isString);
    const keys = r.text(isStrings);
    const values = r.list();
    if (keys.length !== values.length) throw new Error('summary: bad records');
    s.targets.push({
      target: target!,
      pb: pb!,
      pbSeq: pbSeq!,
      pbAt,
      best: new Map(keys.map((k, i) => [k, values[i]!])),
    });
  }
  const totals = r.list();
  Object.assign(s.totals, { data: totals, size: totals.length });
  s.starts.restore(r.starts());
  const day = r.list();
  const total = r.list();
  if (day.length !== total.length) throw new Error('summary: bad points');
  const text = r.runsText();
  if (text.count !== day.length) throw new Error('summary: bad runs text');
  s.pointsText.restore(text.read, text.count);
  Object.assign(s.pointDay, { data: day, size: day.length });
  Object.assign(s.pointTotal, { data: total, size: total.length });
  return s;
}

const SPEECH_COLUMNS = ['day', 'section', 'file', 'wpm', 'pause', 'range', 'sps'] as const;

/**
 * The summary as bytes: a JSON line of its strings, one of the runs' starts, one of the sizes of the
 * sections' runs texts (bytes, points) and those texts as they are, padded to 8 bytes, then its numbers
 * and the id hashes.
 */
export function summaryToBytes(summary: StatsSummary): Uint8Array {
  const w = new Writer();
  const { rehearsals: rs, quiz: q } = summary;
  w.list([rs.count, ...rs.counts, rs.suspect, rs.maxAt, summary.sessions, summary.interviews]);
  w.list(rs.days);
  w.text(rs.paceFiles);
  w.num(rs.sections.length);
  for (const s of rs.sections) writeSection(w, s);
  const sp = rs.speech;
  w.starts.push(sp.at);
  w.text(sp.names);
  for (const column of SPEECH_COLUMNS) w.list(sp[column].values());
  w.list([q.count, q.mature, q.recalled]);
  w.list([...q.perDay.keys()]);
  w.list([...q.perDay.values()]);
  w.text([...q.topics.keys()]);
  for (const t of q.topics.values()) w.list([t.reviews, t.mature, t.recalled]);
  w.text([...q.again.keys()]);
  w.list([...q.again.values()]);
  const sizes = w.runsTexts.map((t, i) => [Buffer.byteLength(t), w.runsCounts[i]!]);
  const text = `${JSON.stringify(w.strings)}\n${JSON.stringify(w.starts)}\n${JSON.stringify(sizes)}\n${w.runsTexts.join('')}`;
  // Padded in bytes (the strings are not all ASCII), so the numbers after it are aligned.
  const pad = (8 - ((Buffer.byteLength(text) + 1) % 8)) % 8;
  const head = Buffer.from(`${text}${' '.repeat(pad)}\n`, 'utf8');
  const numbers = w.numbers.values();
  const out = Buffer.alloc(head.length + 8 + numbers.byteLength + summary.ids.hashes.byteLength);
  head.copy(out, 0);
  out.writeUInt32LE(numbers.length, head.length);
  out.writeUInt32LE(summary.ids.hashes.length, head.length + 4);
  out.set(new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength), head.length + 8);
  const ids = summary.ids.hashes;
  out.set(new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength), head.length + 8 + numbers.byteLength);
  return out;
}

/** A summary from summaryToBytes(); null when the bytes are not one (it is then computed anew). */
export function summaryFromBytes(bytes: Uint8Array, legacyPitchFile: string | null): StatsSummary | null {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const nl1 = buffer.indexOf(0x0a);
    const nl2 = buffer.indexOf(0x0a, nl1 + 1);
    const nl3 = buffer.indexOf(0x0a, nl2 + 1);
    const strings = JSON.parse(buffer.toString('utf8', 0, nl1)) as unknown;
    const sizes = JSON.parse(buffer.toString('utf8', nl2 + 1, nl3)) as unknown;
    if (!Array.isArray(strings) || !Array.isArray(sizes) || nl3 < 0) return null;
    // The runs texts (read when asked for: `--json`), then the padding's line.
    let end = nl3 + 1;
    const runsTexts = sizes.map((size: unknown) => {
      const [bytes, count] = Array.isArray(size) ? size : [];
      if (!Number.isInteger(bytes) || !Number.isInteger(count) || bytes < 0) throw new Error('summary: bad size');
      const from = end;
      end += bytes;
      return { count: count as number, read: () => buffer.toString('utf8', from, from + bytes) };
    });
    const nl = buffer.indexOf(0x0a, end);
    if (nl < 0 || nl - end > 7 || (nl + 1) % 8 !== 0) return null;
    let startLists: unknown;
    const starts = () => (startLists ??= JSON.parse(buffer.toString('utf8', nl1 + 1, nl2)));
    const count = buffer.readUInt32LE(nl + 1);
    const idCount = buffer.readUInt32LE(nl + 5);
    const at = nl + 9;
    if (buffer.length !== at + count * 8 + idCount * 4) return null;
    const numbers = columnAt(Float64Array, buffer, at, count) as Float64Array<ArrayBuffer>;
    const ids = new Uint32Array(idCount);
    new Uint8Array(ids.buffer).set(buffer.subarray(at + count * 8, at + count * 8 + idCount * 4));
    const r = new Reader(numbers, strings, starts, runsTexts);
    const rs = new RehearsalSummary(legacyPitchFile);
    const head = r.list();
    if (head.length !== 9) return null;
    [rs.count, rs.counts[0], rs.counts[1], rs.counts[2], rs.counts[3], rs.suspect, rs.maxAt] = head;
    rs.days = [...r.list()];
    rs.paceFiles.push(...r.text(isStrings));
    for (let n = r.num(); n > 0; n--) rs.restoreSection(readSection(r));
    const sp = rs.speech;
    sp.starts.restore(r.starts());
    sp.restoreNames(r.text(isStrings));
    for (const column of SPEECH_COLUMNS) {
      const values = r.list();
      sp[column] = new Growing(values, values.length);
    }
    if (SPEECH_COLUMNS.some((column) => sp[column].size !== sp.day.size)) return null;
    const q = new QuizSummary();
    [q.count, q.mature, q.recalled] = r.list();
    const days = r.list();
    const perDay = r.list();
    if (days.length !== perDay.length) return null;
    for (let i = 0; i < days.length; i++) q.perDay.set(days[i]!, perDay[i]!);
    for (const id of r.text(isStrings)) {
      const [reviews, mature, recalled] = r.list();
      q.topics.set(id, { reviews: reviews!, mature: mature!, recalled: recalled! });
    }
    const againIds = r.text(isStrings);
    const again = r.list();
    if (againIds.length !== again.length) return null;
    for (let i = 0; i < again.length; i++) q.again.set(againIds[i]!, again[i]!);
    if (!r.done()) return null;
    const summary = new StatsSummary(rs, q, new IdSet(ids));
    summary.sessions = head[7]!;
    summary.interviews = head[8]!;
    return summary;
  } catch {
    return null;
  }
}

/**
 * Store.foldBoth's description of the summary (cache/stats-summary.bin): its version names the format, the
 * rules attempts were judged by, the time zone and the zone data days were counted in, and the bundled
 * pitch's path (records without a pitch file are its): any of them changing computes it anew.
 */
export function statsSummaryFold(clock: DayClock, zoneData: string, legacyPitchFile: string | null) {
  return {
    name: 'stats-summary',
    version: JSON.stringify([2, HISTORY_TABLE_VERSION, clock.timeZone, zoneData, legacyPitchFile]),
    history: HISTORY_TABLE_FOLD,
    reviews: REVIEW_TABLE_FOLD,
    derive: (history: HistoryTableBuilder, reviews: ReviewTableBuilder) =>
      deriveSummary(history, reviews, clock, legacyPitchFile),
    save: summaryToBytes,
    load: (bytes: Uint8Array) => summaryFromBytes(bytes, legacyPitchFile),
    tail: (summary: StatsSummary) => summaryTail(summary, clock),
  };
}
