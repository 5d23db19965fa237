import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cueLines, initials } from '../../../src/rehearsal/cues.js';
import { planRehearsal } from '../../../src/rehearsal/plan.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { countWords } from '../../../src/pitch/words.js';
import { bundledPitch } from '../../helpers/pitch.js';

const s1 = flattenSections(bundledPitch().sections).find((s) => s.number === '1')!;
const plan = planRehearsal(s1, 120);

describe('cue prompts', () => {
  it('initials keep punctuation: the first-letter technique', () => {
    expect(initials('Bonjour, je m’appelle Ibrahim.')).toBe('B, j m I.');
    expect(initials('full‑stack Java / Angular')).toBe('f J / A');
  });

  it('full shows the text of the split', () => {
    expect(cueLines(plan.splits[0]!.units, 'full')).toEqual([
      'Bonjour, je m’appelle Ibrahim.',
      expect.stringMatching(/^Aujourd’hui je suis DataOps/),
    ]);
  });

  it('cues show the first words and the bold key terms of each paragraph and bullet', () => {
    const lines = cueLines(plan.splits[3]!.units, 'cues');
    expect(lines[0]).toBe('Concrètement, j’ai :');
    expect(lines[1]).toBe('• Implémenté et optimisé… · Spark · Kubernetes');
    expect(lines[3]).toBe('• Assuré le support… · N2/N3 · Dynatrace · Grafana · Kibana');
  });

  it('initials on a bullet list keep the bullets', () => {
    expect(cueLines(plan.splits[3]!.units, 'initials')[1]).toMatch(/^• I e o d j S s K \(t, p, c\)/);
  });

  it('none shows nothing but the split title (rendered elsewhere)', () => {
    expect(cueLines(plan.splits[0]!.units, 'none')).toEqual([]);
  });

  it('a cue never reveals more words than its text has (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(countWords(initials(text))).toBeLessThanOrEqual(countWords(text));
        const [cue] = cueLines([{ inlines: [{ text }], text, item: false }], 'cues');
        expect(countWords(cue ?? '')).toBeLessThanOrEqual(countWords(text));
      }),
    );
  });
});
