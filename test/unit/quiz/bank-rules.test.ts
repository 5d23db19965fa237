import { describe, expect, it } from 'vitest';
import { checkOpenQuestion } from '../../../src/quiz/bank-rules.js';
import { loadBank } from '../../../src/quiz/bank.js';
import { makeQuestion, sourcesIn, BUNDLED_DIR } from './helpers.js';

/**
 * The bank's rules for open questions (docs/grading.md), checked on every open question of the bundled
 * packs: run alone with `npm run check:bank-rules` when adding or editing questions.
 */

/** Questions whose key points are still being rewritten (#13); each one leaves this list when it passes. */
const PENDING = new Set<string>([
  'agile-po-open-1',
  'agile-review-retro-open-1',
  'argo-retry-design-open-1',
  'argo-steps-vs-dag-open-1',
  'argo-params-artifacts-open-1',
  'argo-workflow-template-open-1',
  'argo-cron-open-1',
  'argo-parallelism-open-1',
  'argo-cleanup-open-1',
  'argo-experience-open-1',
  'argocd-sync-policy-open-1',
  'argocd-waves-hooks-open-1',
  'argocd-app-of-apps-open-1',
  'argocd-helm-open-1',
  'argocd-multi-env-open-1',
  'argocd-experience-open-1',
  'bale4-sbm-open-1',
  'bale4-es-vs-var-open-1',
  'bale4-liquidity-horizon-open-1',
  'bale4-rfet-open-1',
  'bale4-output-floor-open-1',
  'bale4-data-chain-open-1',
  'bale4-bcbs239-open-1',
  'behavioral-intro-1',
  'behavioral-incident-1',
  'behavioral-sla-1',
  'behavioral-spark-optim-1',
  'behavioral-industrialisation-1',
  'behavioral-poc-1',
  'behavioral-disagreement-1',
  'behavioral-teamwork-1',
  'behavioral-learning-domain-1',
  'behavioral-weakness-1',
  'behavioral-mistake-1',
  'behavioral-pressure-1',
  'cicd-pipeline-design-open-1',
  'cicd-artifacts-cache-open-1',
  'cicd-secrets-open-1',
  'cicd-templates-open-1',
  'cicd-gitflow-open-1',
  'cicd-promotion-open-1',
  'kubernetes-rollout-open-1',
  'kubernetes-requests-limits-open-1',
  'kubernetes-jvm-memory-open-1',
  'kubernetes-cpu-throttling-open-1',
  'kubernetes-probes-open-1',
  'kubernetes-rbac-open-1',
  'observability-pillars-open-1',
  'observability-error-budget-open-1',
  'observability-batch-alerting-open-1',
  'platform-trino-architecture-open-1',
  'platform-trino-federation-open-1',
  'platform-jupyter-reproducibility-open-1',
  'spark-k8s-submit-vs-operator-1',
  'spark-k8s-resources-1',
  'spark-k8s-oomkilled-2',
  'spark-k8s-dynamic-allocation-2',
  'spark-lazy-evaluation-2',
  'spark-narrow-wide-2',
  'spark-shuffle-1',
  'spark-repartition-coalesce-2',
  'spark-broadcast-join-2',
  'spark-aqe-2',
  'spark-skew-1',
  'spark-unified-memory-3',
  'spark-oom-diagnosis-1',
  'spark-executor-sizing-1',
  'spark-production-tuning-1',
  'spark-catalyst-tungsten-1',
  'spark-pandas-udf-1',
  'spark-jdbc-write-2',
  'spark-ui-1',
]);

const bank = await loadBank(sourcesIn(BUNDLED_DIR));
const open = bank.topics.flatMap((topic) =>
  topic.questions.filter((q) => q.kind === 'open').map((q) => ({ q, topic })),
);

describe('every open question of the bank follows the grading rules', () => {
  it.each(open.filter(({ q }) => !PENDING.has(q.id)).map(({ q, topic }) => [q.id, q, topic] as const))(
    '%s',
    (_id, q, topic) => {
      expect(checkOpenQuestion(q, topic.synonyms)).toEqual([]);
    },
  );

  it('the list of questions still being rewritten only holds questions that still break a rule', () => {
    const fixed = open.filter(({ q, topic }) => PENDING.has(q.id) && checkOpenQuestion(q, topic.synonyms).length === 0);
    expect(fixed.map(({ q }) => q.id)).toEqual([]);
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
