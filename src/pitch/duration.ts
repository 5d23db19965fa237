/**
 * Durations as people write them: "90s", "90 s", "2m", "2 min", "2 minutes", "1m30", "1 min 30", "2:00", "1,5 min".
 * parseDuration reads a whole string (a --target value); findDurationHint finds one inside a heading.
 */

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const MIN = String.raw`(?:minutes?|mins?|mn|m)`;
const SEC = String.raw`(?:secondes?|seconds?|secs?|s)`;

const FULL_FORMS: Array<[RegExp, (m: RegExpExecArray) => number]> = [
  [/^(\d+):([0-5]\d)$/, (m) => Number(m[1]) * 60 + Number(m[2])],
  [new RegExp(String.raw`^(\d+)\s*${MIN}\s*(\d+)\s*${SEC}?$`, 'i'), (m) => Number(m[1]) * 60 + Number(m[2])],
  [new RegExp(String.raw`^${NUM}\s*${MIN}$`, 'i'), (m) => toNumber(m[1]!) * 60],
  [new RegExp(String.raw`^${NUM}\s*${SEC}?$`, 'i'), (m) => toNumber(m[1]!)],
];

const toNumber = (s: string): number => Number(s.replace(',', '.'));

/** Longest duration we accept anywhere: 4 hours. */
export const MAX_SECONDS = 4 * 3600;

/** Seconds for a duration string, or null when it is not one (or is zero, negative or absurdly long). */
export function parseDuration(input: string): number | null {
  const text = input.trim().replace(/\s+/g, ' ');
  for (const [re, toSeconds] of FULL_FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const seconds = Math.round(toSeconds(m) * 10) / 10;
    return seconds > 0 && seconds <= MAX_SECONDS && Number.isFinite(seconds) ? seconds : null;
  }
  return null;
}

const HINT = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d+)\s*${MIN}\s*(\d+)(?:\s*${SEC})?|${NUM}\s*${MIN}|${NUM}\s*${SEC})(?![\p{L}\p{N}])`,
  'iu',
);

/** The first duration written in a heading ("Pitch court (≈ 2 min)" → 120), or null. */
export function findDurationHint(text: string): number | null {
  const m = HINT.exec(text);
  if (!m) return null;
  const seconds =
    m[1] !== undefined ? Number(m[1]) * 60 + Number(m[2]) : m[3] !== undefined ? toNumber(m[3]) * 60 : toNumber(m[4]!);
  return seconds > 0 && seconds <= MAX_SECONDS ? Math.round(seconds) : null;
}

/** The heading without its duration hint and the brackets around it: "Pitch court (≈ 2 min)" → "Pitch court". */
export function stripDurationHint(text: string): string {
  return text
    .replace(
      new RegExp(String.raw`\s*[(\[]\s*(?:≈|~|env\.?|environ|about)?\s*` + HINT.source + String.raw`\s*[)\]]`, 'iu'),
      '',
    )
    .replace(new RegExp(String.raw`\s*[-–—:]?\s*(?:≈|~)\s*` + HINT.source, 'iu'), '')
    .trim();
}

/** "1:05", "12:30"; negative values get a minus sign. Tenths are shown when `tenths` is set. */
export function formatClock(seconds: number, tenths = false): string {
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  const whole = tenths ? Math.floor(abs * 10 + 1e-6) / 10 : Math.round(abs);
  const m = Math.floor(whole / 60);
  const s = whole - m * 60;
  const sec = tenths ? s.toFixed(1).padStart(4, '0') : String(Math.floor(s)).padStart(2, '0');
  return `${sign}${m}:${sec}`;
}
