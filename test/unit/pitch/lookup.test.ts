import { describe, expect, it } from 'vitest';
import { findSection, defaultRehearsalSection, findInBody } from '../../../src/pitch/lookup.js';
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

describe('when no title matches', () => {
  const { sections } = bundledPitch();

  it('an unknown number suggests the nearest existing numbers, same parent first', () => {
    const r = findSection(sections, '2.5');
    expect(r.kind === 'unknown' && r.closest.map((s) => s.number)).toEqual(['2.4', '2.3', '2.2']);
    const deep = findSection(sections, '2.3.9');
    expect(deep.kind === 'unknown' && deep.closest.map((s) => s.number)).toEqual(['2.3.6', '2.3.5', '2.3.4']);
  });

  it('the body text is searched, case and accents ignored, with the sentence that holds it', () => {
    const hits = findInBody(sections, 'CALCUL');
    expect(hits.map((h) => h.section.number)).toEqual(expect.arrayContaining(['1', '2.1']));
    for (const h of hits) expect(h.excerpt.toLowerCase()).toContain('calcul');
    expect(findInBody(sections, 'kibana').map((h) => h.section.number)).toContain('2.3.4');
    expect(findInBody(sections, 'zorglub')).toEqual([]);
  });
});
