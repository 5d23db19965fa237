import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePitch } from '../../../src/pitch/parse.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { findSection } from '../../../src/pitch/lookup.js';
import { findDurationHint } from '../../../src/pitch/duration.js';
import { planRehearsal } from '../../../src/rehearsal/plan.js';

/** Markdown-ish documents: headings of random levels, paragraphs with bold, lists, noise. */
const markdown = fc
  .array(
    fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 6 }), fc.string()).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
      fc.string().map((t) => `**${t}** ${t}`),
      fc.array(fc.string(), { maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
      fc.string(),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join('\n\n'));

describe('pitch parser properties', () => {
  it('never throws, gives unique ids, and counts a section’s words as its blocks plus its children', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const pitch = parsePitch(md, 'x.md');
        const all = flattenSections(pitch.sections);
        expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
        for (const s of all) {
          expect(s.words).toBe(s.blocks.reduce((n, b) => n + b.words, 0) + s.children.reduce((n, c) => n + c.words, 0));
          expect(s.level).toBeGreaterThanOrEqual(1);
          expect(s.level).toBeLessThanOrEqual(4);
          for (const k of s.keyTerms) expect(k.term.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds every section back by its id (numbers may repeat in a hand-numbered document)', () => {
    fc.assert(
      fc.property(markdown, (md) => {
        const { sections } = parsePitch(md, 'x.md');
        for (const s of flattenSections(sections)) {
          const byId = findSection(sections, s.id);
          expect(byId.kind === 'found' && byId.section).toBe(s);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('plans any section with budgets summing to its target', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 10, max: 3600 }), (md, target) => {
        for (const s of flattenSections(parsePitch(md, 'x.md').sections)) {
          const plan = planRehearsal(s, target);
          expect(plan.splits.length).toBeGreaterThan(0);
          expect(Math.round(plan.splits.reduce((n, x) => n + x.budgetSeconds, 0) * 10)).toBe(target * 10);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads durations in any heading without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const v = findDurationHint(t);
        expect(v === null || v > 0).toBe(true);
      }),
    );
  });
});
