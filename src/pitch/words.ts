/**
 * French-aware word counting.
 *
 * The rule: a word is a run of letters or digits, where these join the pieces into ONE word:
 *  - an apostrophe, straight (') or typographic (’): elisions such as « l’écosystème », « d’incidents », « qu’il »
 *    count as one word, as French word processors count them and as they are spoken (one prosodic unit);
 *  - a hyphen of any kind (-, ‐, non-breaking ‑): « full‑stack », « sous‑projets », « peut-être »;
 *  - a decimal point or comma between digits (« 2,5 », « 97.5 ») and a (thin/non-breaking) space between
 *    groups of three digits (« 1 000 000 »): a number is said as one number.
 * Anything else separates words (spaces, slashes « N2/N3 », punctuation); punctuation alone is not a word.
 */
const wordPattern = () =>
  // Made on first use: V8 parses a pattern with Unicode classes as it is created (~0.5 ms), which a
  // command that counts no words (pitch analyze, which only needs PACE_BAND) need not pay.
  (word ??=
    /[\p{L}\p{N}]+(?:(?:['’‑‐-]|(?<=\p{N})[.,](?=\p{N})|(?<=\p{N})[\u00A0\u202F\u2009 ](?=\p{N}{3}(?!\p{N})))[\p{L}\p{N}]+)*/gu);
let word: RegExp | undefined;

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(wordPattern())) n++;
  return n;
}

/** The words themselves, in order (same rule as countWords). */
export function splitWords(text: string): string[] {
  return Array.from(text.matchAll(wordPattern()), (m) => m[0]);
}

/** Seconds needed to say `words` words at `wordsPerMinute`. */
export function speakingSeconds(words: number, wordsPerMinute = DEFAULT_WPM): number {
  return Math.round((words / wordsPerMinute) * 60);
}

/** French presentation norm is 120–160 words a minute; 140 is its middle. */
export const DEFAULT_WPM = 140;
export const PACE_BAND = { min: 120, max: 160 } as const;

/** The first `n` words of a text with their punctuation, and "…" when there is more: "Bonjour, je m’appelle…". */
export function openingWords(text: string, n: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  let end = 0;
  let count = 0;
  for (const m of flat.matchAll(wordPattern())) {
    if (count === n) return flat.slice(0, end).trim() + '…';
    end = m.index + m[0].length;
    count++;
  }
  return flat;
}
