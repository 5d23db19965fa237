import type { Lang } from '../i18n/index.js';
import type { StatsFormat } from './stats-format.js';

/**
 * Numbers in the user's language for the renderers that write decimals: by Intl (toLocaleString), or,
 * once a command has given the language's format (useNumberFormat: the pieces `pitch stats` keeps in
 * its cache, checked against Intl when read), by plain code. The first Intl.NumberFormat of a process
 * costs 11–18 ms here (ICU loading its data): most of what `pitch analyze`'s text report added to the
 * analysis (docs/voice.md).
 */
const formats = new Map<Lang, StatsFormat>();

export function useNumberFormat(lang: Lang, format: StatsFormat): void {
  formats.set(lang, format);
}

/**
 * `x` rounded to `digits` decimals (halves away from zero), grouped, in `lang`; `trim` drops a decimal
 * part that rounds to zero (« 3 » rather than « 3,0 »), as maximumFractionDigits alone does.
 */
export function formatDecimal(x: number, lang: Lang, digits: 0 | 1, trim = false): string {
  const format = formats.get(lang);
  if (!format)
    return x.toLocaleString(lang, { minimumFractionDigits: trim ? 0 : digits, maximumFractionDigits: digits });
  if (digits === 0) return format.int(x);
  const text = format.dec(x);
  // « 3,0 » → « 3 »: a last 0 after the decimal separator (the one character before it that is no digit).
  return trim && text.endsWith('0') && !/\d/.test(text.charAt(text.length - 2)) ? text.slice(0, -2) : text;
}
