import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/quiz/bank.js';
import { findTopic } from '../../../src/quiz/find-topic.js';
import { formatIssue } from '../../../src/ui/render/quiz-list.js';
import { translator } from '../../../src/i18n/index.js';
import { fixtureBank, makeQuestion, makeTopic } from './helpers.js';

const en = translator('en');

describe('the bank: packs merge by topic', () => {
  it('a second pack of the same topic adds its questions and aliases; the first names the topic', async () => {
    const bank = await fixtureBank('good', 'extra');
    expect(bank.issues).toEqual([]);
    expect(bank.topics).toHaveLength(1);
    const [demo] = bank.topics;
    expect(demo!.title).toBe('Démo Spark');
    expect(demo!.aliases).toEqual(['demo-spark', 'dm', 'demo2']);
    expect(demo!.questions.map((q) => q.id)).toEqual([
      'demo-mcq-lazy',
      'demo-mcq-actions',
      'demo-mcq-partitions',
      'demo-open-shuffle',
      'demo-flash-aqe',
      'demo-cloze-broadcast',
      'demo-extra-cache',
    ]);
    expect(bank.packs).toBe(2);
  });

  it('an alias that names another topic is refused, and the topic keeps its own name', async () => {
    const text = (topic: string, alias: string, id: string) =>
      `topic: ${topic}\ntitle: ${topic}\naliases: [${alias}]\nquestions:\n  - id: ${id}\n    kind: flash\n    difficulty: 1\n    prompt: p\n    modelAnswer: m\n`;
    const bank = await loadBank([
      { name: 'a.yaml', text: text('argo', 'wf', 'a1') },
      { name: 'b.yaml', text: text('argocd', 'argo', 'b1') },
      { name: 'c.yaml', text: text('kube', 'wf', 'c1') },
    ]);
    expect(bank.issues.map((i) => formatIssue(i, en))).toEqual([
      'b.yaml:1: the alias "argo" already names the topic "argo"',
      'c.yaml:1: the alias "wf" already names the topic "argo"',
    ]);
    expect(findTopic(bank.topics, 'argo')).toMatchObject({ kind: 'found', topic: { id: 'argo' } });
    expect(findTopic(bank.topics, 'wf')).toMatchObject({ kind: 'found', topic: { id: 'argo' } });
  });
});

describe('findTopic', () => {
  const topics = [
    makeTopic('spark', [makeQuestion()], { title: 'Apache Spark', aliases: ['pyspark'] }),
    makeTopic('spark-k8s', [makeQuestion()], { title: 'Spark sur Kubernetes' }),
    makeTopic('kubernetes', [makeQuestion()], { title: 'Kubernetes', aliases: ['k8s'] }),
    makeTopic('argo', [makeQuestion()], { title: 'Argo Workflows', aliases: ['argo-workflows'] }),
    makeTopic('argocd', [makeQuestion()], { title: 'Argo CD' }),
  ];

  it.each([
    ['spark', 'spark'],
    ['k8s', 'kubernetes'],
    ['argo-workflows', 'argo'],
    ['PySpark', 'pyspark → spark'],
    [' Kubernetes ', 'kubernetes'],
  ])('"%s" → %s', (name, expected) => {
    const found = findTopic(topics, name);
    expect(found.kind).toBe('found');
    expect(found.kind === 'found' && found.topic.id).toBe(expected.split(' → ').pop());
  });

  it('an unknown topic comes with the closest ones', () => {
    expect(findTopic(topics, 'sprak')).toEqual({ kind: 'unknown', closest: [topics[0]] });
    const argos = findTopic(topics, 'argocdd');
    expect(argos.kind === 'unknown' && argos.closest.map((t) => t.id)).toEqual(['argocd', 'argo']);
    expect(findTopic(topics, 'kube')).toMatchObject({ kind: 'unknown', closest: [{ id: 'kubernetes' }] });
    expect(findTopic(topics, 'oracle')).toEqual({ kind: 'unknown', closest: [] });
  });
});
