import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileOpen, gradeOpen } from '../../src/quiz/grade.js';
import type { Question, RatingValue, Topic } from '../../src/quiz/types.js';

/** One labelled answer of test/fixtures/grading/corpus.jsonl. */
export interface CorpusEntry {
  id: string;
  questionId: string;
  topic: string;
  kind: 'good' | 'partial' | 'wrong' | 'evasive';
  answer: string;
  covers: number[];
  rating: [number, number];
}

export const CORPUS_FILE = fileURLToPath(new URL('../fixtures/grading/corpus.jsonl', import.meta.url));
/** The held-out set (ids `h…`), written by a second author after the grader and bank were tuned. */
export const HELDOUT_FILE = fileURLToPath(new URL('../fixtures/grading/heldout.jsonl', import.meta.url));

/** Which set an answer belongs to: the main set (c001–c314), the extension (c315–c408) or the held-out set. */
export function setOf(entry: CorpusEntry): 'main' | 'extension' | 'held-out' {
  if (entry.id.startsWith('h')) return 'held-out';
  return Number(entry.id.slice(1)) <= 314 ? 'main' : 'extension';
}

export function readCorpus(file = CORPUS_FILE): CorpusEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusEntry);
}

/** The goals of issue #13, checked by test/unit/quiz/grading-corpus.test.ts. */
export const GOALS = {
  precision: 0.9,
  recall: 0.88,
  wrongCredited: 0.1,
  evasiveCredited: 0.02,
  goodBlamed: 0.05,
  ratingAgreement: 0.9,
};

export interface Counts {
  answers: number;
  tp: number;
  fp: number;
  fn: number;
  /** Answers given at least half the points. */
  halfOrMore: number;
  /** Answers given fewer than half the points. */
  lessThanHalf: number;
  ratingInBand: number;
}

export interface Graded {
  entry: CorpusEntry;
  question: Question;
  predicted: number[];
  suggested: RatingValue;
  sure: boolean;
}

const empty = (): Counts => ({ answers: 0, tp: 0, fp: 0, fn: 0, halfOrMore: 0, lessThanHalf: 0, ratingInBand: 0 });

/** Grades every answer of the corpus as `pitch grade` would (no time pressure). */
export function gradeCorpus(entries: readonly CorpusEntry[], topics: readonly Topic[]): Graded[] {
  const byId = new Map<string, { q: Question; t: Topic }>();
  for (const t of topics) for (const q of t.questions) byId.set(q.id, { q, t });
  const compiled = new Map<string, ReturnType<typeof compileOpen>>();
  return entries.map((entry) => {
    const found = byId.get(entry.questionId);
    if (!found) throw new Error(`corpus: unknown question ${entry.questionId}`);
    let c = compiled.get(entry.questionId);
    if (!c) {
      c = compileOpen(found.q, found.t.synonyms);
      compiled.set(entry.questionId, c);
    }
    const g = gradeOpen(found.q, c, entry.answer, Number.POSITIVE_INFINITY);
    if (g.kind !== 'open') throw new Error('open question expected');
    return {
      entry,
      question: found.q,
      predicted: g.points.flatMap((p, i) => (p.hit ? [i] : [])),
      suggested: g.suggested,
      sure: g.sure,
    };
  });
}

export function count(graded: readonly Graded[]): Counts {
  const c = empty();
  for (const g of graded) {
    const total = g.question.keyPoints?.length ?? 0;
    const truth = new Set(g.entry.covers);
    const said = new Set(g.predicted);
    c.answers++;
    for (let i = 0; i < total; i++) {
      if (said.has(i) && truth.has(i)) c.tp++;
      else if (said.has(i)) c.fp++;
      else if (truth.has(i)) c.fn++;
    }
    if (said.size * 2 >= total && said.size > 0) c.halfOrMore++;
    else c.lessThanHalf++;
    if (g.suggested >= g.entry.rating[0] && g.suggested <= g.entry.rating[1]) c.ratingInBand++;
  }
  return c;
}

export interface Figures {
  precision: number;
  recall: number;
  wrongCredited: number;
  evasiveCredited: number;
  falseCredit: number;
  goodBlamed: number;
  ratingAgreement: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function figures(graded: readonly Graded[]): Figures {
  const all = count(graded);
  const of = (kind: CorpusEntry['kind']) => count(graded.filter((g) => g.entry.kind === kind));
  const wrong = of('wrong');
  const evasive = of('evasive');
  const good = of('good');
  return {
    precision: ratio(all.tp, all.tp + all.fp),
    recall: ratio(all.tp, all.tp + all.fn),
    wrongCredited: ratio(wrong.halfOrMore, wrong.answers),
    evasiveCredited: ratio(evasive.halfOrMore, evasive.answers),
    falseCredit: ratio(wrong.halfOrMore + evasive.halfOrMore, wrong.answers + evasive.answers),
    goodBlamed: ratio(good.lessThanHalf, good.answers),
    ratingAgreement: ratio(all.ratingInBand, all.answers),
  };
}

/** Precision, recall and rating agreement of a group of answers (one kind, one topic). */
export function groupFigures(graded: readonly Graded[]) {
  const c = count(graded);
  return {
    answers: c.answers,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    halfOrMore: ratio(c.halfOrMore, c.answers),
    ratingAgreement: ratio(c.ratingInBand, c.answers),
  };
}
