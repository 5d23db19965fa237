import { describe, expect, it } from 'vitest';
import { parsePack, validatePack } from '../../../src/quiz/pack.js';
import { loadBank } from '../../../src/quiz/bank.js';
import { formatIssue } from '../../../src/ui/render/quiz-list.js';
import { translator } from '../../../src/i18n/index.js';
import type { PackIssue } from '../../../src/quiz/types.js';
import { fixtureBank } from './helpers.js';

const en = translator('en');
const fr = translator('fr');

async function check(text: string, name = 'p.yaml') {
  return validatePack(await parsePack({ name, text }));
}

/** A pack around one question given as YAML lines (indented under "questions:"). */
const pack = (...questionLines: string[]) => ['topic: t', 'title: T', 'questions:', ...questionLines].join('\n') + '\n';
const lines = (issues: PackIssue[]) => issues.map((i) => formatIssue(i, en));

describe('pack validation: every error names its file, line and question', () => {
  it('the broken fixture: each mistake reported once, at its own line, the valid question kept', async () => {
    const bank = await fixtureBank('broken');
    expect(lines(bank.issues)).toEqual([
      'broken/argo.yaml:11: question "argo-retry-1": "answer" must be one of the options',
      'broken/argo.yaml:16: question "argo-open-1": "difficulty" must be 1, 2 or 3 (found "4")',
      'broken/argo.yaml:18: question "argo-open-1": "keyPoints" must hold 1 to 5 points (found 0)',
      'broken/argo.yaml:24: question "argo-cloze-1": the "prompt" of a cloze question must hold exactly one "___" blank (found 0)',
      'broken/argo.yaml:26: question "argo-cloze-1": unknown key "sourse" (did you mean "source"?)',
      'broken/argo.yaml:28: question "argo-retry-1": the id "argo-retry-1" is already taken (broken/argo.yaml:4)',
      'broken/argo.yaml:33: question "argo-retry-1": "options" does not belong in a flash question (only in: mcq)',
      'broken/argo.yaml:34: question "argo-retry-1": "source" must be an http(s) URL (found "not-a-url")',
      expect.stringMatching(/^broken\/syntax\.yaml:\d+: invalid YAML: /),
    ]);
    expect(bank.topics.map((t) => [t.id, t.questions.map((q) => q.id)])).toEqual([['argo-fixture', ['argo-fine-1']]]);
  });

  it('speaks French too, with French punctuation', async () => {
    const bank = await fixtureBank('broken');
    expect(formatIssue(bank.issues[0]!, fr)).toBe(
      'broken/argo.yaml:11 : question « argo-retry-1 » : « answer » doit être l’une des options',
    );
  });

  it('the good fixture loads every kind as written', async () => {
    const bank = await fixtureBank('good');
    expect(bank.issues).toEqual([]);
    const [demo] = bank.topics;
    expect(demo).toMatchObject({ id: 'demo', title: 'Démo Spark', aliases: ['demo-spark', 'dm'] });
    expect(demo!.synonyms).toEqual([
      ['exécuteur', 'executor'],
      ['ramasse-miettes', 'gc', 'garbage collector'],
    ]);
    const byId = new Map(demo!.questions.map((q) => [q.id, q]));
    expect(byId.get('demo-mcq-lazy')).toMatchObject({
      kind: 'mcq',
      difficulty: 1,
      subject: 'lazy',
      answers: ["Lorsqu'une action (count, collect, write…) est déclenchée"],
      explanation: 'Les transformations construisent un plan logique ; seule une action déclenche un job.',
      origin: 'good/demo.yaml:9',
    });
    expect(byId.get('demo-mcq-actions')!.answers).toEqual(['count', 'collect']);
    // Bare numbers in YAML are numbers: options and answers still compare as text.
    expect(byId.get('demo-mcq-partitions')).toMatchObject({ options: ['200', '100', '64'], answers: ['200'] });
    expect(byId.get('demo-open-shuffle')!.keyPoints).toHaveLength(3);
    expect(byId.get('demo-open-shuffle')!.misconceptions![0]!.note).toBe(
      'coalesce réduit les partitions sans shuffle complet',
    );
    expect(byId.get('demo-open-shuffle')!.modelAnswer).toBe(
      'Un shuffle redistribue les lignes entre partitions selon une clé.\nLes exécuteurs écrivent sur disque puis lisent par le réseau.',
    );
    expect(byId.get('demo-cloze-broadcast')!.answers).toEqual([
      'autoBroadcastJoinThreshold',
      'auto broadcast join threshold',
    ]);
  });

  it.each([
    ['a missing topic', 'title: T\nquestions:\n  - id: a\n', 'p.yaml:1: "topic" is required'],
    [
      'a topic id with capitals',
      'topic: Spark\ntitle: T\nquestions: []\n',
      'p.yaml:1: "topic": "Spark" must be lowercase letters, digits and dashes (e.g. spark-k8s)',
    ],
    [
      'the reserved pitch topic',
      'topic: pitch\ntitle: T\nquestions:\n  - id: a\n',
      'p.yaml:1: the topic "pitch" is reserved for your own pitch',
    ],
    ['an empty question list', 'topic: t\ntitle: T\nquestions: []\n', 'p.yaml:3: "questions" must be a non-empty list'],
    [
      'a mistyped pack key',
      'topic: t\ntitle: T\nsynonymes: []\nquestions:\n  - id: a\n    kind: flash\n    difficulty: 1\n    prompt: p\n    modelAnswer: m\n',
      'p.yaml:3: unknown key "synonymes" (did you mean "synonyms"?)',
    ],
    [
      'a synonym group of one word',
      'topic: t\ntitle: T\nsynonyms:\n  - [seul]\nquestions:\n  - id: a\n    kind: flash\n    difficulty: 1\n    prompt: p\n    modelAnswer: m\n',
      'p.yaml:4: synonym group #1 must be a list of at least two words',
    ],
    [
      'a YAML mapping that is not a pack',
      '- a\n- b\n',
      'p.yaml:1: a pack is a YAML mapping with "topic", "title" and "questions"',
    ],
  ])('pack level: %s', async (_what, text, expected) => {
    expect(lines((await check(text)).issues)).toContain(expected);
  });

  it.each([
    [
      'a missing kind',
      ['  - id: a', '    difficulty: 1', '    prompt: p'],
      'p.yaml:4: question "a": "kind" is required',
    ],
    [
      'an unknown kind',
      ['  - id: a', '    kind: essay', '    difficulty: 1', '    prompt: p'],
      'p.yaml:5: question "a": "kind" must be mcq, open, flash or cloze (found "essay")',
    ],
    [
      'an id with spaces',
      ['  - id: my id', '    kind: flash', '    difficulty: 1', '    prompt: p', '    modelAnswer: m'],
      'p.yaml:4: question "my id": "id": "my id" must be lowercase letters, digits, dashes, dots or underscores',
    ],
    [
      'no id at all',
      ['  - kind: flash', '    difficulty: 1', '    prompt: p', '    modelAnswer: m'],
      'p.yaml:4: question #1 has no "id"',
    ],
    [
      'one option only',
      ['  - id: a', '    kind: mcq', '    difficulty: 1', '    prompt: p', '    options: [x]', '    answer: x'],
      'p.yaml:8: question "a": "options" must hold 2 to 6 choices (found 1)',
    ],
    [
      'the same option twice',
      ['  - id: a', '    kind: mcq', '    difficulty: 1', '    prompt: p', '    options: [x, y, x]', '    answer: x'],
      'p.yaml:8: question "a": the option "x" appears twice',
    ],
    [
      'a list answer with a stranger',
      [
        '  - id: a',
        '    kind: mcq',
        '    difficulty: 1',
        '    prompt: p',
        '    options: [x, y, z]',
        '    answer: [x, w]',
      ],
      'p.yaml:9: question "a": "answer" must be one of the options',
    ],
    [
      'an open question without a model answer',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        '      - point: P',
        '        accept: [x]',
      ],
      'p.yaml:4: question "a": "modelAnswer" is required',
    ],
    [
      'a key point without phrasings',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        '      - point: P',
        '    modelAnswer: m',
      ],
      'p.yaml:9: question "a": key point #1 needs "point" (a text) and "accept" (a non-empty list)',
    ],
    [
      'six key points',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        ...Array.from({ length: 6 }, (_, i) => `      - { point: P${i}, accept: [x] }`),
        '    modelAnswer: m',
      ],
      'p.yaml:8: question "a": "keyPoints" must hold 1 to 5 points (found 6)',
    ],
    [
      'a phrasing made of punctuation',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        '      - point: P',
        '        accept: ["->"]',
        '    modelAnswer: m',
      ],
      'p.yaml:10: question "a": the phrasing "->" has no word to recognise',
    ],
    [
      'a mistyped key in a key point',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        '      - point: P',
        '        acept: [x]',
        '        accept: [x]',
        '    modelAnswer: m',
      ],
      'p.yaml:10: question "a": unknown key "acept" (did you mean "accept"?)',
    ],
    [
      'a misconception without note',
      [
        '  - id: a',
        '    kind: open',
        '    difficulty: 1',
        '    prompt: p',
        '    keyPoints:',
        '      - point: P',
        '        accept: [x]',
        '    misconceptions:',
        '      - accept: [y]',
        '    modelAnswer: m',
      ],
      'p.yaml:12: question "a": misconception #1 needs "accept" (a non-empty list) and "note" (a text)',
    ],
    [
      'a cloze with two blanks',
      ['  - id: a', '    kind: cloze', '    difficulty: 1', '    prompt: "___ et ___"', '    answer: x'],
      'p.yaml:7: question "a": the "prompt" of a cloze question must hold exactly one "___" blank (found 2)',
    ],
    [
      'a flash card without answer',
      ['  - id: a', '    kind: flash', '    difficulty: 1', '    prompt: p'],
      'p.yaml:4: question "a": "modelAnswer" is required',
    ],
    [
      'an empty prompt',
      ['  - id: a', '    kind: flash', '    difficulty: 1', '    prompt: ""', '    modelAnswer: m'],
      'p.yaml:7: question "a": "prompt" must be a non-empty text',
    ],
    [
      'difficulty as text',
      ['  - id: a', '    kind: flash', '    difficulty: easy', '    prompt: p', '    modelAnswer: m'],
      'p.yaml:6: question "a": "difficulty" must be 1, 2 or 3 (found "easy")',
    ],
  ])('question level: %s', async (_what, questionLines, expected) => {
    expect(lines((await check(pack(...questionLines))).issues)).toContain(expected);
  });

  it('`checked` is a month and what was checked; `pitchRef` a section number; both are kept on the question', async () => {
    const flash = ['    kind: flash', '    difficulty: 1', '    prompt: p', '    modelAnswer: m'];
    const good = await check(
      pack(
        ...['  - id: a', ...flash, '    checked: 2026-11 Spark 4.0', '    pitchRef: "2.3.1"'],
        ...['  - id: b', ...flash, '    checked: "2026-03"', '    pitchRef: 1'],
      ),
    );
    expect(good.issues).toEqual([]);
    expect(good.pack!.questions.map((q) => [q.checked, q.pitchRef])).toEqual([
      ['2026-11 Spark 4.0', '2.3.1'],
      ['2026-03', '1'],
    ]);
    const bad = await check(
      pack(
        ...['  - id: a', ...flash, '    checked: novembre 2026'],
        ...['  - id: b', ...flash, '    checked: 2026-13 Spark 4.0'],
        ...['  - id: c', ...flash, '    pitchRef: "§2.3"'],
        ...['  - id: d', ...flash, '    pitchRef: 2.10'],
      ),
    );
    expect(lines(bad.issues)).toEqual([
      'p.yaml:9: question "a": "checked" is YYYY-MM followed by the version checked against, e.g. "2026-11 Spark 4.0" (found "novembre 2026")',
      'p.yaml:15: question "b": "checked" is YYYY-MM followed by the version checked against, e.g. "2026-11 Spark 4.0" (found "2026-13 Spark 4.0")',
      'p.yaml:21: question "c": "pitchRef" is a quoted section number of the pitch, e.g. "2.3.1" (found "§2.3")',
      'p.yaml:27: question "d": "pitchRef" is a quoted section number of the pitch, e.g. "2.3.1" (found "2.1")',
    ]);
  });

  it('a pack in YAML the fast reader leaves aside (anchors) loads the same through the yaml package, lines included', async () => {
    const text = pack(
      '  - id: a',
      '    kind: mcq',
      '    difficulty: 1',
      '    prompt: &p "Quelle option ?"',
      '    options: {x: 1}',
      '    answer: x',
    );
    expect(lines((await check(text)).issues)).toEqual([
      'p.yaml:8: question "a": "options" must hold 2 to 6 choices (found 0)',
    ]);
    const ok = await check(
      pack('  - id: a', '    kind: flash', '    difficulty: 1', '    prompt: &p "Q ?"', '    modelAnswer: *p'),
    );
    expect(ok.issues).toEqual([]);
    expect(ok.pack!.questions[0]).toMatchObject({ prompt: 'Q ?', modelAnswer: 'Q ?', origin: 'p.yaml:4' });
  });

  it('a YAML syntax error names its line', async () => {
    const { issues } = await check(
      'topic: t\ntitle: T\nquestions:\n  - id: a\n    prompt: [unclosed\n    kind: flash\n',
    );
    expect(issues).toHaveLength(1);
    expect(formatIssue(issues[0]!, en)).toMatch(/^p\.yaml:[5-7]: invalid YAML: /);
  });

  it('ids must be unique across packs; the first one wins', async () => {
    const one = pack('  - id: same', '    kind: flash', '    difficulty: 1', '    prompt: p', '    modelAnswer: m');
    const bank = await loadBank([
      { name: 'one.yaml', text: one },
      { name: 'two.yaml', text: one.replace('topic: t', 'topic: u') },
    ]);
    expect(lines(bank.issues)).toEqual(['two.yaml:4: question "same": the id "same" is already taken (one.yaml:4)']);
    expect(bank.topics.map((t) => [t.id, t.questions.length])).toEqual([
      ['t', 1],
      ['u', 0],
    ]);
  });
});

it('a pathologically nested document is a pack problem, not a crash', async () => {
  const deep =
    'topic: t\ntitle: T\nquestions:\n' +
    Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 + i * 2)}- `).join('\n') +
    'x\n';
  const { issues, pack } = await check(deep);
  expect(pack).toBeNull();
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) expect(formatIssue(issue, en)).toMatch(/^p\.yaml:\d+: /);
});
