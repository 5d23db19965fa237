import type { Pitch, Section } from '../../pitch/model.js';
import { findSection } from '../../pitch/lookup.js';
import { usageError } from '../../core/errors.js';

/** SECTION argument → section, or a usage error listing the closest or competing sections. */
export function resolveSection(pitch: Pitch, query: string): Section {
  const result = findSection(pitch.sections, query);
  if (result.kind === 'found') return result.section;
  const list = (sections: Section[]) => sections.map((s) => `${s.number || s.id} « ${s.title} »`).join(', ');
  if (result.kind === 'ambiguous')
    throw usageError('section.ambiguous', { query }, 'section.ambiguousHint', { list: list(result.matches) });
  if (result.closest.length)
    throw usageError('section.unknown', { query }, 'section.unknownHint', { list: list(result.closest) });
  throw usageError('section.unknown', { query }, 'section.unknownNoClose');
}
