/**
 * `pitch grade`: one answer graded exactly as the quiz grades it, reported in a stable shape so people
 * (and CI) can audit the grader. Pure: the command finds the question and reads the answer.
 */
import type { Question, RatingValue } from './types.js';
import { compileOpen, gradeCloze, gradeOpen, type Grade } from './grade.js';
import { compileSynonyms } from './match.js';
import type { DiffPart } from './cloze.js';

/** The `--json` shape, one per answer (and per line of `--batch`). */
export interface GradeReport {
  questionId: string;
  keyPoints: Array<{ text: string; covered: boolean; evidence: string | null }>;
  covered: number;
  total: number;
  /** 1–4, as the quiz suggests for an answer given without time pressure. */
  suggestedRating: RatingValue;
}

/** What the human view adds: contradictions found, whether the suggestion would be pre-selected, a diff. */
export interface GradeAudit {
  report: GradeReport;
  question: Question;
  contradictions: Array<{ about: string; evidence: string }>;
  sure: boolean;
  diff?: DiffPart[] | undefined;
}

/** Questions `pitch grade` can grade: the ones the quiz grades by itself. */
export const gradable = (question: Question): boolean => question.kind === 'open' || question.kind === 'cloze';

/** Grades one answer. No time pressure: a complete answer is suggested Good, never Easy for speed. */
export function auditAnswer(question: Question, synonyms: readonly (readonly string[])[], answer: string): GradeAudit {
  const unhurried = Number.POSITIVE_INFINITY;
  const grade: Grade =
    question.kind === 'cloze'
      ? gradeCloze(question, answer, unhurried, compileSynonyms(synonyms))
      : gradeOpen(question, compileOpen(question, synonyms), answer, unhurried);
  if (grade.kind === 'cloze') {
    return {
      question,
      report: {
        questionId: question.id,
        keyPoints: [{ text: grade.expected, covered: grade.correct, evidence: grade.correct ? answer.trim() : null }],
        covered: grade.correct ? 1 : 0,
        total: 1,
        suggestedRating: grade.correct ? 3 : 1,
      },
      contradictions: [],
      sure: true,
      diff: grade.diff,
    };
  }
  if (grade.kind !== 'open') throw new Error(`not gradable: ${question.kind}`);
  return {
    question,
    report: {
      questionId: question.id,
      keyPoints: grade.points.map((p) => ({ text: p.point, covered: p.hit, evidence: p.evidence ?? null })),
      covered: grade.hits,
      total: grade.points.length,
      suggestedRating: grade.suggested,
    },
    contradictions: [
      ...grade.points.flatMap((p) => (p.contradiction ? [{ about: p.point, evidence: p.contradiction.evidence }] : [])),
      ...grade.misconceptions.map((m) => ({ about: m.note, evidence: m.evidence ?? m.matched })),
    ],
    sure: grade.sure,
  };
}
