import type { Attempt } from '../rehearsal/types.js';
import { computeRecords, countsForRecords, normalizeAttempt } from '../rehearsal/records.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';
import type { DayClock } from './days.js';
import { dayToIso } from './days.js';
import type { RehearsalStats, SectionStats, SpeechPoint, SpeechStats, SplitStats, Streak } from './types.js';

/** Seconds to tenths, as every clock of the app shows them. */
export const tenths = (x: number): number => Math.round(x * 10) / 10;

/** Median of numbers (sorted copy); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
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

/** An attempt with its date read once: an instant and a local day. */
interface Dated {
  a: Attempt;
  at: number;
  day: number;
}

/**
 * Attempts with a readable date, oldest first (history is kept in order, but a hand-merged file
 * may not be). An attempt without a readable date cannot be placed on a chart or a calendar.
 */
function chronological(attempts: readonly Attempt[], clock: DayClock): Dated[] {
  const dated: Array<Dated & { i: number }> = [];
  attempts.forEach((a, i) => {
    const at = Date.parse(a.startedAt);
    if (Number.isFinite(at)) dated.push({ a, at, day: clock.dayOf(at), i });
  });
  return dated.sort((x, y) => x.at - y.at || x.i - y.i);
}

export interface RehearsalOptions {
  clock: DayClock;
  today: number;
  /** First day included (null: everything). The streak ignores it: it is about today. */
  sinceDay: number | null;
}

/**
 * Everything the rehearsal part of `pitch stats` shows, for attempts already narrowed to a section
 * (or not). Records come from rehearsal/records (practice never a PB), per section and target.
 */
export function computeRehearsalStats(history: readonly Attempt[], options: RehearsalOptions): RehearsalStats {
  const { clock, today, sinceDay } = options;
  const all = chronological(history.map(normalizeAttempt), clock);
  const streak = computeStreak(
    all.map((d) => d.day),
    today,
  );
  const inWindow = sinceDay === null ? all : all.filter((d) => d.day >= sinceDay);

  // One group per pitch file, section and target, in order of first appearance.
  const groups = new Map<string, Dated[]>();
  for (const d of inWindow) {
    const key = `${d.a.pitchFile ?? ''}\u0000${d.a.sectionId}\u0000${Math.round(d.a.targetSeconds * 10)}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  // The section rehearsed last comes first: that is the one the user is working on.
  const sections = [...groups.values()].sort((x, y) => y[y.length - 1]!.at - x[x.length - 1]!.at).map(sectionStats);

  // Every section rehearsed has an entry: its best complete, credible run, or null when it has none.
  // Section ids come from the user's headings: no inherited keys (`constructor`…).
  const best: Record<string, number | null> = Object.create(null);
  for (const s of sections) {
    const known = best[s.id] ?? null;
    best[s.id] = s.personalBest !== null && (known === null || s.personalBest < known) ? s.personalBest : known;
  }
  const kinds = { complete: 0, practice: 0, incomplete: 0, aborted: 0 };
  let suspect = 0;
  for (const { a } of inWindow) {
    if (a.kind === 'complete' && a.suspect) suspect++;
    else if (Object.hasOwn(kinds, a.kind)) kinds[a.kind]++;
  }
  return {
    count: inWindow.length,
    completed: kinds.complete,
    suspect,
    practice: kinds.practice,
    incomplete: kinds.incomplete,
    aborted: kinds.aborted,
    best,
    days: new Set(inWindow.map((d) => d.day)).size,
    streak,
    sections,
  };
}

function sectionStats(dated: readonly Dated[]): SectionStats {
  const runs = dated.map((d) => d.a);
  const latest = runs[runs.length - 1]!;
  // The split list of the latest complete run is the section as it is now (a practice run may hold only some splits).
  const reference =
    [...runs].reverse().find((a) => a.kind === 'complete') ??
    runs.reduce((a, b) => (b.splits.length >= a.splits.length ? b : a));
  const keys = reference.splits.map((s) => s.key);
  // Runs are already one pitch file's (grouped by it): no identity filter needed here.
  const records = computeRecords(runs, latest.sectionId, latest.targetSeconds, keys);
  // Medians, charts and split times come from the runs that count, as records do.
  const counted = runs.filter(countsForRecords);

  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const times: number[][] = keys.map(() => []);
  for (const a of counted) {
    for (const s of a.splits) {
      const i = keyIndex.get(s.key);
      if (i !== undefined && typeof s.seconds === 'number' && s.seconds > 0) times[i]!.push(s.seconds);
    }
  }
  const splits: SplitStats[] = reference.splits.map((ref, i) => {
    const said = times[i]!;
    const med = median(said);
    return {
      key: ref.key,
      title: ref.title,
      budgetSeconds: tenths(ref.budgetSeconds),
      best: records.bestSegments[ref.key] === undefined ? null : tenths(records.bestSegments[ref.key]!),
      median: med === null ? null : tenths(med),
      last: said.length ? tenths(said[said.length - 1]!) : null,
      overBudgetSeconds: med === null ? null : tenths(med - ref.budgetSeconds),
      timed: said.length,
    };
  });
  let costliest: SplitStats | null = null;
  for (const s of splits)
    if (
      s.overBudgetSeconds !== null &&
      s.overBudgetSeconds > 0 &&
      (!costliest || s.overBudgetSeconds > costliest.overBudgetSeconds!)
    )
      costliest = s;

  const complete = dated.filter((d) => countsForRecords(d.a));
  const totals = complete.map((d) => d.a.totalSeconds);
  const pb = records.personalBest;
  const count = (kind: Attempt['kind']) => runs.reduce((n, a) => n + (a.kind === kind ? 1 : 0), 0);
  return {
    id: latest.sectionId,
    title: latest.sectionTitle,
    targetSeconds: latest.targetSeconds,
    pitchFile: latest.pitchFile ?? null,
    count: runs.length,
    completed: complete.length,
    suspect: runs.filter((a) => a.kind === 'complete' && a.suspect).length,
    practice: count('practice'),
    incomplete: count('incomplete'),
    aborted: count('aborted'),
    personalBest: pb ? tenths(pb.totalSeconds) : null,
    personalBestAt: pb ? pb.startedAt : null,
    sumOfBest: records.sumOfBest,
    last: totals.length ? tenths(totals[totals.length - 1]!) : null,
    median: totals.length ? tenths(median(totals)!) : null,
    runs: complete.map((d) => ({ at: d.a.startedAt, day: dayToIso(d.day), totalSeconds: tenths(d.a.totalSeconds) })),
    splits,
    costliestSplit: costliest?.key ?? null,
  };
}

/** A finite positive number from a loosely typed record (speech metrics come from another feature). */
function positive(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** Voice measurements of recorded attempts in the period: words per minute and longest pause. */
export function computeSpeechStats(
  attempts: readonly Attempt[],
  clock: DayClock,
  sinceDay: number | null,
  lang: PitchLang = 'fr',
): SpeechStats {
  const runs: SpeechPoint[] = [];
  const band = PACE_BANDS[lang];
  // A pace trend is drawn from the runs that count: an accidental tap or a stopped run says nothing of the pace.
  for (const { a, day } of chronological(attempts.filter(countsForRecords), clock)) {
    const speech = a.speech;
    if (!speech || typeof speech !== 'object' || (sinceDay !== null && day < sinceDay)) continue;
    const wpm = positive(speech.wordsPerMinute);
    const pause =
      typeof speech.longestPauseSeconds === 'number' &&
      Number.isFinite(speech.longestPauseSeconds) &&
      speech.longestPauseSeconds >= 0
        ? speech.longestPauseSeconds
        : null;
    const range = positive(speech.rangeSemitones);
    const sps = positive(speech.syllablesPerSecond);
    if (wpm === null && pause === null && range === null && sps === null) continue;
    runs.push({
      at: a.startedAt,
      day: dayToIso(day),
      sectionId: a.sectionId,
      wordsPerMinute: wpm === null ? null : Math.round(wpm),
      longestPauseSeconds: pause === null ? null : tenths(pause),
      rangeSemitones: range === null ? null : tenths(range),
      syllablesPerSecond: sps === null ? null : Math.round(sps * 100) / 100,
    });
  }
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
    wordsPerMinute: {
      median: med(wpms, Math.round),
      last: wpms.length ? wpms[wpms.length - 1]! : null,
      measured: wpms.length,
      inBand: wpms.filter((w) => w >= band.min && w <= band.max).length,
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
