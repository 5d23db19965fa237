import { describe, expect, it } from 'vitest';
import { checkOpenQuestion } from '../../../src/quiz/bank-rules.js';
import { loadBank } from '../../../src/quiz/bank.js';
import { makeQuestion, sourcesIn, BUNDLED_DIR } from './helpers.js';

/**
 * The bank's rules for open questions (docs/grading.md), checked on every open question of the bundled
 * packs: run alone with `npm run check:bank-rules` when adding or editing questions.
 */

const bank = await loadBank(sourcesIn(BUNDLED_DIR));
const open = bank.topics.flatMap((topic) =>
  topic.questions.filter((q) => q.kind === 'open').map((q) => ({ q, topic })),
);

describe('every open question of the bank follows the grading rules', () => {
  it.each(open.map(({ q, topic }) => [q.id, q, topic] as const))('%s', (_id, q, topic) => {
    expect(checkOpenQuestion(q, topic.synonyms)).toEqual([]);
  });
});

describe('the rules themselves', () => {
  const question = makeQuestion({
    kind: 'open',
    prompt: 'Pourquoi groupByKey est-il plus lent que reduceByKey ?',
    keyPoints: [
      { point: 'reduceByKey combine côté map', accept: ['combine localement', 'reduceByKey'] },
      { point: 'groupByKey envoie tout', accept: ['envoie toutes les valeurs', 'fait'] },
    ],
    modelAnswer: 'reduceByKey combine localement avant le shuffle.',
  });

  it('names a phrasing made only of prompt words, one made of a lone generic word, a point the model answer misses', () => {
    expect(checkOpenQuestion(question)).toEqual([
      { questionId: question.id, rule: 'echo-phrase', detail: 'reduceByKey combine côté map → "reduceByKey"' },
      { questionId: question.id, rule: 'generic-phrase', detail: 'groupByKey envoie tout → "fait"' },
      { questionId: question.id, rule: 'model-misses', detail: 'groupByKey envoie tout' },
    ]);
  });

  it('a phrasing the prompt already says is dropped, so the model answer cannot score with it either', () => {
    const q = makeQuestion({
      kind: 'open',
      prompt: 'Le shuffle écrit sur disque : pourquoi est-ce cher ?',
      keyPoints: [{ point: 'Écriture disque', accept: ['écriture sur disque'] }],
      modelAnswer: 'Il écrit sur disque puis relit, donc cher.',
    });
    expect(checkOpenQuestion(q).map((i) => i.rule)).toEqual(['echo-phrase', 'model-misses']);
  });
});
