import type { Attempt } from '../rehearsal/types.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';
import type { DayClock } from './days.js';
import { type AttemptTable, attemptTable, COUNTS, SUSPECT } from './history-table.js';
import { dayToIso } from './days.js';
import type { RehearsalStats, SectionStats, SpeechPoint, SpeechStats, SplitStats, Streak } from './types.js';

/** Seconds to tenths, as every clock of the app shows them. */
export const tenths = (x: number): number => Math.round(x * 10) / 10;

/** Median of numbers (sorted copy); null for none. */
export function median(values: readonly number[]): number | null {
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
 */
function chronological(t: AttemptTable, clock: DayClock): Chronology {
  const known = chronologies.get(t);
  if (known?.clock === clock) return known.value;
  const rows: number[] = [];
  const day = new Float64Array(t.at.length);
  for (const r of t.rows) {
    const at = t.at[r]!;
    if (!Number.isFinite(at)) continue;
    rows.push(r);
    day[r] = clock.dayOf(at);
  }
  // A stable sort: rows are in history order, which breaks ties (and history is nearly always in order already).
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = t.at[rows[i - 1]!]! <= t.at[rows[i]!]!;
  if (!sorted) rows.sort((x, y) => t.at[x]! - t.at[y]!);
  const iso = new Map<number, string>();
  const isoDay = (r: number) => {
    let text = iso.get(day[r]!);
    if (text === undefined) iso.set(day[r]!, (text = dayToIso(day[r]!)));
    return text;
  };
  const value = { rows, day, isoDay };
  chronologies.set(t, { clock, value });
  return value;
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
  const streak = computeStreak(
    all.map((r) => day[r]!),
    today,
  );
  const inWindow = sinceDay === null ? all : all.filter((r) => day[r]! >= sinceDay);

  // One group per pitch file, section and target, in order of first appearance (no file and '' are one, and
  // belong to the bundled pitch when it is known, as records do).
  const fileOf = pitchFileOf(t, options.legacyPitchFile ?? null);
  const groups = new Map<string, number[]>();
  for (const r of inWindow) {
    const key = `${fileOf(r)}\u0000${t.section[r]}/${Math.round(t.target[r]! * 10)}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
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
  for (const r of inWindow) {
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
    days: new Set(inWindow.map((r) => day[r]!)).size,
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
 * computeRecords (rehearsal/records.ts) over rows of one section: the PB and the best segment of each
 * split key (by interned key) among the runs that count at the latest run's target.
 */
function recordsOf(t: AttemptTable, runs: readonly number[]) {
  const latest = runs[runs.length - 1]!;
  const target = t.target[latest]!;
  let personalBest = -1;
  // By interned key; NaN: no best yet.
  const bestSegments = new Float64Array(t.strings.length).fill(Number.NaN);
  for (const r of runs) {
    if (!(t.flags[r]! & COUNTS) || t.section[r] !== t.section[latest] || !(Math.abs(t.target[r]! - target) < 0.05))
      continue;
    if (personalBest < 0 || t.total[r]! < t.total[personalBest]!) personalBest = r;
    const end = t.splitFrom[r]! + t.splitCount[r]!;
    for (let k = t.splitFrom[r]!; k < end; k++) {
      const seconds = t.splitSeconds[k]!;
      const key = t.splitKey[k]!;
      if (seconds > 0 && !(seconds >= bestSegments[key]!)) bestSegments[key] = seconds;
    }
  }
  return { personalBest, bestSegments };
}

function sectionStats(
  t: AttemptTable,
  runs: readonly number[],
  kinds: Int8Array,
  chrono: Chronology,
  pitchFile: string,
): SectionStats {
  const latest = runs[runs.length - 1]!;
  const kindOf = (r: number) => kinds[t.kind[r]!]!;
  // The split list of the latest complete run is the section as it is now (a practice run may hold only some splits).
  let reference = -1;
  for (let i = runs.length - 1; i >= 0 && reference < 0; i--) if (kindOf(runs[i]!) === COMPLETE) reference = runs[i]!;
  if (reference < 0) reference = runs.reduce((a, b) => (t.splitCount[b]! >= t.splitCount[a]! ? b : a));
  const refFrom = t.splitFrom[reference]!;
  const refCount = t.splitCount[reference]!;
  // Runs are already one pitch file's (grouped by it): no identity filter needed here.
  const records = recordsOf(t, runs);
  // Medians, charts and split times come from the runs that count, as records do.
  const counted = runs.filter((r) => t.flags[r]! & COUNTS);

  // Split keys are interned: equal keys have equal numbers (a repeated key: its last place wins).
  const position = new Int32Array(t.strings.length).fill(-1);
  for (let i = 0; i < refCount; i++) position[t.splitKey[refFrom + i]!] = i;
  const times: number[][] = Array.from({ length: refCount }, () => []);
  for (const r of counted) {
    const end = t.splitFrom[r]! + t.splitCount[r]!;
    for (let k = t.splitFrom[r]!; k < end; k++) {
      const i = position[t.splitKey[k]!]!;
      const seconds = t.splitSeconds[k]!;
      if (i >= 0 && seconds > 0) times[i]!.push(seconds);
    }
  }
  let sumOfBest = refCount > 0 ? 0 : null;
  const splits: SplitStats[] = [];
  for (let i = 0; i < refCount; i++) {
    const k = refFrom + i;
    const said = times[i]!;
    const med = median(said);
    const budget = t.splitBudget[k]!;
    const found = records.bestSegments[t.splitKey[k]!]!;
    const best = Number.isNaN(found) ? undefined : found;
    sumOfBest = sumOfBest === null || best === undefined ? null : sumOfBest + best;
    splits.push({
      key: t.strings[t.splitKey[k]!]!,
      title: t.strings[t.splitTitle[k]!]!,
      budgetSeconds: tenths(budget),
      best: best === undefined ? null : tenths(best),
      median: med === null ? null : tenths(med),
      last: said.length ? tenths(said[said.length - 1]!) : null,
      overBudgetSeconds: med === null ? null : tenths(med - budget),
      timed: said.length,
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

  const totals = counted.map((r) => t.total[r]!);
  const pb = records.personalBest;
  const counts = [0, 0, 0, 0];
  let suspect = 0;
  for (const r of runs) {
    const kind = kindOf(r);
    if (kind >= 0) counts[kind]!++;
    if (kind === COMPLETE && t.flags[r]! & SUSPECT) suspect++;
  }
  return {
    id: t.strings[t.section[latest]!]!,
    title: t.strings[t.title[latest]!]!,
    targetSeconds: t.target[latest]!,
    pitchFile: pitchFile === '' ? null : pitchFile,
    legacyRecords: runs.some((r) => t.file[r]! < 0 || t.strings[t.file[r]!] === ''),
    count: runs.length,
    completed: counted.length,
    suspect,
    practice: counts[1]!,
    incomplete: counts[2]!,
    aborted: counts[3]!,
    personalBest: pb >= 0 ? tenths(t.total[pb]!) : null,
    personalBestAt: pb >= 0 ? t.startedAt[pb]! : null,
    sumOfBest: sumOfBest === null ? null : Math.round(sumOfBest * 10) / 10,
    last: totals.length ? tenths(totals[totals.length - 1]!) : null,
    median: totals.length ? tenths(median(totals)!) : null,
    runs: counted.map((r) => ({ at: t.startedAt[r]!, day: chrono.isoDay(r), totalSeconds: tenths(t.total[r]!) })),
    splits,
    costliestSplit: costliest?.key ?? null,
  };
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
  for (const r of rows) {
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
  const wpms = runs.flatMap((r) => (r.wordsPerMinute === null ? [] : [r.wordsPerMinute]));
  const pauses = runs.flatMap((r) => (r.longestPauseSeconds === null ? [] : [r.longestPauseSeconds]));
  const ranges = runs.flatMap((r) => (r.rangeSemitones === null ? [] : [r.rangeSemitones]));
  const rates = runs.flatMap((r) => (r.syllablesPerSecond === null ? [] : [r.syllablesPerSecond]));
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
      inBand: runs.filter((r) => r.inBand).length,
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
