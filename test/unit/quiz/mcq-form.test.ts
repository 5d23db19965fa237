import { describe, expect, it } from 'vitest';
import { findLengthBias, measureLengthBias } from '../../../src/quiz/mcq-form.js';
import { renderCheck, checkJson } from '../../../src/ui/render/quiz-list.js';
import { translator } from '../../../src/i18n/index.js';
import { Chalk } from 'chalk';
import { makeQuestion } from './helpers.js';

const mcq = (right: string, wrong: string[], origin = 'p.yaml:1', answers = [right]) =>
  makeQuestion({ kind: 'mcq', options: [right, ...wrong], answers, origin });

describe('the length of the right option as a tell', () => {
  it('counts single-answer MCQs whose right option is the longest or the shortest, ties included', () => {
    const bias = measureLengthBias([
      mcq('a long right answer', ['short', 'tiny']), // longest
      mcq('x', ['longer one', 'another']), // shortest
      mcq('same', ['size', 'long distractor']), // shortest (tie with "size")
      mcq('middle one', ['a', 'the longest option']), // neither
      mcq('é'.repeat(5), ['e'.repeat(5)]), // both: a tie of two, counted by characters
      mcq('a', ['b', 'c'], 'p.yaml:1', ['a', 'b']), // two right answers: not measured
      makeQuestion({ kind: 'open' }),
    ]);
    expect(bias).toEqual({ measured: 5, longest: 2, shortest: 3 });
  });

  it('warns about a pack, by file, once it has enough MCQs and one end holds more than half of them', () => {
    const longFile = Array.from({ length: 6 }, (_, i) =>
      mcq(`the right answer number ${i}`, ['no', 'nope'], `long.yaml:${i}`),
    );
    const fairFile = Array.from({ length: 6 }, (_, i) =>
      mcq(
        'medium answer',
        i % 2 ? ['a much longer distractor', 'x'] : ['short', 'a much longer distractor'],
        `fair.yaml:${i}`,
      ),
    );
    const smallFile = Array.from({ length: 5 }, (_, i) => mcq('the right answer', ['no'], `small.yaml:${i}`));
    const shortFile = Array.from({ length: 6 }, (_, i) =>
      mcq('ok', ['a longer one', 'another long one'], `short.yaml:${i}`),
    );
    expect(findLengthBias([...longFile, ...fairFile, ...smallFile, ...shortFile])).toEqual([
      { file: 'long.yaml', side: 'longest', count: 6, measured: 6 },
      { file: 'short.yaml', side: 'shortest', count: 6, measured: 6 },
    ]);
  });

  it('`pitch quiz --check` shows the warning after the verdict, in both languages and in JSON', () => {
    const report = {
      packs: 1,
      topics: 1,
      questions: 6,
      issues: [],
      warnings: [{ file: 'long.yaml', side: 'longest' as const, count: 5, measured: 6 }],
    };
    const chalk = new Chalk({ level: 0 });
    expect(renderCheck(report, translator('en'), chalk).split('\n')).toEqual([
      '✔ No problems: 1 pack, 1 topic, 6 questions.',
      '⚠ long.yaml: in 5 of 6 single-answer MCQs the right option is the longest; it can be guessed without knowing anything. Make the distractors real misconceptions of similar length, or trim the right option.',
    ]);
    expect(renderCheck(report, translator('fr'), chalk)).toContain(
      'long.yaml : dans 5 QCM sur 6 à une seule réponse, la bonne option est la plus longue',
    );
    expect(checkJson(report, translator('en')).warnings).toEqual([
      { file: 'long.yaml', message: expect.stringContaining('in 5 of 6 single-answer MCQs') },
    ]);
  });
});
