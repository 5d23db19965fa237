import type { Question, RatingValue } from './types.js';
import {
  compilePhrase,
  compileSynonyms,
  equalsPhrase,
  findPhrase,
  tokenize,
  type Phrase,
  type SynonymTable,
} from './match.js';

/** How one key point of an open answer fared. */
export interface KeyPointResult {
  point: string;
  hit: boolean;
  /** The accepted phrasing found in the answer. */
  matched?: string | undefined;
}

export interface MisconceptionResult {
  note: string;
  matched: string;
}

/** What the grader says about one answer; `suggested` is the rating proposed to the user. */
export type Grade =
  | { kind: 'mcq'; correct: boolean; chosen: number[]; right: number[]; suggested: RatingValue }
  | { kind: 'cloze'; correct: boolean; expected: string; suggested: RatingValue }
  | { kind: 'flash'; correct: null; suggested: RatingValue }
  | {
      kind: 'open';
      correct: boolean;
      points: KeyPointResult[];
      hits: number;
      misconceptions: MisconceptionResult[];
      empty: boolean;
      suggested: RatingValue;
    };

/** An mcq as shown: options in display order, and which of them are right. */
export interface ShownMcq {
  options: string[];
  right: number[];
}

/** Fisher–Yates with an injected random source in [0, 1). */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function shuffleMcq(question: Question, rng: () => number): ShownMcq {
  const options = shuffle(question.options ?? [], rng);
  const answers = new Set(question.answers ?? []);
  return { options, right: options.flatMap((o, i) => (answers.has(o) ? [i] : [])) };
}

/**
 * Answers given quickly enough to suggest Easy: an mcq or a blank in 8 s, a flash card in 6 s,
 * an open answer in 20 s plus 10 s per key point (typing takes time).
 */
export function easySeconds(question: Question): number {
  switch (question.kind) {
    case 'open':
      return 20 + 10 * (question.keyPoints?.length ?? 0);
    case 'flash':
      return 6;
    default:
      return 8;
  }
}

const goodOrEasy = (question: Question, seconds: number): RatingValue => (seconds <= easySeconds(question) ? 4 : 3);

export function gradeMcq(question: Question, shown: ShownMcq, chosen: readonly number[], seconds: number): Grade {
  const picked = [...new Set(chosen)].sort((a, b) => a - b);
  const correct = picked.length === shown.right.length && picked.every((i, k) => i === shown.right[k]);
  return {
    kind: 'mcq',
    correct,
    chosen: picked,
    right: shown.right,
    suggested: correct ? goodOrEasy(question, seconds) : 1,
  };
}

/** A typed blank is right when it says the expected text or an accepted one, forgiving what the open grader forgives. */
export function gradeCloze(
  question: Question,
  typed: string,
  seconds: number,
  synonyms: SynonymTable = { groups: [] },
): Grade {
  const expected = question.answers ?? [];
  const tokens = tokenize(typed);
  const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const correct =
    typed.trim() !== '' &&
    expected.some((answer) => {
      const phrase = compilePhrase(answer, synonyms);
      // An answer made only of punctuation or symbols ("%", "->") has no words to compare: compare the text.
      return phrase.slots.length ? equalsPhrase(tokens, phrase) : folded(answer) === folded(typed);
    });
  return {
    kind: 'cloze',
    correct,
    expected: expected[0] ?? '',
    suggested: correct ? goodOrEasy(question, seconds) : 1,
  };
}

export function gradeFlash(): Grade {
  return { kind: 'flash', correct: null, suggested: 3 };
}

/** A question's phrasings compiled once (grading a long session reuses them). */
export interface CompiledOpen {
  points: Array<{ point: string; phrases: Phrase[] }>;
  misconceptions: Array<{ note: string; phrases: Phrase[] }>;
}

export function compileOpen(question: Question, synonyms: readonly (readonly string[])[] = []): CompiledOpen {
  const table = compileSynonyms(synonyms);
  return {
    points: (question.keyPoints ?? []).map((k) => ({
      point: k.point,
      phrases: k.accept.map((a) => compilePhrase(a, table)),
    })),
    misconceptions: (question.misconceptions ?? []).map((m) => ({
      note: m.note,
      phrases: m.accept.map((a) => compilePhrase(a, table)),
    })),
  };
}

/**
 * Grades an open answer against its key points.
 * Suggested rating: every point and no misconception → Good (Easy when fast); at least half the
 * points → Hard; fewer → Again. A misconception lowers the suggestion one step (never below Again).
 */
export function gradeOpen(question: Question, compiled: CompiledOpen, answer: string, seconds: number): Grade {
  const tokens = tokenize(answer);
  const points: KeyPointResult[] = compiled.points.map(({ point, phrases }) => {
    const found = phrases.find((p) => findPhrase(tokens, p) >= 0);
    return found ? { point, hit: true, matched: found.text } : { point, hit: false };
  });
  const misconceptions: MisconceptionResult[] = [];
  for (const m of compiled.misconceptions) {
    const found = m.phrases.find((p) => findPhrase(tokens, p) >= 0);
    if (found) misconceptions.push({ note: m.note, matched: found.text });
  }
  const hits = points.filter((p) => p.hit).length;
  const total = points.length;
  let suggested: RatingValue =
    hits === total && total > 0 ? goodOrEasy(question, seconds) : hits * 2 >= total && hits > 0 ? 2 : 1;
  if (misconceptions.length) suggested = Math.max(1, Math.min(suggested, 3) - 1) as RatingValue;
  return {
    kind: 'open',
    correct: hits === total && total > 0 && misconceptions.length === 0,
    points,
    hits,
    misconceptions,
    empty: tokens.length === 0,
    suggested,
  };
}
