import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/quiz/bank.js';
import { figures, GOALS, gradeCorpus, HELDOUT_FILE, readCorpus } from '../../helpers/grading-corpus.js';
import { BUNDLED_DIR, sourcesIn } from './helpers.js';

/**
 * The grader against the labelled corpus (test/fixtures/grading/corpus.jsonl and the held-out set,
 * heldout.jsonl): the goals of issue #13, on all of it.
 * `npm run bench:grading` prints the same figures by kind and by topic.
 */
const bank = await loadBank(sourcesIn(BUNDLED_DIR));
const corpus = [...readCorpus(), ...readCorpus(HELDOUT_FILE)];
const f = figures(gradeCorpus(corpus, bank.topics));

describe('the grading corpus', () => {
  it('holds at least 300 answers over every topic that has open questions, of the four kinds', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const topics = new Set(bank.topics.filter((t) => t.questions.some((q) => q.kind === 'open')).map((t) => t.id));
    const covered = new Set(corpus.map((e) => e.topic));
    expect([...topics].filter((t) => !covered.has(t))).toEqual([]);
    expect(new Set(corpus.map((e) => e.kind))).toEqual(new Set(['good', 'partial', 'wrong', 'evasive']));
  });

  it.each([
    ['precision of "key point covered"', () => f.precision, GOALS.precision, 'atLeast'],
    ['recall of "key point covered"', () => f.recall, GOALS.recall, 'atLeast'],
    [
      'wrong answers with the right words given ≥ half the points',
      () => f.wrongCredited,
      GOALS.wrongCredited,
      'atMost',
    ],
    ['evasive answers given ≥ half the points', () => f.evasiveCredited, GOALS.evasiveCredited, 'atMost'],
    ['good answers given < half the points', () => f.goodBlamed, GOALS.goodBlamed, 'atMost'],
    ['suggested rating in the labelled band', () => f.ratingAgreement, GOALS.ratingAgreement, 'atLeast'],
  ] as const)('%s meets the goal', (_name, value, goal, way) => {
    if (way === 'atLeast') expect(value()).toBeGreaterThanOrEqual(goal);
    else expect(value()).toBeLessThanOrEqual(goal);
  });
});
