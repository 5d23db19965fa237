import { describe, expect, it } from 'vitest';
import { findSection, defaultRehearsalSection } from '../../../src/pitch/lookup.js';
import { bundledPitch } from '../../helpers/pitch.js';

describe('findSection', () => {
  const { sections } = bundledPitch();
  const found = (q: string) => {
    const r = findSection(sections, q);
    return r.kind === 'found' ? r.section.number : r.kind;
  };

  it('finds by number, with or without a trailing dot', () => {
    expect(found('2.3')).toBe('2.3');
    expect(found('1.')).toBe('1');
  });
  it('finds by id', () => expect(found('2-3-actions-cles')).toBe('2.3'));
  it('finds by a unique part of the title, ignoring case and accents', () => {
    expect(found('environnement')).toBe('2.4');
    expect(found('ROLE')).toBe('2.2');
    expect(found('détaillée')).toBe('2');
  });
  it('reports ambiguous parts with every match', () => {
    const r = findSection(sections, 'spark');
    expect(r.kind).toBe('found'); // only "Jobs Spark sur Kubernetes"
    const amb = findSection(sections, 'version');
    expect(amb.kind === 'ambiguous' || amb.kind === 'found').toBe(true);
    const two = findSection(sections, 'o');
    expect(two.kind).toBe('ambiguous');
    expect(two.kind === 'ambiguous' && two.matches.length).toBeGreaterThan(2);
  });
  it('suggests close titles for a typo', () => {
    const r = findSection(sections, 'environement');
    expect(r.kind).toBe('unknown');
    expect(r.kind === 'unknown' && r.closest[0]!.number).toBe('2.4');
  });
  it('picks the first section with a duration as the default rehearsal', () => {
    expect(defaultRehearsalSection(sections)!.id).toBe('1-pitch-court');
  });
});
