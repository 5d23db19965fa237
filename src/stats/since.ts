import { isoToDay, monthsBefore } from './days.js';

/** Why a --since value was refused. */
export type SinceProblem = 'format' | 'future' | 'tooFar';

export type SinceResult = { ok: true; day: number } | { ok: false; problem: SinceProblem };

/** Nobody has ten years of rehearsals; a bigger number is a typo. */
export const MAX_SINCE_DAYS = 3660;

const UNITS: Array<[RegExp, 'd' | 'w' | 'm' | 'y']> = [
  [/^(?:d|j|days?|jours?)$/, 'd'],
  [/^(?:w|sem|weeks?|semaines?)$/, 'w'],
  [/^(?:m|mo|months?|mois)$/, 'm'],
  [/^(?:y|a|years?|ans?|années?)$/, 'y'],
];

/**
 * `--since`: the first local day to include, given today's day number.
 * - `30d` (or `30j`): the last 30 days, today included; `12w`: the last 12 weeks (84 days); `6m`, `1y`:
 *   months and years. Every unit counts back from tomorrow: `1d` is today, `7d` is today and the six days
 *   before, `1m` on 26 November starts on 27 October.
 * - `2026-11-01`: from that date (local midnight), which must not be in the future.
 * Pure; the caller turns a problem into a usage error.
 */
export function parseSince(input: string, today: number): SinceResult {
  const text = input.trim().toLowerCase();
  const date = isoToDay(text);
  if (date !== null) return date > today ? { ok: false, problem: 'future' } : { ok: true, day: date };
  const m = /^(\d{1,5})\s*([a-zéè]+)$/u.exec(text);
  if (!m) return { ok: false, problem: 'format' };
  const n = Number(m[1]);
  const unit = UNITS.find(([re]) => re.test(m[2]!))?.[1];
  if (!unit || n < 1) return { ok: false, problem: 'format' };
  const tomorrow = today + 1;
  const day =
    unit === 'd' ? tomorrow - n : unit === 'w' ? tomorrow - 7 * n : monthsBefore(tomorrow, unit === 'm' ? n : 12 * n);
  return today - day + 1 > MAX_SINCE_DAYS ? { ok: false, problem: 'tooFar' } : { ok: true, day };
}
