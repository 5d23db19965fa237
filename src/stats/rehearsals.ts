import type { Attempt } from '../rehearsal/types.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';
import type { DayClock } from './days.js';
import { type AttemptTable, attemptTable, COUNTS, SUSPECT } from './history-table.js';
import { dayToIso } from './days.js';
import type { RehearsalStats, RunPoint, SectionStats, SpeechPoint, SpeechStats, SplitStats, Streak } from './types.js';

/** Seconds to tenths, as every clock of the app shows them. */
export const tenths = (x: number): number => Math.round(x * 10) / 10;

/** Median of numbers (sorted copy); null for none. */
export function median(values: ArrayLike<number>): number | null {
  if (!values.length) return null;
  // A typed array sorts numbers natively (a comparator costs ~10 ms over a year of runs).
  const s = new Float64Array(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The current and longest runs of consecutive days in `days` (local day numbers, any order, repeats
 * allowed). A streak is still current on the day after its last day: today is not over yet.
 */
export function computeStreak(days: Iterable<number>, today: number): Streak {
  const sorted = [...new Set(days)].filter((d) => Number.isFinite(d) && d <= today).sort((a, b) => a - b);
  if (!sorted.length) return { current: 0, longest: 0, lastDay: null };
  let longest = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  const last = sorted[sorted.length - 1]!;
  return { current: last >= today - 1 ? run : 0, longest, lastDay: dayToIso(last) };
}

/** Attempts as a table (stats/history-table.ts), or a plain list of them. */
export type Attempts = AttemptTable | readonly Attempt[];

const asTable = (attempts: Attempts): AttemptTable =>
  Array.isArray(attempts) ? attemptTable(attempts as readonly Attempt[]) : (attempts as AttemptTable);

/** Rows with a readable date, oldest first (history order on a tie), and each row's local day. */
interface Chronology {
  rows: number[];
  day: Float64Array;
}

const KIND_CODES: Readonly<Record<string, number>> = { complete: 0, practice: 1, incomplete: 2, aborted: 3 };
const COMPLETE = 0;

/** Each interned string's kind code (-1: not a kind), so rows compare numbers, not strings. */
function kindCodes(t: AttemptTable): Int8Array {
  return Int8Array.from(t.strings, (s) => (Object.hasOwn(KIND_CODES, s) ? KIND_CODES[s]! : -1));
}

// Rehearsal and speech statistics of one `pitch stats` share the sorted rows.
const chronologies = new WeakMap<AttemptTable, { clock: DayClock; value: Chronology }>();

/**
 * The attempts with a readable date, oldest first (history is kept in order, but a hand-merged file
 * may not be). An attempt without a readable date cannot be placed on a chart or a calendar.
 * A year is 10,000 attempts, read once per run by code that has not warmed up: plain indexed loops,
 * and the clock asked again only when a date leaves the day span of the one before.
 */
export function chronological(t: AttemptTable, clock: DayClock): Chronology {
  const known = chronologies.get(t);
  if (known?.clock === clock) return known.value;
  const at = t.at;
  const day = new Float64Array(at.length);
  const rows = placeRows(t.rows, at, clock, day);
  // A stable sort: rows are in history order, which breaks ties (and history is nearly always in order already).
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = at[rows[i - 1]!]! <= at[rows[i]!]!;
  if (!sorted) rows.sort((x, y) => at[x]! - at[y]!);
  const value = { rows, day };
  chronologies.set(t, { clock, value });
  return value;
}

/**
 * The rows with a readable date, each one's day set in `day`: walked a day span at a time (the clock asked
 * once per span), each span's rows placed by a small function V8 optimises after a few days.
 */
function placeRows(all: Int32Array, at: Float64Array, clock: DayClock, day: Float64Array): number[] {
  const rows: number[] = [];
  for (let i = 0; i < all.length; ) {
    const ms = at[all[i]!]!;
    // Finite: NaN and ±Infinity give NaN here.
    if (ms - ms !== 0) {
      i++;
      continue;
    }
    const span = clock.span(ms);
    i = placeSpan(all, at, i, ms, span.end, span.day, day, rows);
  }
  return rows;
}

/** Places rows from `i` while their dates stay in [start, end) (the day `d`); returns the first row that does not. */
function placeSpan(
  all: Int32Array,
  at: Float64Array,
  i: number,
  start: number,
  end: number,
  d: number,
  day: Float64Array,
  rows: number[],
): number {
  for (; i < all.length; i++) {
    const r = all[i]!;
    const ms = at[r]!;
    if (!(ms >= start && ms < end)) break;
    rows.push(r);
    day[r] = d;
  }
  return i;
}

/** The days of `rows` without their repeats in a row (rows in order repeat a day many times). */
function daysOf(rows: readonly number[], day: Float64Array): number[] {
  const days: number[] = [];
  let last = Number.NaN;
  for (let i = 0; i < rows.length; i++) {
    const d = day[rows[i]!]!;
    if (d !== last) days.push((last = d));
  }
  return days;
}

export interface RehearsalOptions {
  clock: DayClock;
  today: number;
  /** First day included (null: everything). The streak ignores it: it is about today. */
  sinceDay: number | null;
  /**
   * The resolved path of the bundled pitch: records saved before pitch identities (no pitchFile) belong to it
   * (rehearsal/identity.ts). Null or absent: they stay a pitch of their own.
   */
  legacyPitchFile?: string | null | undefined;
}

/**
 * Everything the rehearsal part of `pitch stats` shows, for attempts already narrowed to a section
 * (or not). Records follow rehearsal/records (practice never a PB), per section and target; statuses
 * (normalized kind, suspect) were settled when each attempt entered the table. Computed by gathering the
 * rows into a RehearsalSummary, as the statistics snapshot does (stats/summary.ts): one code path.
 */
export function computeRehearsalStats(attempts: Attempts, options: RehearsalOptions): RehearsalStats {
  const { clock, today, sinceDay } = options;
  const t = asTable(attempts);
  const summary = summarize(t, clock, sinceDay, options.legacyPitchFile ?? null);
  const { rows, day } = chronological(t, clock);
  // The streak is about today: every day rehearsed, --since or not.
  return rehearsalReport(summary, today, sinceDay === null ? summary.days : daysOf(rows, day));
}

/** The rows of `t` from `sinceDay` on (all: null), in time order, gathered into a summary. */
function summarize(t: AttemptTable, clock: DayClock, sinceDay: number | null, legacy: string | null): RehearsalSummary {
  const chrono = chronological(t, clock);
  const summary = new RehearsalSummary(legacy);
  summary.addRows(t, chrono.rows, chrono.day, sinceDay);
  return summary;
}

/** Split times said in the runs that count, for one split key of one section: sorted, and the last one said. */
class SaidTimes {
  sorted = new SortedValues();
  last = Number.NaN;
}

/** The runs of one section at one exact target: the record (PB) among them and each split key's best segment. */
interface TargetRecords {
  target: number;
  /** Fastest total; its place among the section's counted runs breaks ties (the earlier one wins). */
  pb: number;
  pbSeq: number;
  pbAt: string;
  best: Map<string, number>;
}

/** A run's split list: the section as that run had it. */
interface SplitList {
  keys: string[];
  titles: string[];
  budgets: number[];
}

/** One section at one target (rounded to tenths) of one pitch file, as its runs were added in time order. */
export class SectionSummary {
  n = 0;
  counts = [0, 0, 0, 0];
  suspect = 0;
  legacyRecords = false;
  /** The latest run's. */
  sectionId = '';
  title = '';
  target = 0;
  lastAt = Number.NaN;
  /** The latest complete run's split list; the latest longest one while there is none. */
  refComplete: SplitList | null = null;
  refLongest: SplitList = { keys: [], titles: [], budgets: [] };
  refLongestCount = -1;
  readonly said = new Map<string, SaidTimes>();
  readonly targets: TargetRecords[] = [];
  readonly totals = new SortedValues();
  lastTotal = Number.NaN;
  /** Counted runs, oldest first: start (as stored), local day, total. */
  readonly starts = new Starts();
  readonly pointDay = new Growing();
  readonly pointTotal = new Growing();

  constructor(
    readonly key: string,
    /** The pitch file ('' for none, the bundled pitch's path when records without one belong to it). */
    readonly pitchFile: string,
  ) {}

  /**
   * The counted runs as `pitch stats --json` writes them: the text between the brackets of the section's
   * `runs` list, at RUNS_INDENT. A snapshot's is read from it (statistics' summary keeps it); the points
   * added since are stringified and appended here, so a year of runs is not made into objects on every run.
   */
  readonly pointsText = new PointsText();

  /** The counted runs' starts (those of a snapshot read only when asked for: `--json`, the report page). */
  get pointAt(): string[] {
    return this.starts.all(this.pointDay.size);
  }

  /** pointsText brought up to every counted run. */
  runsText(): string {
    const n = this.pointDay.size;
    const text = this.pointsText;
    if (text.count === n) return text.all();
    const at = this.pointAt;
    const day = this.pointDay.data;
    const total = this.pointTotal.data;
    const points: RunPoint[] = [];
    for (let i = text.count; i < n; i++) points.push(runPoint(at[i]!, dayToIso(day[i]!), total[i]!));
    text.append(points, n);
    return text.all();
  }

  /** Adds run r (the latest so far); `many`: one of many added at once (their times sorted when read). */
  add(t: AttemptTable, r: number, kind: number, day: number, many = false): void {
    const flags = t.flags[r]!;
    const { strings } = t;
    this.n++;
    if (kind >= 0) this.counts[kind]!++;
    if (kind === COMPLETE && flags & SUSPECT) this.suspect++;
    if (!this.legacyRecords && (t.file[r]! < 0 || strings[t.file[r]!] === '')) this.legacyRecords = true;
    this.sectionId = strings[t.section[r]!]!;
    this.title = strings[t.title[r]!]!;
    this.target = t.target[r]!;
    this.lastAt = t.at[r]!;
    if (kind === COMPLETE) this.refComplete = splitList(t, r);
    if (t.splitCount[r]! >= this.refLongestCount) {
      this.refLongest = splitList(t, r);
      this.refLongestCount = t.splitCount[r]!;
    }
    if (!(flags & COUNTS)) return;
    const seconds = t.total[r]!;
    const seq = this.pointDay.size;
    if (many) this.totals.append(seconds);
    else this.totals.insert(seconds);
    this.lastTotal = seconds;
    this.starts.push(t.startedAt[r]!);
    this.pointDay.push(day);
    this.pointTotal.push(seconds);
    let records = this.targets.find((x) => x.target === t.target[r]!);
    if (!records) {
      records = { target: t.target[r]!, pb: seconds, pbSeq: seq, pbAt: t.startedAt[r]!, best: new Map() };
      this.targets.push(records);
    } else if (seconds < records.pb) {
      records.pb = seconds;
      records.pbSeq = seq;
      records.pbAt = t.startedAt[r]!;
    }
    const from = t.splitFrom[r]!;
    const end = from + t.splitCount[r]!;
    for (let k = from; k < end; k++) {
      const said = t.splitSeconds[k]!;
      if (!(said > 0)) continue;
      const key = strings[t.splitKey[k]!]!;
      const best = records.best.get(key);
      if (best === undefined || said < best) records.best.set(key, said);
      let times = this.said.get(key);
      if (!times) this.said.set(key, (times = new SaidTimes()));
      if (many) times.sorted.append(said);
      else times.sorted.insert(said);
      times.last = said;
    }
  }
}

function splitList(t: AttemptTable, r: number): SplitList {
  const list: SplitList = { keys: [], titles: [], budgets: [] };
  for (let k = t.splitFrom[r]!; k < t.splitFrom[r]! + t.splitCount[r]!; k++) {
    list.keys.push(t.strings[t.splitKey[k]!]!);
    list.titles.push(t.strings[t.splitTitle[k]!]!);
    list.budgets.push(t.splitBudget[k]!);
  }
  return list;
}

/**
 * Rehearsals summed up for statistics, run by run in time order: counts, days, one SectionSummary per
 * section, target and pitch file, and the measured runs' voice figures. Every figure of the rehearsal and
 * speech parts of `pitch stats` comes from it (rehearsalReport, speechReport); the statistics snapshot keeps
 * one of the whole history and adds the runs logged since (stats/summary.ts).
 */
export class RehearsalSummary {
  count = 0;
  counts = [0, 0, 0, 0];
  suspect = 0;
  /** Local days with a rehearsal, ascending. */
  days: number[] = [];
  /** The latest start added: a run added after it must not start before it (time order). */
  maxAt = Number.NEGATIVE_INFINITY;
  readonly sections: SectionSummary[] = [];
  private readonly sectionOf = new Map<string, SectionSummary>();
  /** Pitch files of measured runs ('' for none), any date: `pitch stats` reads their language. */
  readonly paceFiles: string[] = [];
  /** Counted runs with a voice measurement, oldest first. */
  readonly speech = new SpeechColumns();

  constructor(
    /** The bundled pitch's resolved path (records without a pitch file are its), or null. */
    readonly legacyPitchFile: string | null,
  ) {}

  /** Rows of `t` in time order (`rows`, each one's local day in `day`), from `sinceDay` on (null: all). */
  addRows(t: AttemptTable, rows: readonly number[], day: Float64Array, sinceDay: number | null): void {
    const kinds = kindCodes(t);
    // Thousands of runs (a summary computed anew): times appended and sorted once, not placed one by one.
    const many = rows.length > 16;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (sinceDay === null || day[r]! >= sinceDay) this.addRow(t, r, kinds[t.kind[r]!]!, day[r]!, many);
    }
    this.notePaceFiles(t, t.rows);
  }

  /** The pitch files of `rows` with a measured pace (dated or not), each once. */
  notePaceFiles(t: AttemptTable, rows: ArrayLike<number>): void {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (!(t.wpm[r]! > 0)) continue;
      const f = t.file[r]!;
      const file = f < 0 ? '' : t.strings[f]!;
      if (!this.paceFiles.includes(file)) this.paceFiles.push(file);
    }
  }

  private addRow(t: AttemptTable, r: number, kind: number, day: number, many: boolean): void {
    this.count++;
    if (kind === COMPLETE && t.flags[r]! & SUSPECT) this.suspect++;
    else if (kind >= 0) this.counts[kind]!++;
    insertDay(this.days, day);
    if (t.at[r]! > this.maxAt) this.maxAt = t.at[r]!;
    const f = t.file[r]!;
    const file = f < 0 || t.strings[f] === '' ? (this.legacyPitchFile ?? '') : t.strings[f]!;
    const key = JSON.stringify([file, t.strings[t.section[r]!], Math.round(t.target[r]! * 10)]);
    let section = this.sectionOf.get(key);
    if (!section) {
      section = new SectionSummary(key, file);
      this.sectionOf.set(key, section);
      this.sections.push(section);
    }
    section.add(t, r, kind, day, many);
    if (t.flags[r]! & COUNTS) this.speech.add(t, r, day);
  }

  /** A section read back from a snapshot, in its place. */
  restoreSection(section: SectionSummary): void {
    this.sectionOf.set(section.key, section);
    this.sections.push(section);
  }
}

/** Adds `day` to ascending unique `days` (rows in time order nearly always append). */
function insertDay(days: number[], day: number): void {
  const last = days.length ? days[days.length - 1]! : Number.NEGATIVE_INFINITY;
  if (day > last) days.push(day);
  else if (day !== last && !days.includes(day)) {
    days.push(day);
    days.sort((a, b) => a - b);
  }
}

/** How deep a section's `runs` list sits in `pitch stats --json` (report.rehearsals.sections[i].runs). */
const RUNS_INDENT = ' '.repeat(8);

/** A chart point of a section, as the report gives it. */
const runPoint = (at: string, day: string, total: number): RunPoint => ({ at, day, totalSeconds: tenths(total) });

/**
 * A list's elements as JSON.stringify(list, null, 2) writes them with the list at RUNS_INDENT, without its
 * brackets (`count` of them); a snapshot's text is read when first asked for.
 */
class PointsText {
  count = 0;
  private text: string | null = '';
  private read: (() => string) | null = null;

  all(): string {
    if (this.text === null) this.text = this.read!();
    return this.text;
  }

  /** Appends points (the count is then `count`). */
  append(points: readonly unknown[], count: number): void {
    if (!points.length) return;
    // "[\n  {…},\n  {…}\n]" without its brackets, each line moved to the list's depth.
    const json = JSON.stringify(points, null, 2);
    const added = json.slice(1, -2).replaceAll('\n', `\n${RUNS_INDENT}`);
    const before = this.all();
    this.text = before === '' ? added : `${before},${added}`;
    this.count = count;
  }

  /** A snapshot's text of `count` points, read when first asked for. */
  restore(read: () => string, count: number): void {
    this.text = null;
    this.read = read;
    this.count = count;
  }
}

/**
 * Runs' start times as stored: a snapshot's are parsed only when asked for (a year is 10,000 of them, and
 * only `--json` and the report page print them); those added since are kept apart until then.
 */
export class Starts {
  private base: string[] | null = [];
  private read: (() => string[]) | null = null;
  private added: string[] = [];

  push(start: string): void {
    this.added.push(start);
  }

  /** Every start, oldest first; `count`: how many there must be. */
  all(count: number): string[] {
    if (this.base === null) this.base = this.read!();
    if (this.added.length) {
      this.base = this.base.concat(this.added);
      this.added = [];
    }
    if (this.base.length !== count) throw new Error('summary: starts do not match the runs');
    return this.base;
  }

  /** A snapshot's starts, read when first asked for. */
  restore(read: () => string[]): void {
    this.base = null;
    this.read = read;
    this.added = [];
  }
}

/** A growing list of numbers. */
export class Growing {
  constructor(
    public data = new Float64Array(16),
    public size = 0,
  ) {}

  /** Room for one more value (the storage doubled when full). */
  protected makeRoom(): void {
    if (this.size < this.data.length) return;
    const bigger = new Float64Array(Math.max(16, this.data.length * 2));
    bigger.set(this.data);
    this.data = bigger;
  }

  push(value: number): void {
    this.makeRoom();
    this.data[this.size++] = value;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}

/** Numbers kept ascending as they are added (medians read them in place). */
export class SortedValues extends Growing {
  private unsorted = false;

  /** Adds a value where it sorts (a few values added to a long list: a tail of new runs). */
  insert(value: number): void {
    if (this.unsorted) {
      this.append(value);
      return;
    }
    this.makeRoom();
    // After every value that sorts before or equal to it (a typed array's order: −0 before +0).
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortsAfter(value, this.data[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    this.data.copyWithin(lo + 1, lo, this.size);
    this.data[lo] = value;
    this.size++;
  }

  /** Adds a value at the end, to be sorted with the others when they are read (many values at once). */
  append(value: number): void {
    this.push(value);
    this.unsorted = true;
  }

  override values(): Float64Array {
    const values = this.data.subarray(0, this.size);
    // A typed array's own sort: numbers ascending, −0 before +0, as insert() places them.
    if (this.unsorted) values.sort();
    this.unsorted = false;
    return values;
  }

  /** The median (as median() gives it), null for none. */
  median(): number | null {
    this.values();
    const n = this.size;
    if (!n) return null;
    const mid = n >> 1;
    return n % 2 ? this.data[mid]! : (this.data[mid - 1]! + this.data[mid]!) / 2;
  }
}

/** Whether `value` sorts after or with `other` in a typed array's sort. */
const sortsAfter = (value: number, other: number): boolean =>
  value > other || (value === other && !(Object.is(value, -0) && Object.is(other, 0)));

/** Counted runs with a voice measurement, oldest first, as speechReport reads them. */
export class SpeechColumns {
  readonly starts = new Starts();
  day = new Growing();
  /** Section ids and pitch files, interned in `names` (file −1: none). */
  names: string[] = [];
  section = new Growing();
  file = new Growing();
  /** NaN when not measured. */
  wpm = new Growing();
  pause = new Growing();
  range = new Growing();
  sps = new Growing();
  private readonly nameOf = new Map<string, number>();

  get length(): number {
    return this.day.size;
  }

  /** The runs' starts (those of a snapshot read only when asked for). */
  get at(): string[] {
    return this.starts.all(this.day.size);
  }

  add(t: AttemptTable, r: number, day: number): void {
    const wpm = positive(t.wpm[r]);
    const pause = t.pause[r]! >= 0 ? t.pause[r]! : null;
    const range = positive(t.range[r]);
    const sps = positive(t.sps[r]);
    if (wpm === null && pause === null && range === null && sps === null) return;
    const f = t.file[r]!;
    this.starts.push(t.startedAt[r]!);
    this.day.push(day);
    this.section.push(this.intern(t.strings[t.section[r]!]!));
    this.file.push(f < 0 || t.strings[f] === '' ? -1 : this.intern(t.strings[f]!));
    this.wpm.push(wpm ?? Number.NaN);
    this.pause.push(pause ?? Number.NaN);
    this.range.push(range ?? Number.NaN);
    this.sps.push(sps ?? Number.NaN);
  }

  /** Interned names read back from a snapshot. */
  restoreNames(names: string[]): void {
    this.names = names;
    for (const [i, name] of names.entries()) this.nameOf.set(name, i);
  }

  private intern(name: string): number {
    let i = this.nameOf.get(name);
    if (i === undefined) {
      i = this.names.push(name) - 1;
      this.nameOf.set(name, i);
    }
    return i;
  }
}

/** Day numbers as "2026-11-26", each day's text made once. */
function isoDays(): (day: number) => string {
  const known = new Map<number, string>();
  let lastDay = Number.NaN;
  let lastText = '';
  return (d) => {
    if (d === lastDay) return lastText;
    let text = known.get(d);
    if (text === undefined) known.set(d, (text = dayToIso(d)));
    lastDay = d;
    lastText = text;
    return text;
  };
}

/** The rehearsal part of `pitch stats` from a summary; `streakDays`: every day rehearsed (before --since too). */
export function rehearsalReport(s: RehearsalSummary, today: number, streakDays: readonly number[]): RehearsalStats {
  const iso = isoDays();
  // The section rehearsed last comes first: that is the one the user is working on.
  const sections = [...s.sections].sort((x, y) => y.lastAt - x.lastAt).map((section) => sectionStats(section, iso));

  // Records are per pitch file: two files with a section of the same id are two races. `best` keeps its
  // meaning of one figure per section id: that of the pitch file rehearsed last with that section (sections
  // come most recent first), never a faster run of another file. Section ids and paths come from the user's
  // files: no inherited keys (`constructor`…).
  const best: Record<string, number | null> = Object.create(null);
  const bestByPitch: Record<string, Record<string, number | null>> = Object.create(null);
  const fileOfBest: Record<string, string> = Object.create(null);
  for (const section of sections) {
    const file = section.pitchFile ?? '';
    const perFile = (bestByPitch[file] ??= Object.create(null) as Record<string, number | null>);
    const known = perFile[section.id] ?? null;
    perFile[section.id] =
      section.personalBest !== null && (known === null || section.personalBest < known) ? section.personalBest : known;
    fileOfBest[section.id] ??= file;
  }
  for (const id of Object.keys(fileOfBest)) best[id] = bestByPitch[fileOfBest[id]!]![id]!;
  const [complete, practice, incomplete, aborted] = s.counts as [number, number, number, number];
  return {
    count: s.count,
    completed: complete,
    suspect: s.suspect,
    practice,
    incomplete,
    aborted,
    best,
    bestByPitch,
    pitchFiles: Object.keys(bestByPitch).length,
    days: s.days.length,
    streak: computeStreak(streakDays, today),
    sections,
  };
}

/**
 * One section's figures: counts, records (as computeRecords of rehearsal/records.ts: the PB and the best
 * segment of each split key among the runs that count at the latest run's target), split times (the split
 * list of the latest complete run), the chart's points.
 */
function sectionStats(s: SectionSummary, iso: (day: number) => string): SectionStats {
  const reference = s.refComplete ?? s.refLongest;
  // The runs that count at the latest run's target (to a twentieth of a second): its records.
  let pb: TargetRecords | null = null;
  const bestSegments = new Map<string, number>();
  for (const records of s.targets) {
    if (!(Math.abs(records.target - s.target) < 0.05)) continue;
    if (!pb || records.pb < pb.pb || (records.pb === pb.pb && records.pbSeq < pb.pbSeq)) pb = records;
    for (const [key, said] of records.best) {
      const known = bestSegments.get(key);
      if (known === undefined || said < known) bestSegments.set(key, said);
    }
  }
  const { keys, titles, budgets } = reference;
  let sumOfBest = keys.length > 0 ? 0 : null;
  const splits: SplitStats[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // A key repeated in the split list: its times go to its last place.
    const times = keys.lastIndexOf(key) === i ? s.said.get(key) : undefined;
    const count = times?.sorted.size ?? 0;
    const med = times ? times.sorted.median() : null;
    const budget = budgets[i]!;
    const best = bestSegments.get(key);
    sumOfBest = sumOfBest === null || best === undefined ? null : sumOfBest + best;
    splits.push({
      key,
      title: titles[i]!,
      budgetSeconds: tenths(budget),
      best: best === undefined ? null : tenths(best),
      median: med === null ? null : tenths(med),
      last: count ? tenths(times!.last) : null,
      overBudgetSeconds: med === null ? null : tenths(med - budget),
      timed: count,
    });
  }
  let costliest: SplitStats | null = null;
  for (const split of splits)
    if (
      split.overBudgetSeconds !== null &&
      split.overBudgetSeconds > 0 &&
      (!costliest || split.overBudgetSeconds > costliest.overBudgetSeconds!)
    )
      costliest = split;

  const completed = s.totals.size;
  const stats: SectionStats = {
    id: s.sectionId,
    title: s.title,
    targetSeconds: s.target,
    pitchFile: s.pitchFile === '' ? null : s.pitchFile,
    legacyRecords: s.legacyRecords,
    count: s.n,
    completed,
    suspect: s.suspect,
    practice: s.counts[1]!,
    incomplete: s.counts[2]!,
    aborted: s.counts[3]!,
    personalBest: pb ? tenths(pb.pb) : null,
    personalBestAt: pb ? pb.pbAt : null,
    sumOfBest: sumOfBest === null ? null : Math.round(sumOfBest * 10) / 10,
    last: completed ? tenths(s.lastTotal) : null,
    median: completed ? tenths(s.totals.median()!) : null,
    runs: [],
    splits,
    costliestSplit: costliest?.key ?? null,
  };
  // The points are made when read (`--json`, the report page); the text view draws from the columns.
  const day = s.pointDay.data;
  const total = s.pointTotal.data;
  lazy(stats, 'runs', () => {
    const runs: RunPoint[] = [];
    const at = s.pointAt;
    for (let i = 0; i < at.length; i++) runs.push(runPoint(at[i]!, iso(day[i]!), total[i]!));
    return runs;
  });
  runsTextOf.set(stats, () => s.runsText());
  seriesOf.set(stats, () => {
    const values = new Float64Array(s.pointDay.size);
    for (let i = 0; i < values.length; i++) values[i] = tenths(total[i]!);
    return series(values, day, iso);
  });
  return stats;
}

/** The text of a section's runs made from a summary, between its brackets at RUNS_INDENT (SectionSummary.runsText). */
const runsTextOf = new WeakMap<SectionStats, () => string>();

/**
 * What writes `section.runs` as JSON.stringify(report, null, 2) does when the list's line is at `indent`,
 * from the text the summary keeps (no point made); undefined for a section not made from a summary.
 */
export function sectionRunsJson(section: SectionStats): ((indent: string) => string) | undefined {
  const runsText = runsTextOf.get(section);
  if (!runsText) return undefined;
  return (indent) => {
    const text = runsText();
    if (text === '') return '[]';
    const moved = indent === RUNS_INDENT ? text : text.replaceAll(`\n${RUNS_INDENT}`, `\n${indent}`);
    return `[${moved}\n${indent}]`;
  };
}

/** A chart's values, oldest first, with the days of its first and last points. */
export interface Series {
  values: ArrayLike<number>;
  first: string;
  last: string;
}

/**
 * Series of reports made from a summary, drawn from its columns: a year is 8,000 points per section, and
 * the text view needs their values, not 8,000 objects (made only when `runs` is read).
 */
const seriesOf = new WeakMap<object, (key?: SpeechKey) => Series>();

type SpeechKey = 'wordsPerMinute' | 'longestPauseSeconds' | 'rangeSemitones' | 'syllablesPerSecond';

function series(values: ArrayLike<number>, day: ArrayLike<number>, iso: (day: number) => string): Series {
  const n = values.length;
  return { values, first: n ? iso(day[0]!) : '', last: n ? iso(day[n - 1]!) : '' };
}

/** The total of each complete run of a section, oldest first (the chart of its runs). */
export function runSeries(section: SectionStats): Series {
  const known = seriesOf.get(section);
  if (known) return known();
  const { runs } = section;
  return {
    values: runs.map((p) => p.totalSeconds),
    first: runs[0]?.day ?? '',
    last: runs[runs.length - 1]?.day ?? '',
  };
}

/** The measured runs of one voice figure, oldest first. */
export function speechSeries(speech: SpeechStats, key: SpeechKey): Series {
  const known = seriesOf.get(speech);
  if (known) return known(key);
  const runs = speech.runs.filter((r) => r[key] !== null);
  return {
    values: runs.map((r) => r[key]!),
    first: runs[0]?.day ?? '',
    last: runs[runs.length - 1]?.day ?? '',
  };
}

/** `object[key]` made by `make` when first read (and kept), in its place among the object's keys. */
function lazy<T extends object, K extends keyof T>(object: T, key: K, make: () => T[K]): void {
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = make();
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
}

/** A finite positive number from a loosely typed record (speech metrics come from another feature). */
function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The language of the pitch an attempt was rehearsed on, by its pitch file (null: a record without one); null when unknown. */
export type PitchLangOf = (pitchFile: string | null) => PitchLang | null;

/**
 * Voice measurements of recorded attempts in the period: words per minute and longest pause. Each pace is
 * judged against the band of its own pitch's language (pitch/language.ts), as the rehearsal summary judged it;
 * a pitch whose language is unknown gets the French band, the rehearsal's default, and is counted apart.
 */
export function computeSpeechStats(
  attempts: Attempts,
  clock: DayClock,
  sinceDay: number | null,
  langOf: PitchLangOf = () => null,
): SpeechStats {
  return speechReport(summarize(asTable(attempts), clock, sinceDay, null).speech, langOf);
}

/** The speech part of `pitch stats` from a summary's measured runs. */
export function speechReport(sp: SpeechColumns, langOf: PitchLangOf): SpeechStats {
  const iso = isoDays();
  // By interned file (-1: none): each pitch's language is asked for once.
  const langs = new Map<number, PitchLang | null>();
  const langOfFile = (f: number): PitchLang | null => {
    let lang = langs.get(f);
    if (lang === undefined) langs.set(f, (lang = langOf(f < 0 ? null : sp.names[f]!)));
    return lang;
  };
  const bands: SpeechStats['bands'] = {};
  let unknownLang = 0;
  let lang: PitchLang = 'fr';
  const n = sp.length;
  const day = sp.day.data;
  const file = sp.file.data;
  // Each run's language (0 fr, 1 en) and whether its pace is within that language's band (−1: no pace).
  const runLangs = new Uint8Array(n);
  const inBands = new Int8Array(n);
  // Each figure's values as the report shows them, with their runs' days (the charts' series).
  const figures = {
    wordsPerMinute: new Figure(sp.wpm.values(), Math.round),
    longestPauseSeconds: new Figure(sp.pause.values(), tenths),
    rangeSemitones: new Figure(sp.range.values(), tenths),
    syllablesPerSecond: new Figure(sp.sps.values(), (x) => Math.round(x * 100) / 100),
  };
  let inBandCount = 0;
  // A pace trend is drawn from the runs that count: an accidental tap or a stopped run says nothing of the pace.
  for (let j = 0; j < n; j++) {
    const known = langOfFile(file[j]!);
    const runLang = known ?? 'fr';
    runLangs[j] = runLang === 'en' ? 1 : 0;
    inBands[j] = -1;
    const wpm = sp.wpm.data[j]!;
    if (!Number.isNaN(wpm)) {
      const rounded = Math.round(wpm);
      const band = PACE_BANDS[runLang];
      const tally = (bands[runLang] ??= { min: band.min, max: band.max, measured: 0, inBand: 0 });
      const inBand = rounded >= band.min && rounded <= band.max;
      inBands[j] = inBand ? 1 : 0;
      tally.measured++;
      if (inBand) {
        tally.inBand++;
        inBandCount++;
      }
      if (known === null) unknownLang++;
      lang = runLang;
    }
  }
  for (const figure of Object.values(figures)) figure.gather(day);
  const band = PACE_BANDS[lang];
  const {
    wordsPerMinute: wpms,
    longestPauseSeconds: pauses,
    rangeSemitones: ranges,
    syllablesPerSecond: rates,
  } = figures;
  const stats: SpeechStats = {
    recorded: n,
    band: { min: band.min, max: band.max },
    lang,
    bands,
    unknownLang,
    wordsPerMinute: { median: wpms.median(Math.round), last: wpms.last(), measured: wpms.count, inBand: inBandCount },
    longestPauseSeconds: { median: pauses.median(tenths), last: pauses.last(), max: pauses.max() },
    rangeSemitones: { median: ranges.median(tenths), last: ranges.last(), measured: ranges.count },
    syllablesPerSecond: { median: rates.median(tenths), last: rates.last(), measured: rates.count },
    runs: [],
  };
  // The points are made when read (`--json`, the report page); the text view draws from the figures.
  lazy(stats, 'runs', () => {
    const runs: SpeechPoint[] = [];
    const at = sp.at;
    const shown = (figure: Figure, j: number) => (Number.isNaN(figure.raw[j]!) ? null : figure.show(figure.raw[j]!));
    for (let j = 0; j < n; j++)
      runs.push({
        at: at[j]!,
        day: iso(day[j]!),
        sectionId: sp.names[sp.section.data[j]!]!,
        lang: runLangs[j] ? 'en' : 'fr',
        inBand: inBands[j]! < 0 ? null : inBands[j] === 1,
        wordsPerMinute: shown(wpms, j),
        longestPauseSeconds: shown(pauses, j),
        rangeSemitones: shown(ranges, j),
        syllablesPerSecond: shown(rates, j),
      });
    return runs;
  });
  seriesOf.set(stats, (key) => {
    const figure = figures[key!];
    return series(figure.values.values(), figure.days.values(), iso);
  });
  return stats;
}

/** One voice figure of the measured runs: its values as shown (NaN: not measured, left out), oldest first. */
class Figure {
  readonly values = new Growing();
  readonly days = new Growing();

  constructor(
    readonly raw: Float64Array,
    readonly show: (x: number) => number,
  ) {}

  get count(): number {
    return this.values.size;
  }

  gather(day: Float64Array): void {
    const { raw, show } = this;
    for (let j = 0; j < raw.length; j++) {
      if (Number.isNaN(raw[j]!)) continue;
      this.values.push(show(raw[j]!));
      this.days.push(day[j]!);
    }
  }

  median(round: (x: number) => number): number | null {
    const m = median(this.values.values());
    return m === null ? null : round(m);
  }

  last(): number | null {
    return this.count ? this.values.data[this.count - 1]! : null;
  }

  max(): number | null {
    const v = this.values.values();
    if (!v.length) return null;
    let m = v[0]!;
    for (let i = 1; i < v.length; i++) if (v[i]! > m) m = v[i]!;
    return m;
  }
}
