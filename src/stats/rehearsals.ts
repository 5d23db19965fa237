import type { Attempt } from '../rehearsal/types.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';
import type { DayClock } from './days.js';
import { type AttemptTable, attemptTable, COUNTS, SUSPECT } from './history-table.js';
import { dayToIso } from './days.js';
import type { RehearsalStats, SectionStats, SpeechPoint, SpeechStats, SplitStats, Streak } from './types.js';

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
  /** The row's day as "2026-11-26" (each day's text made once). */
  isoDay(row: number): string;
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
function chronological(t: AttemptTable, clock: DayClock): Chronology {
  const known = chronologies.get(t);
  if (known?.clock === clock) return known.value;
  const at = t.at;
  const day = new Float64Array(at.length);
  const rows = placeRows(t.rows, at, clock, day);
  // A stable sort: rows are in history order, which breaks ties (and history is nearly always in order already).
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = at[rows[i - 1]!]! <= at[rows[i]!]!;
  if (!sorted) rows.sort((x, y) => at[x]! - at[y]!);
  const iso = new Map<number, string>();
  // Rows come in runs of the same day: the last day's text is kept at hand.
  let lastDay = Number.NaN;
  let lastText = '';
  const isoDay = (r: number) => {
    const d = day[r]!;
    if (d === lastDay) return lastText;
    let text = iso.get(d);
    if (text === undefined) iso.set(d, (text = dayToIso(d)));
    lastDay = d;
    lastText = text;
    return text;
  };
  const value = { rows, day, isoDay };
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
 * (normalized kind, suspect) were settled when each attempt entered the table.
 */
export function computeRehearsalStats(attempts: Attempts, options: RehearsalOptions): RehearsalStats {
  const { clock, today, sinceDay } = options;
  const t = asTable(attempts);
  const chrono = chronological(t, clock);
  const { rows: all, day } = chrono;
  const streak = computeStreak(daysOf(all, day), today);
  const inWindow = sinceDay === null ? all : all.filter((r) => day[r]! >= sinceDay);

  // One group per pitch file, section and target, in order of first appearance (no file and '' are one, and
  // belong to the bundled pitch when it is known, as records do).
  const fileOf = pitchFileOf(t, options.legacyPitchFile ?? null);
  const groups = new Map<string, number[]>();
  // Rows come in runs of one file, section and target: the key is made again only when one of them changes.
  let list: number[] = [];
  let lastFile = Number.NaN;
  let lastSection = Number.NaN;
  let lastTarget = Number.NaN;
  for (let i = 0; i < inWindow.length; i++) {
    const r = inWindow[i]!;
    const file = t.file[r]!;
    const section = t.section[r]!;
    const target = Math.round(t.target[r]! * 10);
    if (file !== lastFile || section !== lastSection || target !== lastTarget) {
      const key = `${fileOf(r)}\u0000${section}/${target}`;
      const known = groups.get(key);
      if (known) list = known;
      else groups.set(key, (list = []));
      lastFile = file;
      lastSection = section;
      lastTarget = target;
    }
    list.push(r);
  }
  const kinds = kindCodes(t);
  // The section rehearsed last comes first: that is the one the user is working on.
  const sections = [...groups.values()]
    .sort((x, y) => t.at[y[y.length - 1]!]! - t.at[x[x.length - 1]!]!)
    .map((runs) => sectionStats(t, runs, kinds, chrono, fileOf(runs[runs.length - 1]!)));

  // Records are per pitch file: two files with a section of the same id are two races. `best` keeps its
  // meaning of one figure per section id: that of the pitch file rehearsed last with that section (sections
  // come most recent first), never a faster run of another file. Section ids and paths come from the user's
  // files: no inherited keys (`constructor`…).
  const best: Record<string, number | null> = Object.create(null);
  const bestByPitch: Record<string, Record<string, number | null>> = Object.create(null);
  const fileOfBest: Record<string, string> = Object.create(null);
  for (const s of sections) {
    const file = s.pitchFile ?? '';
    const perFile = (bestByPitch[file] ??= Object.create(null) as Record<string, number | null>);
    const known = perFile[s.id] ?? null;
    perFile[s.id] = s.personalBest !== null && (known === null || s.personalBest < known) ? s.personalBest : known;
    fileOfBest[s.id] ??= file;
  }
  for (const id of Object.keys(fileOfBest)) best[id] = bestByPitch[fileOfBest[id]!]![id]!;
  const counts = [0, 0, 0, 0];
  let suspect = 0;
  for (let i = 0; i < inWindow.length; i++) {
    const r = inWindow[i]!;
    const kind = kinds[t.kind[r]!]!;
    if (kind === COMPLETE && t.flags[r]! & SUSPECT) suspect++;
    else if (kind >= 0) counts[kind]!++;
  }
  const [complete, practice, incomplete, aborted] = counts as [number, number, number, number];
  return {
    count: inWindow.length,
    completed: complete,
    suspect,
    practice,
    incomplete,
    aborted,
    best,
    bestByPitch,
    pitchFiles: Object.keys(bestByPitch).length,
    days: new Set(daysOf(inWindow, day)).size,
    streak,
    sections,
  };
}

/**
 * Each row's pitch file ('' for none): records without one are the legacy pitch's when it is known. The
 * file column is interned, so each distinct file is looked up once.
 */
function pitchFileOf(t: AttemptTable, legacy: string | null): (row: number) => string {
  const names = t.strings.map((name, i) => (name === '' && legacy !== null ? legacy : t.strings[i]!));
  const none = legacy ?? '';
  return (r) => (t.file[r]! < 0 ? none : names[t.file[r]!]!);
}

/**
 * One section's figures: counts, records (computeRecords of rehearsal/records.ts: the PB and the best
 * segment of each split key among the runs that count at the latest run's target), split times, the
 * chart's points. A section rehearsed daily for a year is 10,000 runs and 50,000 splits, read once per
 * `pitch stats` by code that has not warmed up: one indexed pass over the runs, columns read through
 * locals, split times gathered in one typed array.
 */
function sectionStats(
  t: AttemptTable,
  runs: readonly number[],
  kinds: Int8Array,
  chrono: Chronology,
  pitchFile: string,
): SectionStats {
  const { kind, splitFrom, splitCount, splitKey, total, startedAt, strings } = t;
  const n = runs.length;
  const latest = runs[n - 1]!;
  // The split list of the latest complete run is the section as it is now (a practice run may hold only some splits).
  let reference = -1;
  for (let i = n - 1; i >= 0 && reference < 0; i--) if (kinds[kind[runs[i]!]!] === COMPLETE) reference = runs[i]!;
  if (reference < 0) reference = runs.reduce((a, b) => (splitCount[b]! >= splitCount[a]! ? b : a));
  const refFrom = splitFrom[reference]!;
  const refCount = splitCount[reference]!;

  // Split keys are interned: equal keys have equal numbers (a repeated key: its last place wins).
  const position = new Int32Array(strings.length).fill(-1);
  for (let i = 0; i < refCount; i++) position[splitKey[refFrom + i]!] = i;
  const { times, timed, bestSegments, pb, counts, suspect, legacyRecords, totals, points } = tallyRuns(
    t,
    runs,
    kinds,
    chrono,
    position,
    refCount,
  );
  let sumOfBest = refCount > 0 ? 0 : null;
  const splits: SplitStats[] = [];
  for (let i = 0; i < refCount; i++) {
    const k = refFrom + i;
    const count = timed[i]!;
    const said = times.subarray(i * n, i * n + count);
    const med = median(said);
    const budget = t.splitBudget[k]!;
    const found = bestSegments[splitKey[k]!]!;
    const best = Number.isNaN(found) ? undefined : found;
    sumOfBest = sumOfBest === null || best === undefined ? null : sumOfBest + best;
    splits.push({
      key: strings[splitKey[k]!]!,
      title: strings[t.splitTitle[k]!]!,
      budgetSeconds: tenths(budget),
      best: best === undefined ? null : tenths(best),
      median: med === null ? null : tenths(med),
      last: count ? tenths(said[count - 1]!) : null,
      overBudgetSeconds: med === null ? null : tenths(med - budget),
      timed: count,
    });
  }
  let costliest: SplitStats | null = null;
  for (const s of splits)
    if (
      s.overBudgetSeconds !== null &&
      s.overBudgetSeconds > 0 &&
      (!costliest || s.overBudgetSeconds > costliest.overBudgetSeconds!)
    )
      costliest = s;

  return {
    id: strings[t.section[latest]!]!,
    title: strings[t.title[latest]!]!,
    targetSeconds: t.target[latest]!,
    pitchFile: pitchFile === '' ? null : pitchFile,
    legacyRecords,
    count: n,
    completed: totals.length,
    suspect,
    practice: counts[1]!,
    incomplete: counts[2]!,
    aborted: counts[3]!,
    personalBest: pb >= 0 ? tenths(total[pb]!) : null,
    personalBestAt: pb >= 0 ? startedAt[pb]! : null,
    sumOfBest: sumOfBest === null ? null : Math.round(sumOfBest * 10) / 10,
    last: totals.length ? tenths(totals[totals.length - 1]!) : null,
    median: totals.length ? tenths(median(totals)!) : null,
    runs: points,
    splits,
    costliestSplit: costliest?.key ?? null,
  };
}

/**
 * One pass over a section's runs (a function of its own: V8 optimises a small loop while it runs, where
 * the whole of sectionStats took it 15 ms to compile): counts by kind, records (the PB and the best
 * segment of each split key among the runs that count at the latest run's target), and, of the runs that
 * count, totals, chart points and split i's times in order at times[i × runs …].
 */
function tallyRuns(
  t: AttemptTable,
  runs: readonly number[],
  kinds: Int8Array,
  chrono: Chronology,
  position: Int32Array,
  refCount: number,
) {
  const { flags, kind, splitFrom, splitCount, splitKey, splitSeconds, total, startedAt, file, strings } = t;
  const n = runs.length;
  const latest = runs[n - 1]!;
  const times = new Float64Array(refCount * n);
  const timed = new Int32Array(refCount);
  // By interned key; NaN: no best yet. Runs are already one pitch file's (grouped by it).
  const bestSegments = new Float64Array(strings.length).fill(Number.NaN);
  const latestSection = t.section[latest]!;
  const latestTarget = t.target[latest]!;
  let pb = -1;
  const counts = [0, 0, 0, 0];
  let suspect = 0;
  let legacyRecords = false;
  const totals: number[] = [];
  const points: SectionStats['runs'] = [];
  for (let j = 0; j < n; j++) {
    const r = runs[j]!;
    const code = kinds[kind[r]!]!;
    const bits = flags[r]!;
    if (code >= 0) counts[code]!++;
    if (code === COMPLETE && bits & SUSPECT) suspect++;
    if (!legacyRecords && (file[r]! < 0 || strings[file[r]!] === '')) legacyRecords = true;
    if (!(bits & COUNTS)) continue;
    const seconds = total[r]!;
    totals.push(seconds);
    points.push({ at: startedAt[r]!, day: chrono.isoDay(r), totalSeconds: tenths(seconds) });
    const from = splitFrom[r]!;
    const end = from + splitCount[r]!;
    const record = t.section[r] === latestSection && Math.abs(t.target[r]! - latestTarget) < 0.05;
    if (record && (pb < 0 || seconds < total[pb]!)) pb = r;
    for (let k = from; k < end; k++) {
      const said = splitSeconds[k]!;
      if (!(said > 0)) continue;
      const key = splitKey[k]!;
      if (record && !(said >= bestSegments[key]!)) bestSegments[key] = said;
      const i = position[key]!;
      if (i >= 0) times[i * n + timed[i]!++] = said;
    }
  }
  return { times, timed, bestSegments, pb, counts, suspect, legacyRecords, totals, points };
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
  const t = asTable(attempts);
  const runs: SpeechPoint[] = [];
  const { rows, day, isoDay } = chronological(t, clock);
  // By interned file (-1: none): each pitch's language is asked for once.
  const langs = new Map<number, PitchLang | null>();
  const langOfRow = (r: number): PitchLang | null => {
    const f = t.file[r]!;
    let lang = langs.get(f);
    if (lang === undefined) {
      const file = f < 0 || t.strings[f] === '' ? null : t.strings[f]!;
      langs.set(f, (lang = langOf(file)));
    }
    return lang;
  };
  const bands: SpeechStats['bands'] = {};
  let unknownLang = 0;
  let lang: PitchLang = 'fr';
  // A pace trend is drawn from the runs that count: an accidental tap or a stopped run says nothing of the pace.
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j]!;
    if (!(t.flags[r]! & COUNTS) || (sinceDay !== null && day[r]! < sinceDay)) continue;
    const wpm = positive(t.wpm[r]);
    const pause = t.pause[r]! >= 0 ? t.pause[r]! : null;
    const range = positive(t.range[r]);
    const sps = positive(t.sps[r]);
    if (wpm === null && pause === null && range === null && sps === null) continue;
    const known = langOfRow(r);
    const runLang = known ?? 'fr';
    let inBand: boolean | null = null;
    if (wpm !== null) {
      const rounded = Math.round(wpm);
      const band = PACE_BANDS[runLang];
      const tally = (bands[runLang] ??= { min: band.min, max: band.max, measured: 0, inBand: 0 });
      inBand = rounded >= band.min && rounded <= band.max;
      tally.measured++;
      if (inBand) tally.inBand++;
      if (known === null) unknownLang++;
      lang = runLang;
    }
    runs.push({
      at: t.startedAt[r]!,
      day: isoDay(r),
      sectionId: t.strings[t.section[r]!]!,
      lang: runLang,
      inBand,
      wordsPerMinute: wpm === null ? null : Math.round(wpm),
      longestPauseSeconds: pause === null ? null : tenths(pause),
      rangeSemitones: range === null ? null : tenths(range),
      syllablesPerSecond: sps === null ? null : Math.round(sps * 100) / 100,
    });
  }
  const band = PACE_BANDS[lang];
  const wpms: number[] = [];
  const pauses: number[] = [];
  const ranges: number[] = [];
  const rates: number[] = [];
  let inBandCount = 0;
  for (let j = 0; j < runs.length; j++) {
    const r = runs[j]!;
    if (r.wordsPerMinute !== null) wpms.push(r.wordsPerMinute);
    if (r.longestPauseSeconds !== null) pauses.push(r.longestPauseSeconds);
    if (r.rangeSemitones !== null) ranges.push(r.rangeSemitones);
    if (r.syllablesPerSecond !== null) rates.push(r.syllablesPerSecond);
    if (r.inBand) inBandCount++;
  }
  const med = (xs: number[], round: (x: number) => number) => {
    const m = median(xs);
    return m === null ? null : round(m);
  };
  return {
    recorded: runs.length,
    band: { min: band.min, max: band.max },
    lang,
    bands,
    unknownLang,
    wordsPerMinute: {
      median: med(wpms, Math.round),
      last: wpms.length ? wpms[wpms.length - 1]! : null,
      measured: wpms.length,
      inBand: inBandCount,
    },
    longestPauseSeconds: {
      median: med(pauses, tenths),
      last: pauses.length ? pauses[pauses.length - 1]! : null,
      max: pauses.length ? pauses.reduce((m, x) => (x > m ? x : m)) : null,
    },
    rangeSemitones: {
      median: med(ranges, tenths),
      last: ranges.length ? ranges[ranges.length - 1]! : null,
      measured: ranges.length,
    },
    syllablesPerSecond: {
      median: med(rates, tenths),
      last: rates.length ? rates[rates.length - 1]! : null,
      measured: rates.length,
    },
    runs,
  };
}
