import type { Section } from './model.js';
import { flattenSections } from './model.js';
import { fold } from './text.js';
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

/** Up to 3 sections whose title (or one of its words) is nearest to the query (for "did you mean"). */
function closestSections(all: Section[], needle: string): Section[] {
  return closestMatches(all, needle, (s) => {
    const title = fold(s.title);
    return [title, ...title.split(/[^a-z0-9]+/).filter(Boolean)];
  });
}

/** The section `pitch rehearse` uses by default: the first one whose heading gives a duration. */
export function defaultRehearsalSection(sections: readonly Section[]): Section | undefined {
  return flattenSections(sections).find((s) => s.targetSeconds !== null);
}
