import type { Section } from './model.js';
import { DEFAULT_WPM } from './words.js';

/**
 * The duration a section's headings give it: its own ("(2 min)"), else the sum of its parts when every
 * subsection has one (its own opening text, if any, at the estimated speaking pace). Null when unknown.
 */
export function sectionDuration(section: Section): number | null {
  if (section.targetSeconds !== null) return section.targetSeconds;
  if (!section.children.length) return null;
  const parts = section.children.map(sectionDuration);
  if (parts.some((d) => d === null)) return null;
  const own = section.blocks.reduce((n, b) => n + b.words, 0);
  return Math.round(parts.reduce<number>((n, d) => n + d!, 0) + (own * 60) / DEFAULT_WPM);
}
