import { describe, expect, it } from 'vitest';
import { parsePitch } from '../../../src/pitch/parse.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { planRehearsal, splitBudgets } from '../../../src/rehearsal/plan.js';
import { sectionDuration } from '../../../src/pitch/targets.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(' ');

const markdown = `# Mon pitch

## Présentation

${words(10)}

### Parcours (1 min)

${words(140)}

### Projet (45 s)

${words(100)}

### Motivation (15 s)

${words(35)}

## Sans durée

### A (30 s)

${words(40)}

### B

${words(70)}

### C

${words(35)}
`;

const sections = flattenSections(parsePitch(markdown, 'x.md').sections);
const find = (title: string) => sections.find((s) => s.title === title)!;

describe('budgets from sub-headings', () => {
  it('gives a parent without its own duration the sum of its parts', () => {
    // 60 + 45 + 15 s of subsections, and 10 words of opening text at 140 words a minute (4.3 s).
    expect(sectionDuration(find('Présentation'))).toBe(124);
    expect(sectionDuration(find('Parcours (1 min)'))).toBe(60);
    // One subsection without a duration: the parent's is unknown.
    expect(sectionDuration(find('Sans durée'))).toBeNull();
  });

  it('keeps each subsection’s written duration as its budget', () => {
    const plan = planRehearsal(find('Présentation'), 124);
    expect(plan.splits.map((s) => s.budgetSeconds)).toEqual([4, 60, 45, 15]);
  });

  it('shares what is left among the subsections without one, by their words', () => {
    // 120 s: A keeps 30 s; B (70 words) and C (35 words) share 90 s two to one.
    const plan = planRehearsal(find('Sans durée'), 120);
    expect(plan.splits.map((s) => s.budgetSeconds)).toEqual([30, 60, 30]);
  });

  it('scales every budget together when the written durations cannot fit the target', () => {
    // Target 62 s for 60 + 45 + 15 s (+ the opening text): every budget shrinks by the same ratio.
    const budgets = planRehearsal(find('Présentation'), 62).splits.map((s) => s.budgetSeconds);
    expect(Math.round(budgets.reduce((a, b) => a + b, 0) * 10)).toBe(620);
    expect(budgets[1]! / budgets[2]!).toBeCloseTo(60 / 45, 1);
    expect(budgets[1]! / budgets[3]!).toBeCloseTo(60 / 15, 1);
  });

  it('stays proportional to words when no heading gives a duration', () => {
    expect(
      splitBudgets(
        [
          { words: 10, duration: null },
          { words: 30, duration: null },
        ],
        40,
      ),
    ).toEqual([10, 30]);
  });

  it('always adds up exactly to the target', () => {
    for (const target of [30, 61.7, 124, 200, 600]) {
      for (const title of ['Présentation', 'Sans durée']) {
        const total = planRehearsal(find(title), target).splits.reduce(
          (n, s) => n + Math.round(s.budgetSeconds * 10),
          0,
        );
        expect(total).toBe(Math.round(target * 10));
      }
    }
  });
});
