/**
 * The numbers and dates of `pitch stats`' text in the user's language, written either by Intl or by plain
 * code from the language's pieces (separators, grouping, month and weekday names, the order of a date's
 * fields) read from Intl once. Creating the first Intl.NumberFormat of a process costs ~12 ms and the first
 * Intl.DateTimeFormat ~3.5 ms (ICU loading locale data): the command keeps the pieces in its cache
 * (cli/stats-format.ts) so that later runs make neither. Pieces are only given out when plain code writes
 * exactly what Intl writes for a set of samples; values outside what the pieces cover (non-finite numbers,
 * numbers JavaScript writes with an exponent, invalid dates, years outside 1000–9999) are still written by Intl.
 */
export interface StatsFormat {
  /** A whole number, grouped ("12 345"), halves away from zero. */
  int(n: number): string;
  /** One decimal ("3,5"). */
  dec(n: number): string;
  /** "12 oct." (UTC fields of `d`). */
  shortDate(d: Date): string;
  /** "12 oct. 2025". */
  longDate(d: Date): string;
  /** "lun. 12". */
  weekdayDay(d: Date): string;
  /** "lun." (the heatmap's rows). */
  weekday(d: Date): string;
  /** "oct." (the heatmap's columns). */
  month(d: Date): string;
}

type DateName = 'shortDate' | 'longDate' | 'weekdayDay' | 'weekday' | 'month';
type Field = 'day' | 'month' | 'year' | 'weekday';

/** A date format: literal text and fields in order, with the names its month and weekday fields use. */
interface DatePieces {
  parts: Array<{ text: string } | { field: Field }>;
  /** January first; empty when the format has no month field. */
  months: string[];
  /** Monday first; empty when the format has no weekday field. */
  weekdays: string[];
}

export interface StatsPieces {
  minus: string;
  group: string;
  decimal: string;
  /** Digits in the last group, in the groups before it, and the fewest digits before a first group is made. */
  primary: number;
  secondary: number;
  minGrouping: number;
  dates: Record<DateName, DatePieces>;
}

const DATE_OPTIONS: Record<DateName, Intl.DateTimeFormatOptions> = {
  shortDate: { day: 'numeric', month: 'short', timeZone: 'UTC' },
  longDate: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  weekdayDay: { weekday: 'short', day: 'numeric', timeZone: 'UTC' },
  weekday: { weekday: 'short', timeZone: 'UTC' },
  month: { month: 'short', timeZone: 'UTC' },
};
const DATE_NAMES = Object.keys(DATE_OPTIONS) as DateName[];
const INT_OPTIONS: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const DEC_OPTIONS: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** Everything written by Intl, each formatter made when first needed. */
export function intlStatsFormat(lang: string): StatsFormat {
  const numbers = (options: Intl.NumberFormatOptions) => {
    let f: Intl.NumberFormat | undefined;
    return (n: number) => (f ??= new Intl.NumberFormat(lang, options)).format(n);
  };
  const dates = (name: DateName) => {
    let f: Intl.DateTimeFormat | undefined;
    return (d: Date) => (f ??= new Intl.DateTimeFormat(lang, DATE_OPTIONS[name])).format(d);
  };
  return {
    int: numbers(INT_OPTIONS),
    dec: numbers(DEC_OPTIONS),
    shortDate: dates('shortDate'),
    longDate: dates('longDate'),
    weekdayDay: dates('weekdayDay'),
    weekday: dates('weekday'),
    month: dates('month'),
  };
}

/** Written by plain code from `pieces`, by Intl for what they do not cover. */
export function piecesStatsFormat(lang: string, pieces: StatsPieces): StatsFormat {
  const intl = intlStatsFormat(lang);
  const numbers = (digits: number, fallback: (n: number) => string) => (n: number) =>
    formatNumber(n, digits, pieces) ?? fallback(n);
  const dates = (name: DateName) => (d: Date) => formatDate(d, pieces.dates[name]) ?? intl[name](d);
  return {
    int: numbers(0, intl.int),
    dec: numbers(1, intl.dec),
    shortDate: dates('shortDate'),
    longDate: dates('longDate'),
    weekdayDay: dates('weekdayDay'),
    weekday: dates('weekday'),
    month: dates('month'),
  };
}

/**
 * `n` rounded to `digits` decimals the way ICU rounds (on the shortest decimal that reads back as `n`,
 * halves away from zero), grouped and signed; null when JavaScript writes it with an exponent or it is not finite.
 */
function formatNumber(n: number, digits: number, p: StatsPieces): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(Math.abs(n));
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > digits) {
    const up = fraction.charCodeAt(digits) >= 53; // '5' or more: a half or above it
    let kept = whole + fraction.slice(0, digits);
    if (up) kept = increment(kept);
    whole = kept.slice(0, kept.length - digits);
    fraction = kept.slice(kept.length - digits);
  } else fraction = fraction.padEnd(digits, '0');
  // A negative number, even one that rounds to zero, keeps its sign (as Intl's signDisplay "auto").
  const negative = n < 0 || Object.is(n, -0);
  return (negative ? p.minus : '') + group(whole, p) + (digits ? p.decimal + fraction : '');
}

/** A string of decimal digits plus one. */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

function group(whole: string, p: StatsPieces): string {
  if (whole.length < p.primary + p.minGrouping) return whole;
  let end = whole.length - p.primary;
  let out = whole.slice(end);
  while (end > 0) {
    const start = Math.max(0, end - p.secondary);
    out = whole.slice(start, end) + p.group + out;
    end = start;
  }
  return out;
}

function formatDate(d: Date, p: DatePieces): string | null {
  const year = d.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return null; // NaN too
  let out = '';
  for (const part of p.parts) {
    if ('text' in part) out += part.text;
    else if (part.field === 'day') out += String(d.getUTCDate());
    else if (part.field === 'year') out += String(year);
    else if (part.field === 'month') out += p.months[d.getUTCMonth()]!;
    else out += p.weekdays[(d.getUTCDay() + 6) % 7]!;
  }
  return out;
}

/** Numbers and dates the pieces are checked on: signs, rounding halves, grouping, every month and weekday. */
const NUMBER_SAMPLES = [
  0, -0, 1, -1, 0.05, 0.15, -0.25, 0.45, 0.94, 0.95, 2.5, -2.5, 9.95, 99.5, 999.5, 1234, -1234, 12345, 123456, 1234567,
  -9876543.21, 1234567890.05, 0.3, -0.3, 7, 10, 100,
];
const DATE_SAMPLES = [2024, 2026].flatMap((year) =>
  Array.from({ length: 12 }, (_, m) => [1, 2, 9, 10, 28].map((day) => new Date(Date.UTC(year, m, day)))).flat(),
);

/**
 * The pieces of `lang` as Intl has them, or null when plain code from them would not write what Intl writes
 * for every sample (another digit system, a sign after the number, a format whose fields change with the date).
 */
export function readStatsPieces(lang: string): StatsPieces | null {
  try {
    const dec = new Intl.NumberFormat(lang, DEC_OPTIONS);
    const int = new Intl.NumberFormat(lang, INT_OPTIONS);
    const parts = dec.formatToParts(-1234567.5);
    const value = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
    const chunks = parts.filter((x) => x.type === 'integer').map((x) => x.value.length);
    const groups = (n: number) => int.formatToParts(n).filter((x) => x.type === 'group').length;
    const pieces: StatsPieces = {
      minus: value('minusSign'),
      group: value('group'),
      decimal: value('decimal'),
      primary: chunks[chunks.length - 1] ?? 3,
      secondary: chunks.length > 2 ? chunks[chunks.length - 2]! : (chunks[chunks.length - 1] ?? 3),
      minGrouping: groups(1234) > 0 ? 1 : groups(12345) > 0 ? 2 : 3,
      dates: Object.fromEntries(DATE_NAMES.map((name) => [name, datePieces(lang, name)])) as StatsPieces['dates'],
    };
    const hand = piecesStatsFormat(lang, pieces);
    for (const n of NUMBER_SAMPLES) if (hand.int(n) !== int.format(n) || hand.dec(n) !== dec.format(n)) return null;
    for (const name of DATE_NAMES) {
      const intl = new Intl.DateTimeFormat(lang, DATE_OPTIONS[name]);
      for (const d of DATE_SAMPLES) if (hand[name](d) !== intl.format(d)) return null;
    }
    return pieces;
  } catch {
    return null;
  }
}

function datePieces(lang: string, name: DateName): DatePieces {
  const intl = new Intl.DateTimeFormat(lang, DATE_OPTIONS[name]);
  const fields = intl.formatToParts(new Date(Date.UTC(2024, 0, 1)));
  const partOf = (d: Date, type: string) => intl.formatToParts(d).find((x) => x.type === type)?.value ?? '';
  const has = (type: string) => fields.some((x) => x.type === type);
  return {
    parts: fields.map((x) => (x.type === 'literal' ? { text: x.value } : { field: x.type as Field })),
    months: has('month') ? Array.from({ length: 12 }, (_, m) => partOf(new Date(Date.UTC(2024, m, 2)), 'month')) : [],
    // 2024-01-01 was a Monday.
    weekdays: has('weekday')
      ? Array.from({ length: 7 }, (_, i) => partOf(new Date(Date.UTC(2024, 0, 1 + i)), 'weekday'))
      : [],
  };
}

/** Whether `x` (read back from the cache) has the shape of StatsPieces. */
export function isStatsPieces(x: unknown): x is StatsPieces {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  const strings = (v: unknown, lengths: number[]) =>
    Array.isArray(v) && lengths.includes(v.length) && v.every((s) => typeof s === 'string');
  const size = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 9;
  if (![p.minus, p.group, p.decimal].every((s) => typeof s === 'string')) return false;
  if (!size(p.primary) || !size(p.secondary) || !size(p.minGrouping)) return false;
  const dates = p.dates as Record<string, unknown> | null;
  if (typeof dates !== 'object' || dates === null) return false;
  return DATE_NAMES.every((name) => {
    const d = dates[name] as Record<string, unknown> | null;
    if (typeof d !== 'object' || d === null || !Array.isArray(d.parts)) return false;
    const parts = d.parts as unknown[];
    const fields = ['day', 'month', 'year', 'weekday'];
    const partsOk = parts.every(
      (part: unknown) =>
        typeof part === 'object' &&
        part !== null &&
        (typeof (part as { text?: unknown }).text === 'string' ||
          fields.includes((part as { field?: unknown }).field as string)),
    );
    const uses = (f: string) => parts.some((part) => (part as { field?: unknown } | null)?.field === f);
    return (
      partsOk &&
      strings(d.months, uses('month') ? [12] : [0, 12]) &&
      strings(d.weekdays, uses('weekday') ? [7] : [0, 7])
    );
  });
}
