import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/i18n/index.js';
import { gradeFlash } from '../../../src/quiz/grade.js';
import { renderGrade } from '../../../src/ui/render/quiz.js';
import { makeQuestion } from '../quiz/helpers.js';

const plain = new Chalk({ level: 0 });
const screen = (over: Parameters<typeof makeQuestion>[0], lang: 'fr' | 'en' = 'fr') =>
  renderGrade({ question: makeQuestion(over) }, gradeFlash(), 80, translator(lang), plain);

describe('the grade screen: where an answer comes from', () => {
  it('says when the question was last checked, and against what, under its source', () => {
    const text = screen({
      source: 'https://argo-workflows.readthedocs.io/en/latest/retries/',
      checked: '2026-11 Argo Workflows 3.7',
    });
    const lines = text.split('\n');
    const source = lines.findIndex((l) => l.startsWith('Source : https://argo-workflows'));
    expect(source).toBeGreaterThanOrEqual(0);
    expect(lines[source + 1]).toBe('Dernière vérification : 2026-11, sur Argo Workflows 3.7');
  });

  it('gives the month alone when the pack names nothing it was checked against, in English too', () => {
    expect(screen({ checked: '2026-10' }, 'en').split('\n')).toContain('Last checked: 2026-10');
    expect(screen({ checked: '2026-10' }, 'en')).not.toContain('against');
    expect(screen({ checked: '2025-03 Kubernetes 1.31' }, 'en')).toContain(
      'Last checked: 2025-03, against Kubernetes 1.31',
    );
  });

  it('says nothing of a check a question does not have', () => {
    expect(screen({ source: 'https://spark.apache.org/docs/latest/' })).not.toContain('vérification');
  });
});
