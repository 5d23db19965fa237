import { describe, expect, it } from 'vitest';
import { parsePitch } from '../../../src/pitch/parse.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { bundledPitch } from '../../helpers/pitch.js';

describe('the bundled pitch as a section tree', () => {
  const pitch = bundledPitch();
  const all = flattenSections(pitch.sections);
  const byNumber = (n: string) => all.find((s) => s.number === n)!;

  it('treats the lone level-1 heading as the title and numbers its children 1, 2, 2.1…', () => {
    expect(pitch.sections).toHaveLength(1);
    expect(pitch.sections[0]!.number).toBe('');
    expect(all.map((s) => s.number)).toEqual([
      '',
      '1',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '2.3.1',
      '2.3.2',
      '2.3.3',
      '2.3.4',
      '2.3.5',
      '2.3.6',
      '2.4',
    ]);
  });

  it('gives stable ids from number + title without the duration hint', () => {
    expect(byNumber('1').id).toBe('1-pitch-court');
    expect(byNumber('2.1').id).toBe('2-1-contexte-enjeux');
    expect(byNumber('2.3.4').id).toBe('2-3-4-support-n2-n3-observabilite');
  });

  it('keeps titles, levels and the 2-minute target of section 1', () => {
    const s1 = byNumber('1');
    expect(s1.title).toBe('Pitch court (≈ 2 min)');
    expect(s1.level).toBe(2);
    expect(s1.targetSeconds).toBe(120);
    expect(byNumber('2').targetSeconds).toBeNull();
    expect(byNumber('2.3.1').level).toBe(4);
  });

  it('keeps the blocks of the short pitch in order: six paragraphs and one list of five items', () => {
    const kinds = byNumber('1').blocks.map((b) => b.kind);
    expect(kinds).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'list', 'paragraph']);
    const list = byNumber('1').blocks[5]!;
    expect(list.kind === 'list' && list.items.length).toBe(5);
    const first = byNumber('1').blocks[0]!;
    expect(first.kind === 'paragraph' && first.inlines).toEqual([
      { text: 'Bonjour, je m’appelle ' },
      { text: 'Ibrahim', bold: true },
      { text: '.' },
    ]);
  });

  it('extracts key terms from bold spans, with their sentence', () => {
    const terms = byNumber('1').keyTerms.map((k) => k.term);
    expect(terms).toEqual(
      expect.arrayContaining(['Crédit Agricole CIB', 'Bâle IV', 'Argo Workflows', 'Dynatrace', 'Grafana', 'Kibana']),
    );
    expect(terms.indexOf('Crédit Agricole CIB')).toBeLessThan(terms.indexOf('Argo Workflows'));
    const bale = byNumber('1').keyTerms.find((k) => k.term === 'Bâle IV')!;
    expect(bale.phrase).toBe('projet Bâle IV');
    expect(bale.sentence.startsWith('Ma mission actuelle est chez Crédit Agricole CIB')).toBe(true);
  });

  it('nests list items and counts words of a section with its children', () => {
    const jupyter = byNumber('2.3.5').blocks[0]!;
    expect(jupyter.kind === 'list' && jupyter.items.map((i) => i.depth)).toEqual([0, 1, 1, 1]);
    const s2 = byNumber('2');
    expect(s2.words).toBe(s2.children.reduce((n, c) => n + c.words, 0));
  });
});

describe('parsePitch on other documents', () => {
  it('numbers several level-1 headings from 1 and keeps explicit numbers', () => {
    const p = parsePitch('# Intro\ntext\n# 5. Fin\n## Sous\nmore', 'x.md');
    expect(flattenSections(p.sections).map((s) => `${s.number}:${s.id}`)).toEqual([
      '1:1-intro',
      '5:5-fin',
      '5.1:5-1-sous',
    ]);
  });

  it('makes duplicate ids unique and ignores text before the first heading', () => {
    const p = parsePitch('preamble\n\n## A\n\n## A\n', 'x.md');
    expect(p.sections.map((s) => s.id)).toEqual(['1-a', '2-a']);
    expect(p.sections[0]!.blocks).toEqual([]);
  });

  it('returns no sections for Markdown without headings', () => {
    expect(parsePitch('just text\n\n- a list', 'x.md').sections).toEqual([]);
  });

  it('reads the hint forms in headings', () => {
    const p = parsePitch('## A (~90 s)\n## B — 1 min 30\n## C 2 minutes\n## D (1m30)\n## E', 'x.md');
    expect(p.sections.map((s) => s.targetSeconds)).toEqual([90, 90, 120, 90, null]);
  });
});
