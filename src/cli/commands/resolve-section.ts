import type { Pitch, Section } from '../../pitch/model.js';
import { findSection } from '../../pitch/lookup.js';
import { usageError } from '../../core/errors.js';
import type { Translate } from '../../i18n/index.js';

/** SECTION argument → section, or a usage error listing the closest or competing sections (quoted the UI's way). */
export function resolveSection(pitch: Pitch, query: string, t: Translate): Section {
  const result = findSection(pitch.sections, query);
  if (result.kind === 'found') return result.section;
  const list = (sections: Section[]) =>
    sections.map((s) => t('section.item', { number: s.number || s.id, title: s.title })).join(', ');
  if (result.kind === 'ambiguous')
    throw usageError('section.ambiguous', { query }, 'section.ambiguousHint', { list: list(result.matches) });
  if (result.closest.length)
    throw usageError('section.unknown', { query }, 'section.unknownHint', { list: list(result.closest) });
  throw usageError('section.unknown', { query }, 'section.unknownNoClose');
}
