import { describe, expect, it } from 'vitest';
import { findSection, defaultRehearsalSection, findInBody } from '../../../src/pitch/lookup.js';
import { bundledPitch } from '../../helpers/pitch.js';
import { parsePitch } from '../../../src/pitch/parse.js';
import { flattenSections } from '../../../src/pitch/model.js';

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
  it('finds a section by its id even when that id is another section’s number', () => {
    // The first heading is numbered 1 by position (title « Intro »); the second is hand-numbered 1 with a
    // title that slugs to nothing, so its id is « 1 » — the number of the first.
    const doc = parsePitch('# Intro\n\nbonjour\n\n# 1 :\n\nsuite', 'x.md');
    const [first, second] = flattenSections(doc.sections);
    expect(second!.id).toBe(first!.number);
    const r = findSection(doc.sections, second!.id);
    expect(r.kind === 'found' && r.section).toBe(second);
    const byNumber = findSection(doc.sections, '1.');
    expect(byNumber.kind === 'found' && byNumber.section).toBe(first);
  });
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
