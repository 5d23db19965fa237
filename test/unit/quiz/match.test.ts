import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileOpen, gradeOpen, type KeyPointResult } from '../../../src/quiz/grade.js';
import { compilePhrase, findPhrase, indexText, isNegated, tokenize } from '../../../src/quiz/match.js';
import { stemWord } from '../../../src/quiz/stem.js';
import type { KeyPoint, Question } from '../../../src/quiz/types.js';
import { makeQuestion } from './helpers.js';

const says = (answer: string, phrasing: string) => findPhrase(answer, compilePhrase(phrasing)) >= 0;

describe('scope: a phrasing matches within one clause or sentence', () => {
  it.each([
    ['the words in one clause', 'le shuffle écrit sur disque', 'shuffle écrit disque', true],
    ['across a full stop', 'Il y a un shuffle. Écrit sur disque ensuite.', 'shuffle écrit', false],
    ['across a question mark', 'un shuffle ? écrit sur disque', 'shuffle écrit', false],
    ['across a semicolon', 'un shuffle ; écrit sur disque', 'shuffle écrit', false],
    ['across a line break', 'un shuffle\nécrit sur disque', 'shuffle écrit', false],
    ['across a comma', 'pour le shuffle, écrit sur disque', 'shuffle écrit', false],
    ['across "mais"', 'on a un shuffle mais écrit sur disque', 'shuffle écrit', false],
    ['a dot inside a name is no full stop', 'spark.sql.shuffle.partitions vaut 200', 'shuffle partitions', true],
    ['a decimal point is no full stop', 'le quantile 97.5 de la perte', '97,5 perte', true],
    ['a decimal comma is no comma', 'au quantile 97,5 la perte moyenne', '97.5 perte', true],
  ])('%s', (_what, answer, phrasing, expected) => {
    expect(says(answer, phrasing)).toBe(expected);
  });
});

describe('polarity: negation and inversion cancel a claim, a negative phrasing wants a negative claim', () => {
  it.each([
    ['affirmed', 'map fait un shuffle', 'fait un shuffle', true],
    ['ne … pas', 'map ne fait pas de shuffle', 'fait un shuffle', false],
    ['pas alone, spoken', 'map ça fait pas de shuffle', 'fait un shuffle', false],
    ['ne … jamais', 'Spark ne recalcule jamais le plan', 'recalcule le plan', false],
    ['ne … plus', 'le pod ne redémarre plus', 'pod redémarre', false],
    ['ne … aucun', "il n'y a aucun shuffle", 'shuffle', false],
    ['sans', 'une jointure sans shuffle', 'jointure shuffle', false],
    ['non', 'un traitement non idempotent', 'traitement idempotent', false],
    ['au lieu de', 'au lieu de recalculer le DataFrame on le lit', 'recalculer le DataFrame', false],
    ['contrairement à', 'contrairement à groupByKey', 'groupByKey', false],
    ['not', 'the executor is not restarted', 'executor restarted', false],
    ["n't", "the driver doesn't shuffle", 'driver shuffle', false],
    ['never', 'it never caches', 'caches', false],
    ['without', 'a join without shuffle', 'join shuffle', false],
    ['negation after the noun', "le cache n'est pas utilisé", 'cache utilisé', false],
    ['ne … que restricts, it does not negate', 'Spark ne lit que les colonnes utiles', 'lit les colonnes', true],
    ['plus without ne means more', 'donner plus de mémoire', 'mémoire', true],
    ['double negation', "ce n'est pas sans shuffle", 'shuffle', true],
    ['sans reaches a few words, not the next claim', 'sans cache chaque action recalcule tout', 'recalcule', true],
    ['a negation in another clause does not reach', 'pas de cache, donc Spark recalcule', 'recalcule', true],
    ['a negative phrasing: negated claim', 'map ne fait pas de shuffle', 'sans shuffle', true],
    ['a negative phrasing: positive claim', 'map fait un shuffle', 'sans shuffle', false],
    ['a negative phrasing said another way', 'aucun shuffle pour map', 'pas de shuffle', true],
  ])('%s', (_what, answer, phrasing, expected) => {
    expect(says(answer, phrasing)).toBe(expected);
  });

  it('knows where the negation sits', () => {
    const index = indexText('le driver ne lance pas les tâches, les exécuteurs les lancent');
    const words = index.tokens.map((t) => t.word);
    const at = (w: string) => words.indexOf(w);
    expect(isNegated(index, at('lance'), at('lance'))).toBe(true);
    expect(isNegated(index, at('taches'), at('taches'))).toBe(true);
    expect(isNegated(index, at('lancent'), at('lancent'))).toBe(false);
  });
});

const swap: Question = makeQuestion({
  kind: 'open',
  prompt: 'Quelle différence entre ces deux opérations sur des paires clé-valeur ?',
  keyPoints: [
    {
      point: 'reduceByKey combine les valeurs avant le shuffle',
      accept: ['combine localement', 'pré-agrège'],
      about: ['reduceByKey'],
    },
    {
      point: 'groupByKey envoie toutes les valeurs sur le réseau',
      accept: ['envoie toutes les valeurs', 'transfère tout'],
      about: ['groupByKey'],
      contradicts: ['groupByKey combine localement'],
    },
  ],
  modelAnswer: 'reduceByKey combine localement ; groupByKey envoie toutes les valeurs.',
});
const swapCompiled = compileOpen(swap);
const pointsOf = (q: Question, answer: string, synonyms: string[][] = []) => {
  const g = gradeOpen(q, compileOpen(q, synonyms), answer, 999);
  if (g.kind !== 'open') throw new Error('open expected');
  return g;
};
const hits = (answer: string) => {
  const g = gradeOpen(swap, swapCompiled, answer, 999);
  return g.kind === 'open' ? g.points.map((p: KeyPointResult) => (p.hit ? 1 : 0)) : [];
};

describe('binding: a claim counts only about its subject', () => {
  it.each([
    ['each claim with its own subject', 'reduceByKey combine localement, groupByKey envoie toutes les valeurs', [1, 1]],
    ['swapped subjects earn nothing', 'groupByKey combine localement, reduceByKey envoie toutes les valeurs', [0, 0]],
    ['the subject named earlier in the sentence', 'Avec reduceByKey, on combine localement', [1, 0]],
    ['a pronoun for the subject of the sentence before', 'reduceByKey est mieux. Il combine localement.', [1, 0]],
    ['no subject named at all', 'ça combine localement', [0, 0]],
    ['the subject named after the claim in its clause', 'on combine localement avec reduceByKey', [1, 0]],
  ])('%s', (_what, answer, expected) => {
    expect(hits(answer)).toEqual(expected);
  });
});

describe('contradictions: a phrasing stating the opposite cancels the point and is shown', () => {
  it('an explicit contradiction cancels a point otherwise earned', () => {
    const g = pointsOf(swap, 'groupByKey envoie toutes les valeurs. groupByKey combine localement aussi.');
    expect(g.points[1]).toMatchObject({
      hit: false,
      contradiction: { matched: 'groupByKey combine localement', evidence: 'groupByKey combine localement' },
    });
    expect(g.sure).toBe(false);
  });

  it('a denied phrasing is shown as a contradiction when nothing earned the point', () => {
    const g = pointsOf(swap, 'reduceByKey ne combine pas localement');
    expect(g.points[0]).toMatchObject({ hit: false, contradiction: { evidence: 'ne combine pas localement' } });
  });
});

describe('echo: words of the prompt earn nothing on their own', () => {
  const q = makeQuestion({
    kind: 'open',
    prompt: 'Pourquoi le shuffle coûte-t-il cher en réseau ?',
    keyPoints: [{ point: 'Le shuffle passe par le réseau et le disque', accept: ['shuffle réseau', 'disque'] }],
    modelAnswer: 'm',
  });
  it.each([
    ['the prompt read back', 'Le shuffle coûte cher en réseau.', 0],
    ['a phrasing made only of prompt words', 'le shuffle, en réseau', 0],
    ['a word the prompt does not give', 'il écrit sur disque', 1],
  ])('%s', (_what, answer, expected) => {
    expect(pointsOf(q, answer).hits).toBe(expected);
  });

  it('a lone generic word earns nothing', () => {
    const g = makeQuestion({
      kind: 'open',
      prompt: 'Comment relancer un workflow ?',
      keyPoints: [{ point: 'resubmit', accept: ['exécution', 'resubmit'] }],
      modelAnswer: 'm',
    });
    expect(pointsOf(g, "on relance l'exécution").hits).toBe(0);
    expect(pointsOf(g, 'argo resubmit').hits).toBe(1);
  });
});

describe('morphology: word families join through the French stemmer', () => {
  it.each([
    ['on met en cache', 'mise en cache'],
    ['le pod redémarre', 'pod redémarrage'],
    ['on partitionne par date', 'partitionnement par date'],
    ['il faut optimiser le plan', 'optimisation du plan'],
    ['les exécuteurs sont recalculés', 'exécuteur recalcul'],
    ['Spark sérialise les objets', 'sérialisation des objets'],
    ['on diffuse les données', 'diffusion des données'],
    ['on persiste le DataFrame', 'persistance du DataFrame'],
    ['it shuffled the data', 'shuffle data'],
  ])('"%s" says "%s"', (answer, phrasing) => {
    expect(says(answer, phrasing)).toBe(true);
  });

  it.each([
    ['a different word of the same start', 'le partage des données', 'partition des données'],
    ['a short word with a typo', 'un nouveau stade', 'nouveau stage'],
  ])('%s is not joined', (_what, answer, phrasing) => {
    expect(says(answer, phrasing)).toBe(false);
  });

  it('stems with Snowball (folded words), irregular verbs joined by a short table', () => {
    expect(['optimiser', 'optimisation', 'optimise'].map(stemWord)).toEqual(['optimis', 'optimis', 'optimis']);
    expect(stemWord('mise')).toBe(stemWord('mettre'));
    expect(tokenize('Les exécuteurs').map((t) => t.stem)).toEqual(['executeur']);
  });
});

// ---------------------------------------------------------------- properties
const words = [
  'reducebykey',
  'groupbykey',
  'combine',
  'localement',
  'envoie',
  'toutes',
  'valeurs',
  'transfère',
  'tout',
  'réseau',
  'shuffle',
  'le',
  'les',
  'avant',
  'et',
  'donc',
  'Spark',
];
const clause = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const answerArb = fc.array(clause, { minLength: 1, maxLength: 5 });
const plain: Question = { ...swap, keyPoints: swap.keyPoints!.map(({ contradicts: _, ...k }): KeyPoint => k) };
const plainCompiled = compileOpen(plain);
const score = (q: Question, text: string) => {
  const g = gradeOpen(q, q === plain ? plainCompiled : swapCompiled, text, 999);
  return g.kind === 'open' ? g.hits : 0;
};

describe('properties', () => {
  it('adding a negation before a matched claim never raises the score', () => {
    fc.assert(
      fc.property(answerArb, fc.nat(), fc.constantFrom('ne pas', 'pas', 'sans', 'jamais', 'not'), (clauses, k, neg) => {
        const before = score(plain, clauses.join('. '));
        const i = k % clauses.length;
        const negated = clauses.map((c, j) => (j === i ? `${neg} ${c}` : c)).join('. ');
        expect(score(plain, negated)).toBeLessThanOrEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('appending the prompt to any answer never raises the score', () => {
    fc.assert(
      fc.property(answerArb, fc.boolean(), (clauses, withContradictions) => {
        const q = withContradictions ? swap : plain;
        const text = clauses.join('. ');
        expect(score(q, `${text}\n${q.prompt}`)).toBeLessThanOrEqual(score(q, text));
      }),
      { numRuns: 400 },
    );
  });
});
