import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileOpen, gradeCloze, gradeMcq, gradeOpen, shuffle, shuffleMcq } from '../../../src/quiz/grade.js';
import { compileSynonyms, tokenize } from '../../../src/quiz/match.js';
import type { Question } from '../../../src/quiz/types.js';
import { makeQuestion, seeded } from './helpers.js';

const shuffleQuestion: Question = makeQuestion({
  id: 'shuffle',
  kind: 'open',
  prompt: "Qu'est-ce qu'un shuffle et pourquoi coûte-t-il cher ?",
  keyPoints: [
    {
      point: 'Redistribution des données entre partitions / exécuteurs',
      accept: ['redistribution', 'redistribue les données', 'échange entre exécuteurs'],
    },
    { point: 'Écriture sur disque et transfert réseau', accept: ['disque', 'réseau', 'sérialisation'] },
    { point: 'Il crée une frontière de stage', accept: ['nouveau stage', 'frontière de stage'] },
  ],
  misconceptions: [
    { accept: ['coalesce provoque toujours un shuffle'], note: 'coalesce réduit les partitions sans shuffle complet' },
  ],
  modelAnswer: 'm',
});
const synonyms = [
  ['exécuteur', 'executor'],
  ['ramasse-miettes', 'gc', 'garbage collector'],
];
const compiled = compileOpen(shuffleQuestion, synonyms);
const grade = (answer: string, seconds = 120) => gradeOpen(shuffleQuestion, compiled, answer, seconds);
const hitsOf = (answer: string) =>
  grade(answer).kind === 'open'
    ? (grade(answer) as Extract<ReturnType<typeof grade>, { kind: 'open' }>).points.map((p) => (p.hit ? 1 : 0))
    : [];
const open = (answer: string, seconds?: number) =>
  grade(answer, seconds) as Extract<ReturnType<typeof grade>, { kind: 'open' }>;

describe('open answers, graded the French way', () => {
  it.each([
    ['accents left out', 'elles redistribuent les donnees, ecriture sur disque, ca cree un nouveau stage', [1, 1, 1]],
    ['elisions (l’, d’, qu’, c’)', "c'est l’échange entre l'exécuteur A et l'executeur B qu'on paie", [1, 0, 0]],
    ['plural for singular', 'on écrit sur les disques', [0, 1, 0]],
    ['singular for plural', 'un échange entre exécuteur', [1, 0, 0]],
    ['a verb form for another', 'le shuffle redistribuait les données', [1, 0, 0]],
    ['one typo in a long word', 'une redistribtion, puis le résau', [1, 1, 0]],
    ['a swap of two letters', 'la sérailisation coûte', [0, 1, 0]],
    ['a synonym from the pack', "un échange entre executors, c'est tout", [1, 0, 0]],
    ['upper case and punctuation', 'REDISTRIBUTION !!! (DISQUE) — Nouveau-Stage.', [1, 1, 1]],
    ['words of a phrasing a little apart', 'cela crée un nouveau gros stage', [0, 0, 1]],
    ['words of a phrasing too far apart', 'nouveau : on ne sait pas trop, mais le stage', [0, 0, 0]],
    ['words of a phrasing in the wrong order', 'stage nouveau', [0, 0, 0]],
    ['a typo in a short word is not forgiven', 'un nouveau stade', [0, 0, 0]],
    ['an unrelated answer', 'Spark met les données en cache en mémoire', [0, 0, 0]],
    ['an empty answer', '', [0, 0, 0]],
  ])('%s', (_what, answer, expected) => {
    expect(hitsOf(answer)).toEqual(expected);
  });

  it('a wrong concept alongside a right one: the point counts, the misconception is named and the rating drops', () => {
    const result = open('coalesce provoque toujours un shuffle, et ça passe par le réseau', 10);
    expect(result.points.map((p) => p.hit)).toEqual([false, true, false]);
    expect(result.misconceptions).toEqual([
      {
        note: 'coalesce réduit les partitions sans shuffle complet',
        matched: 'coalesce provoque toujours un shuffle',
        evidence: 'coalesce provoque toujours un shuffle',
      },
    ]);
    expect(result.suggested).toBe(1);
    const full = open(
      'redistribution sur le réseau avec un nouveau stage, mais coalesce provoque toujours un shuffle',
      10,
    );
    expect(full.hits).toBe(3);
    expect(full.suggested).toBe(2);
    expect(full.correct).toBe(false);
  });

  it('suggests Easy when complete and fast, Good when complete, Hard for most points, Again for few', () => {
    const all = 'redistribution des données, écriture disque et réseau, nouveau stage';
    expect(open(all, 20).suggested).toBe(4);
    expect(open(all, 200).suggested).toBe(3);
    expect(open(all, 200).correct).toBe(true);
    expect(open('redistribution et disque', 5).suggested).toBe(2);
    expect(open('du disque', 5).suggested).toBe(1);
    expect(open('', 1)).toMatchObject({ suggested: 1, empty: true, hits: 0, correct: false });
  });

  it('says which phrasing matched, for the feedback', () => {
    expect(open('ça passe par le réseau').points[1]).toEqual({
      point: 'Écriture sur disque et transfert réseau',
      hit: true,
      matched: 'réseau',
      evidence: 'réseau',
    });
  });

  it('multi-word synonyms count both ways', () => {
    const q = makeQuestion({ kind: 'open', keyPoints: [{ point: 'GC', accept: ['pauses du gc'] }], modelAnswer: 'm' });
    const c = compileOpen(q, synonyms);
    expect((gradeOpen(q, c, 'de longues pauses du garbage collector', 9) as { hits: number }).hits).toBe(1);
    expect((gradeOpen(q, c, 'des pauses du ramasse-miettes', 9) as { hits: number }).hits).toBe(1);
  });

  const noise = fc.constantFrom(
    'le',
    'shuffle',
    'coûte',
    'cher',
    'car',
    'il',
    'faut',
    'données',
    'réseau',
    'disque',
    'stage',
    'nouveau',
    'redistribue',
    'exécuteurs',
    'échange',
    'entre',
    "l'",
    '!',
    ',',
    'coalesce',
    'provoque',
    'toujours',
    'un',
    'É',
    'Ω',
    '\n',
  );
  const answer = fc.oneof(
    fc.string(),
    fc.array(noise, { maxLength: 30 }).map((ws) => ws.join(' ')),
  );

  it('property: never throws, and hits are key points of the question, in order', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: 600 }), (text, seconds) => {
        const result = open(text, seconds);
        expect(result.points.map((p) => p.point)).toEqual(shuffleQuestion.keyPoints!.map((k) => k.point));
        expect(result.hits).toBe(result.points.filter((p) => p.hit).length);
        for (const p of result.points)
          if (p.hit) expect(shuffleQuestion.keyPoints!.find((k) => k.point === p.point)!.accept).toContain(p.matched);
        expect([1, 2, 3, 4]).toContain(result.suggested);
      }),
      { numRuns: 500 },
    );
  });

  it('property: adding sentences before or after an answer never loses a hit', () => {
    // Sentences, not loose words: a "pas" glued before the answer would rightly deny its first claim.
    fc.assert(
      fc.property(answer, answer, answer, (before, text, after) => {
        const base = open(text).points;
        const more = open(`${before}\n${text}\n${after}`).points;
        base.forEach((p, i) => {
          if (p.hit) expect(more[i]!.hit).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('tokenize: what both sides of the comparison go through', () => {
  it('drops the letters left by elisions typed without an apostrophe ("n apparait qu a l action")', () => {
    expect(tokenize('une erreur n apparait qu a l action').map((t) => t.word)).toEqual([
      'erreur',
      'apparait',
      'action',
    ]);
  });

  it('folds case and accents, drops elisions and stop words, stems with the French Snowball stemmer', () => {
    expect(tokenize("L’exécuteur d'un job qu'il relance : les données").map((t) => t.stem)).toEqual([
      'executeur',
      'job',
      'relanc',
      'donne',
    ]);
    expect(tokenize('Œuvre').map((t) => t.word)).toEqual(['oeuvre']);
    expect(tokenize('réseaux chevaux').map((t) => t.stem)).toEqual(['reseau', 'cheval']);
    expect(tokenize('200 Mo').map((t) => t.stem)).toEqual(['200', 'mo']);
  });
});

describe('cloze blanks', () => {
  const q = makeQuestion({
    kind: 'cloze',
    prompt: 'spark.sql.___',
    answers: ['autoBroadcastJoinThreshold', 'auto broadcast join threshold'],
  });
  const n = makeQuestion({ kind: 'cloze', prompt: 'vaut ___', answers: ['200', 'deux cents'] });
  it.each([
    [q, 'autoBroadcastJoinThreshold', true],
    [q, 'autobroadcastjointhreshold', true],
    [q, 'autoBroadcastJoinTreshold', true],
    [q, 'auto broadcast join threshold', true],
    [q, 'broadcast', false],
    [q, 'autoBroadcastJoinThreshold en Mo', false],
    [n, '200', true],
    [n, 'deux cents', true],
    [n, '2000', false],
    [n, '20', false],
    [n, '', false],
  ])('%#: "%s"', (question, typed, right) => {
    expect(gradeCloze(question as Question, typed as string, 30).correct).toBe(right);
  });

  it.each([
    ['back-end', 'backend', true],
    ['back-end', 'back end', true],
    ['back-end', 'BACK-END', true],
    ['DataOps', 'Data Ops', true],
    ['DataOps', 'data-ops', true],
    ['Bâle IV', 'bale iv', true],
    ['10 Mo', '10', true],
    ['10 Mo', '10MB', true],
    ['10 Mo', '10 mo', true],
    ['10', '10 Mo', true],
    ['10 Mo', '10 Go', false],
    ['10 Mo', '100 Mo', false],
    ['97,5 %', '97.5%', true],
    ['exécuteur', 'executuer', true],
    ['idempotent', 'idempotant', true],
    ['idempotent', 'idompotant', false],
    ['pod', 'pid', false],
    ['back-end', 'front-end', false],
  ])('cloze forgiveness: expected "%s", typed "%s" → %s', (expected, typed, right) => {
    const c = makeQuestion({ kind: 'cloze', answers: [expected as string] });
    expect(gradeCloze(c, typed as string, 30).correct).toBe(right);
  });

  it('a missed blank carries a character diff of the typed text against the expected one', () => {
    const c = makeQuestion({ kind: 'cloze', answers: ['spark.sql.shuffle.partitions'] });
    const g = gradeCloze(c, 'spark.shuffle.partition', 30);
    expect(g).toMatchObject({ correct: false });
    const diff = (g as { diff: Array<{ kind: string; text: string }> }).diff;
    // Read one way it spells the expected answer, the other way what was typed; 5 characters were missing.
    expect(
      diff
        .filter((d) => d.kind !== 'extra')
        .map((d) => d.text)
        .join(''),
    ).toBe('spark.sql.shuffle.partitions');
    expect(
      diff
        .filter((d) => d.kind !== 'missing')
        .map((d) => d.text)
        .join(''),
    ).toBe('spark.shuffle.partition');
    expect(diff.filter((d) => d.kind === 'missing').reduce((n, d) => n + d.text.length, 0)).toBe(5);
    expect(gradeCloze(c, 'spark.sql.shuffle.partitions', 30)).not.toHaveProperty('diff');
  });

  it('synonyms of the topic count in blanks', () => {
    const c = makeQuestion({ kind: 'cloze', answers: ['exécuteur'] });
    expect(gradeCloze(c, 'executor', 3, compileSynonyms(synonyms))).toMatchObject({ correct: true, suggested: 4 });
    expect(gradeCloze(c, 'driver', 3, compileSynonyms(synonyms))).toMatchObject({
      correct: false,
      suggested: 1,
      expected: 'exécuteur',
    });
  });
});

describe('multiple choice', () => {
  const q = makeQuestion({ kind: 'mcq', options: ['a', 'b', 'c', 'd'], answers: ['b', 'd'] });

  it('options are shuffled by the injected random source, and the right ones follow them', () => {
    const shown = shuffleMcq(q, seeded(7));
    expect([...shown.options].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(shown.right.map((i) => shown.options[i]).sort()).toEqual(['b', 'd']);
    expect(shuffleMcq(q, seeded(7))).toEqual(shown);
    const orders = new Set(Array.from({ length: 20 }, (_, s) => shuffleMcq(q, seeded(s)).options.join('')));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('right only when exactly the right options are chosen', () => {
    const shown = { options: ['a', 'b', 'c', 'd'], right: [1, 3] };
    expect(gradeMcq(q, shown, [3, 1], 5)).toMatchObject({ correct: true, suggested: 4 });
    expect(gradeMcq(q, shown, [1, 3], 60)).toMatchObject({ correct: true, suggested: 3 });
    expect(gradeMcq(q, shown, [1], 5)).toMatchObject({ correct: false, suggested: 1 });
    expect(gradeMcq(q, shown, [0, 1, 3], 5)).toMatchObject({ correct: false, suggested: 1 });
  });

  it('property: shuffle is a permutation, whatever the random source returns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer()),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1 }),
        (items, draws) => {
          let k = 0;
          const out = shuffle(items, () => draws[k++ % draws.length]!);
          expect([...out].sort()).toEqual([...items].sort());
        },
      ),
    );
  });
});

describe('a point labelled with a thing the prompt compares binds to it ("Canary : …")', () => {
  const strategies = makeQuestion({
    id: 'strategies',
    kind: 'open',
    prompt: 'Blue/green ou canary : comment fonctionnent-ils ?',
    keyPoints: [
      {
        point: 'Blue/green : deux versions complètes, bascule du trafic d’un coup',
        accept: ['deux versions', 'd’un coup'],
      },
      { point: 'Canary : une petite part du trafic, élargie si tout va bien', accept: ['petite part', 'pourcentage'] },
      { point: 'Choix argumenté : un outil et des métriques', accept: ['argo rollouts'] },
    ],
    modelAnswer: 'm',
  });
  const c = compileOpen(strategies);
  const hits = (answer: string) =>
    (gradeOpen(strategies, c, answer, 120) as Extract<ReturnType<typeof gradeOpen>, { kind: 'open' }>).points.map(
      (p) => (p.hit ? 1 : 0),
    );

  it.each([
    [
      'each claim said of its own thing',
      'Blue/green on a deux versions et on bascule d’un coup, canary une petite part du trafic',
      [1, 1, 0],
    ],
    [
      'the two swapped',
      'Canary c’est deux versions et on bascule d’un coup, blue/green c’est un petit pourcentage',
      [0, 0, 0],
    ],
    [
      'a claim said of nothing named still counts',
      'On envoie une petite part du trafic, puis on élargit ; argo rollouts',
      [0, 1, 1],
    ],
    ['a label that names nothing the prompt lists binds nothing', 'Argo Rollouts pour canary', [0, 0, 1]],
  ])('%s', (_name, answer, expected) => {
    expect(hits(answer)).toEqual(expected);
  });
});

describe('a claim given with a wrong value is refused and shown', () => {
  const broadcast = makeQuestion({
    id: 'values',
    kind: 'open',
    prompt: 'Quels risques pose un broadcast join ?',
    keyPoints: [
      { point: 'Délai d’attente du broadcast (300 s par défaut)', accept: ['timeout', 'délai d’attente'] },
      { point: 'La fraction unifiée vaut 0,6 du tas', accept: ['fraction unifiée'] },
      { point: 'Relances bornées par limit (total = limit + 1), depuis la v3.1', accept: ['limit'] },
    ],
    modelAnswer: 'm',
  });
  const c = compileOpen(broadcast);
  const result = (answer: string) =>
    gradeOpen(broadcast, c, answer, 120) as Extract<ReturnType<typeof gradeOpen>, { kind: 'open' }>;
  const hits = (answer: string) => result(answer).points.map((p) => (p.hit ? 1 : 0));

  it.each([
    ['the right value', 'Il y a un timeout de 300 secondes par défaut', [1, 0, 0]],
    ['no value at all', 'Attention au timeout du broadcast', [1, 0, 0]],
    ['a wrong default', 'Le timeout est de 30 secondes par défaut', [0, 0, 0]],
    ['a chosen value is not a false default', 'Je monte le timeout à 600 secondes', [1, 0, 0]],
    ['60 % is 0,6', 'La fraction unifiée fait 60 % du tas', [0, 1, 0]],
    ['a wrong plain value', 'La fraction unifiée fait 90 % du tas', [0, 0, 0]],
    ['the terms of a formula and versions are not values', 'Je mets un limit de 3, donc 4 essais', [0, 0, 1]],
  ])('%s', (_name, answer, expected) => {
    expect(hits(answer)).toEqual(expected);
  });

  it('shows the wrong value as a contradiction', () => {
    expect(result('Le timeout est de 30 secondes par défaut').points[0]!.contradiction?.evidence).toContain('timeout');
  });
});

describe('a point that denies something is made only by denying it', () => {
  const revert = makeQuestion({
    id: 'revert',
    kind: 'open',
    prompt: 'Comment annulez-vous un commit fautif déjà sur main ?',
    keyPoints: [
      { point: 'L’historique partagé n’est pas réécrit : pas de push forcé', accept: ['push forcé', 'force push'] },
      { point: 'La CI n’a plus besoin d’accès au cluster', accept: ['accès au cluster'] },
      { point: 'L’executor ne prend plus de tâches et prévient le driver', accept: ['prévient le driver'] },
    ],
    modelAnswer: 'm',
  });
  const c = compileOpen(revert);
  const hits = (answer: string) =>
    (gradeOpen(revert, c, answer, 120) as Extract<ReturnType<typeof gradeOpen>, { kind: 'open' }>).points.map((p) =>
      p.hit ? 1 : 0,
    );

  it.each([
    [
      'denied as the point denies it',
      'Surtout pas de push forcé sur main, et la CI n’a pas besoin d’accès au cluster',
      [1, 1, 0],
    ],
    ['affirmed: the opposite of the point', 'Je fais un push forcé, la CI a un accès au cluster', [0, 0, 0]],
    ['a claim coordinated after the denial stays a claim', 'Il prévient le driver avant de partir', [0, 0, 1]],
  ])('%s', (_name, answer, expected) => {
    expect(hits(answer)).toEqual(expected);
  });
});

describe('spoken idioms around negation', () => {
  it.each([
    ['« non plus » with « pas » denies once', 'En CPU non plus pas de disque', [0, 0, 0]],
    ['« n’y est pour rien » denies', 'Le disque n’y est pour rien', [0, 0, 0]],
    ['« pour rien » alone is in vain, not a denial', 'On écrit sur disque pour rien', [0, 1, 0]],
  ])('%s', (_name, answer, expected) => {
    expect(hitsOf(answer)).toEqual(expected);
  });
});

describe('a spoken denial after a dislocated subject', () => {
  it.each([
    ['« ça sert à rien » reaches back over « ça » and « à »', 'Le disque ça sert à rien ici', [0, 0, 0]],
    [
      'a denial four content words later does not',
      'Écriture sur disque puis transfert réseau lent ici, rien',
      [0, 1, 0],
    ],
  ])('%s', (_name, answer, expected) => {
    expect(hitsOf(answer)).toEqual(expected);
  });
});
