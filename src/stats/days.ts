/**
 * Calendar days in the user's time zone, as integers: day 0 is 1970-01-01 *local*. Streaks,
 * heatmaps and forecasts count days the way the user lived them, so a rehearsal at 23:50 in
 * Paris belongs to that evening even though it is already the next day in UTC.
 */

const DAY_MS = 86_400_000;

/** Maps instants to local day numbers for one IANA time zone. */
export interface DayClock {
  readonly timeZone: string;
  /** Local day of an instant (ms since the epoch); NaN for NaN. */
  dayOf(ms: number): number;
  /**
   * The local day of an instant and the instants around it that share that day: every ms in [start, end)
   * has dayOf(ms) === day. Loops over many dates in order (100,000 reviews) ask again only when a date
   * leaves the span, instead of calling dayOf for each. The span may be shorter than the whole day (it
   * never crosses a UTC midnight, and is one instant long on the day of a clock change); NaN gives NaNs.
   */
  span(ms: number): DaySpan;
}

export interface DaySpan {
  day: number;
  start: number;
  end: number;
}

/**
 * A day clock for `timeZone` ("Europe/Paris", "UTC"…), read through Intl. Intl is slow (microseconds a
 * call), and a history can hold 100,000 dates, so the offset is computed once per UTC day.
 */
export function createDayClock(timeZone: string): DayClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (ms: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    return local - Math.floor(ms / 1000) * 1000;
  };
  return dayClock(format.resolvedOptions().timeZone, offsetAt);
}

/**
 * The day clock of the process's own time zone (TZ, else the system's): the one `pitch stats` counts
 * days in. Date's local fields come from the same ICU zone as Intl's, to the second (a unit test
 * compares the two over years of instants in several zones), at a twentieth of the cost of
 * formatToParts; Intl is asked only for the zone's name, unless the caller knows it (`timeZone`: what
 * Intl.DateTimeFormat().resolvedOptions().timeZone gives in this process).
 */
export function localDayClock(timeZone?: string): DayClock {
  const offsetAt = (ms: number): number => {
    const d = new Date(ms);
    const local = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
    return local - Math.floor(ms / 1000) * 1000;
  };
  return dayClock(timeZone ?? localTimeZone(), offsetAt);
}

/** The name of the process's own time zone, as Intl has it ("Europe/Paris", "UTC"…). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Days from a zone's offsets: the offset is computed once per UTC day (at its start, shared with the day
 * before as its end) and reused whenever it is the same at both ends of that day; only the day of a
 * change pays per date.
 */
function dayClock(timeZone: string, offsetAt: (ms: number) => number): DayClock {
  // UTC day → the offset at its first millisecond, and → its offset all day long (null when it changes).
  const starts = new Map<number, number>();
  const startOffset = (utcDay: number): number => {
    let offset = starts.get(utcDay);
    if (offset === undefined) starts.set(utcDay, (offset = offsetAt(utcDay * DAY_MS)));
    return offset;
  };
  const cache = new Map<number, number | null>();
  // Dates come in runs of the same day (a history is in order): the last day's answer is kept at hand.
  let lastDay = Number.NaN;
  let lastOffset: number | null = null;
  const offsetOfDay = (utcDay: number): number | null => {
    if (utcDay !== lastDay) {
      let offset = cache.get(utcDay);
      if (offset === undefined) {
        // The same offset at this day's start and the next one's: none of its instants differs (a change
        // exactly at the next midnight makes them differ, and this day is then read date by date).
        const start = startOffset(utcDay);
        offset = start === startOffset(utcDay + 1) ? start : null;
        cache.set(utcDay, offset);
      }
      lastDay = utcDay;
      lastOffset = offset;
    }
    return lastOffset;
  };
  const dayOf = (ms: number): number => {
    if (!Number.isFinite(ms)) return Number.NaN;
    return Math.floor((ms + (offsetOfDay(Math.floor(ms / DAY_MS)) ?? offsetAt(ms))) / DAY_MS);
  };
  return {
    timeZone,
    dayOf,
    span(ms) {
      if (!Number.isFinite(ms)) return { day: Number.NaN, start: Number.NaN, end: Number.NaN };
      const utcDay = Math.floor(ms / DAY_MS);
      const offset = offsetOfDay(utcDay);
      if (offset === null) return { day: dayOf(ms), start: ms, end: ms + 1 };
      const day = Math.floor((ms + offset) / DAY_MS);
      return {
        day,
        start: Math.max(utcDay * DAY_MS, day * DAY_MS - offset),
        end: Math.min((utcDay + 1) * DAY_MS, (day + 1) * DAY_MS - offset),
      };
    },
  };
}

/** "2026-11-26" for a day number. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a real calendar date "YYYY-MM-DD", or null ("2026-02-30" is not one). */
export function isoToDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** 0 for Monday … 6 for Sunday (ISO weeks, as French calendars draw them). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

/** The same day `months` months earlier, clamped to the end of a shorter month (31 March − 1 month → 28/29 February). */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / DAY_MS;
}
