import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateBudgets, planRehearsal } from '../../../src/rehearsal/plan.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { bundledPitch } from '../../helpers/pitch.js';

const sections = flattenSections(bundledPitch().sections);
const section = (n: string) => sections.find((s) => s.number === n)!;

describe('rehearsal plan', () => {
  it('splits the short pitch into intro, mission, sub-projects, what I did, summary', () => {
    const plan = planRehearsal(section('1'), 120);
    expect(plan.splits.map((s) => s.title)).toEqual([
      'Bonjour, je m’appelle Ibrahim. Aujourd’hui…',
      'Ma mission actuelle est chez…',
      'Dans Bâle IV, il y…',
      'Concrètement, j’ai : Implémenté et optimisé…',
      'En résumé, j’étais au croisement…',
    ]);
    expect(plan.splits[3]!.units.filter((u) => u.item)).toHaveLength(5);
  });

  it('splits a section with subsections by subsection', () => {
    expect(planRehearsal(section('2'), 180).splits.map((s) => s.title)).toEqual([
      '2.1 Contexte & enjeux',
      '2.2 Rôle et responsabilités',
      '2.3 Actions clés',
      '2.4 Environnement technique',
    ]);
  });

  it('gives budgets proportional to words that add up exactly to the target', () => {
    const plan = planRehearsal(section('1'), 120);
    const total = plan.splits.reduce((n, s) => n + s.budgetSeconds * 10, 0);
    expect(total).toBe(1200);
    const [a, b] = [plan.splits[0]!, plan.splits[3]!];
    expect(a.budgetSeconds / b.budgetSeconds).toBeCloseTo(a.words / b.words, 1);
  });

  it('keeps split keys stable across targets', () => {
    expect(planRehearsal(section('1'), 90).splits.map((s) => s.key)).toEqual(
      planRehearsal(section('1'), 120).splits.map((s) => s.key),
    );
  });

  it('allocates to the tenth with largest remainders', () => {
    expect(allocateBudgets([1, 1, 1], 10)).toEqual([3.4, 3.3, 3.3]);
    expect(allocateBudgets([0, 0], 1)).toEqual([0.5, 0.5]);
    expect(allocateBudgets([], 5)).toEqual([]);
  });

  it('always sums to the target and never goes negative (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 14_400 }),
        (weights, tenths) => {
          const target = tenths / 10;
          const budgets = allocateBudgets(weights, target);
          expect(budgets).toHaveLength(weights.length);
          expect(Math.round(budgets.reduce((a, b) => a + b, 0) * 10)).toBe(tenths);
          budgets.forEach((b) => expect(b).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});
