import type { Section } from './model.js';
import { flattenSections } from './model.js';
import { fold, splitSentences } from './text.js';
import { closestMatches } from '../core/did-you-mean.js';

export type Lookup =
  | { kind: 'found'; section: Section }
  | { kind: 'ambiguous'; matches: Section[] }
  | { kind: 'unknown'; closest: Section[] };

/**
 * Finds a section by number ("2.3", "2.3."), id ("2-3-actions-cles") or a unique part of its title,
 * ignoring case and accents ("calcul", "environnement"). Pure.
 */
export function findSection(sections: readonly Section[], query: string): Lookup {
  const all = flattenSections(sections);
  const trimmed = query.trim();
  const q = trimmed.replace(/\.$/, '');
  // Ids are unique while numbers may repeat in a hand-numbered document, so an id names its own section
  // first — unless a trailing dot (« 2.3. ») says the query is a number.
  const byId = () => all.find((s) => s.id === q);
  const byNumber = () => all.find((s) => s.number !== '' && s.number === q);
  const exact = trimmed.endsWith('.') ? (byNumber() ?? byId()) : (byId() ?? byNumber());
  if (exact) return { kind: 'found', section: exact };
  const needle = fold(q);
  if (!needle) return { kind: 'unknown', closest: closestSections(all, needle) };
  const byTitle = all.filter((s) => fold(s.title).includes(needle));
  if (byTitle.length === 1) return { kind: 'found', section: byTitle[0]! };
  if (byTitle.length > 1) {
    // A title equal to the query wins over titles that merely contain it.
    const equal = byTitle.filter((s) => fold(s.title) === needle);
    if (equal.length === 1) return { kind: 'found', section: equal[0]! };
    return { kind: 'ambiguous', matches: byTitle };
  }
  return { kind: 'unknown', closest: closestSections(all, needle) };
}

/** A section whose own text (not its subsections') holds the query, with the sentence where it does. */
export interface BodyMatch {
  section: Section;
  excerpt: string;
}

/**
 * Sections whose body text contains the query, case and accents ignored (« calcul » finds « Calcul »),
 * each with the first sentence holding it — for `pitch show TEXT` when no title matches. Pure.
 */
export function findInBody(sections: readonly Section[], query: string): BodyMatch[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const out: BodyMatch[] = [];
  for (const section of flattenSections(sections)) {
    for (const block of section.blocks) {
      const units = block.kind === 'paragraph' ? [block.text] : block.items.map((i) => i.text);
      const hit = units.flatMap((u) => splitSentences(u)).find((s) => fold(s).includes(needle));
      if (hit) {
        out.push({ section, excerpt: hit });
        break;
      }
    }
  }
  return out;
}

/** A number like « 2.5 » as [2, 5]; null for anything else. */
const numberParts = (text: string) => (/^\d+(\.\d+)*$/.test(text) ? text.split('.').map(Number) : null);

/**
 * For a section number that does not exist, the nearest existing numbers: same parent first, then
 * the nearest position (« 2.5 » → 2.4, 2.3, 2.2 — never « 1 » just because one character differs).
 */
function closestNumbers(all: Section[], wanted: number[]): Section[] {
  const distance = (s: Section) => {
    const parts = numberParts(s.number);
    if (!parts) return Number.POSITIVE_INFINITY;
    let shared = 0;
    while (shared < Math.min(parts.length, wanted.length) && parts[shared] === wanted[shared]) shared++;
    const gap = Math.abs((parts[shared] ?? 0) - (wanted[shared] ?? 0)) + Math.abs(parts.length - wanted.length);
    return (wanted.length - shared) * 1000 + gap;
  };
  return all
    .map((s) => ({ s, d: distance(s) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.s);
}

/** Up to 3 sections whose title (or one of its words) is nearest to the query (for "did you mean"). */
function closestSections(all: Section[], needle: string): Section[] {
  const wanted = numberParts(needle);
  if (wanted) return closestNumbers(all, wanted);
  return closestMatches(all, needle, (s) => {
    const title = fold(s.title);
    return [title, ...title.split(/[^a-z0-9]+/).filter(Boolean)];
  });
}

/** The section `pitch rehearse` uses by default: the first one whose heading gives a duration. */
export function defaultRehearsalSection(sections: readonly Section[]): Section | undefined {
  return flattenSections(sections).find((s) => s.targetSeconds !== null);
}
