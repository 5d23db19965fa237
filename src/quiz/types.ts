/** The kinds of question a pack can hold. */
export type QuestionKind = 'mcq' | 'open' | 'flash' | 'cloze';
export const QUESTION_KINDS: readonly QuestionKind[] = ['mcq', 'open', 'flash', 'cloze'];

export interface KeyPoint {
  point: string;
  accept: string[];
}

export interface Misconception {
  accept: string[];
  note: string;
}

export interface Question {
  id: string;
  topic: string;
  kind: QuestionKind;
  difficulty: 1 | 2 | 3;
  subject?: string | undefined;
  prompt: string;
  options?: string[] | undefined;
  /** mcq: right option texts; cloze: the expected text first, then other accepted answers. */
  answers?: string[] | undefined;
  keyPoints?: KeyPoint[] | undefined;
  misconceptions?: Misconception[] | undefined;
  modelAnswer?: string | undefined;
  explanation?: string | undefined;
  source?: string | undefined;
  /** Where it was defined, for messages: "spark.yaml:42". */
  origin: string;
}

export interface Topic {
  id: string;
  title: string;
  aliases: string[];
  /** Groups of words the grader treats as the same word. */
  synonyms: string[][];
  questions: Question[];
}

/** 1 Again, 2 Hard, 3 Good, 4 Easy (FSRS ratings). */
export type RatingValue = 1 | 2 | 3 | 4;

/** A card's FSRS state as stored (dates as ISO strings). */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string | undefined;
}

/** One rating given to one question. */
export interface ReviewLogEntry {
  questionId: string;
  topic: string;
  kind: QuestionKind;
  rating: RatingValue;
  /** The card's state before the review (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  reviewedAt: string;
  /** Seconds spent answering. */
  seconds: number;
  cram: boolean;
}

export interface QuizSessionRecord {
  id: string;
  startedAt: string;
  endedAt: string;
  topics: string[];
  mode: string;
  cram: boolean;
  interrupted: boolean;
  reviews: Array<{ questionId: string; topic: string; rating: RatingValue; correct: boolean | null; seconds: number }>;
}
