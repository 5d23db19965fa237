/**
 * Cloze blanks: what a typed blank may differ by and still be right (case, accents, hyphen / space /
 * nothing, a number with or without its unit, one typo per long word, the pack's synonyms), and the
 * character-level diff shown on a miss.
 */
import { diffChars } from 'diff';
import { compilePhrase, equalsPhrase, foldText, tokenize, typoDistance, type SynonymTable } from './match.js';

/** Folded, with every separator gone: "Back-End" / "back end" / "backend" → "backend". */
const compact = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Units written several ways; each maps to one spelling. */
const UNITS = new Map<string, string>([
  ...['o', 'octet', 'octets', 'b', 'byte', 'bytes'].map((u) => [u, 'o'] as const),
  ...['ko', 'kb', 'kio', 'kib'].map((u) => [u, 'ko'] as const),
  ...['mo', 'mb', 'mio', 'mib'].map((u) => [u, 'mo'] as const),
  ...['go', 'gb', 'gio', 'gib'].map((u) => [u, 'go'] as const),
  ...['to', 'tb', 'tio', 'tib'].map((u) => [u, 'to'] as const),
  ...['s', 'sec', 'seconde', 'secondes', 'second', 'seconds'].map((u) => [u, 's'] as const),
  ...['ms', 'milliseconde', 'millisecondes', 'millisecond', 'milliseconds'].map((u) => [u, 'ms'] as const),
  ...['min', 'mn', 'minute', 'minutes'].map((u) => [u, 'min'] as const),
  ...['h', 'heure', 'heures', 'hour', 'hours'].map((u) => [u, 'h'] as const),
  ...['j', 'jour', 'jours', 'day', 'days'].map((u) => [u, 'j'] as const),
  ...['%', 'pourcent', 'percent', 'pct'].map((u) => [u, '%'] as const),
]);

/** "10 Mo", "10MB", "97,5 %" → number and unit; null when the text is not a number with an optional unit. */
function numberWithUnit(text: string): { value: number; unit: string | null } | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([\p{L}%]*)\s*$/u.exec(foldText(text));
  if (!m) return null;
  const unit = m[2] ? (UNITS.get(m[2]) ?? m[2]) : null;
  return { value: Number(m[1]!.replace(',', '.')), unit };
}

/** The typed blank says the expected text (or an accepted one), forgiving what README promises. */
export function clozeAccepts(expected: string, typed: string, synonyms: SynonymTable): boolean {
  if (!typed.trim()) return false;
  const a = compact(expected);
  const b = compact(typed);
  if (a && a === b) return true;
  const n1 = numberWithUnit(expected);
  const n2 = numberWithUnit(typed);
  if (n1 && n2) return n1.value === n2.value && (n1.unit === null || n2.unit === null || n1.unit === n2.unit);
  if (n1 || n2 || /\d/.test(a) || /\d/.test(b)) return false;
  const phrase = compilePhrase(expected, synonyms);
  // A blank made only of symbols ("%", "->") has no word to compare: compare the text itself.
  if (!phrase.slots.length) return foldText(expected).trim() === foldText(typed).trim();
  if (equalsPhrase(tokenize(typed), phrase)) return true;
  // One typo in a long blank typed without its separators ("autobroadcastjointreshold").
  return a.length >= 8 && typoDistance(a, b, 1) <= 1;
}

/** One piece of a character diff: text both share, text only the expected answer has, or only the typed one. */
export interface DiffPart {
  kind: 'same' | 'missing' | 'extra';
  text: string;
}

/** A character-level diff of the typed blank against the expected answer, case and accents kept. */
export function diffBlank(typed: string, expected: string): DiffPart[] {
  return diffChars(typed, expected).map((c) => ({
    kind: c.added ? 'missing' : c.removed ? 'extra' : 'same',
    text: c.value,
  }));
}
