import type { Section } from './model.js';
import { flattenSections } from './model.js';
import { editDistance, fold } from './text.js';

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
  const q = query.trim().replace(/\.$/, '');
  const exact = all.find((s) => (s.number !== '' && s.number === q) || s.id === q);
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

/** Up to 3 sections whose title words are nearest to the query (for "did you mean"). */
function closestSections(all: Section[], needle: string): Section[] {
  const score = (s: Section) => {
    const words = fold(s.title)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const best = Math.min(...words.map((w) => editDistance(w, needle, 8)), editDistance(fold(s.title), needle, 8));
    return best;
  };
  return all
    .map((s) => ({ s, d: score(s) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(needle.length / 2)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.s);
}

/** The section `pitch rehearse` uses by default: the first one whose heading gives a duration. */
export function defaultRehearsalSection(sections: readonly Section[]): Section | undefined {
  return flattenSections(sections).find((s) => s.targetSeconds !== null);
}
