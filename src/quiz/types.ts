import type { MessageKey, Params } from '../i18n/index.js';

/** The kinds of question a pack can hold. */
export type QuestionKind = 'mcq' | 'open' | 'flash' | 'cloze';
export const QUESTION_KINDS: readonly QuestionKind[] = ['mcq', 'open', 'flash', 'cloze'];

/** `--mode`: one kind, or every kind. */
export type QuizMode = QuestionKind | 'mixed';
export const QUIZ_MODES: readonly QuizMode[] = ['mixed', 'mcq', 'open', 'flash', 'cloze'];

/** A point an open answer should make, with the short phrasings that count as making it. */
export interface KeyPoint {
  point: string;
  accept: string[];
  /** What the claim is about (and its other names): a phrasing counts only in a clause about it. */
  about?: string[] | undefined;
  /** Phrasings that state the opposite: found in the answer, they cancel the point and are shown. */
  contradicts?: string[] | undefined;
}

/** Phrasings that reveal a wrong idea, and the note that corrects it. */
export interface Misconception {
  accept: string[];
  note: string;
}

export interface Question {
  /** Stable forever: progress is keyed by it, so editing the text never loses it. */
  id: string;
  topic: string;
  kind: QuestionKind;
  difficulty: 1 | 2 | 3;
  subject?: string | undefined;
  prompt: string;
  options?: string[] | undefined;
  /** mcq: the right option texts; cloze: the expected text first, then other accepted answers. */
  answers?: string[] | undefined;
  keyPoints?: KeyPoint[] | undefined;
  misconceptions?: Misconception[] | undefined;
  modelAnswer?: string | undefined;
  explanation?: string | undefined;
  source?: string | undefined;
  /** When and against what the question was last checked: "2026-11 Argo Workflows 3.7". */
  checked?: string | undefined;
  /** The pitch section a follow-up question is about ("2.3.1"). */
  pitchRef?: string | undefined;
  /** Where the answer can be read again, for generated cards ("§ 1 Pitch court"). */
  where?: string | undefined;
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

/** A pack file handed to the loader: the loader never touches the disk. */
export interface PackSource {
  /** What messages call it: "argo.yaml", "mybank/argo.yaml". */
  name: string;
  text: string;
}

/** One problem found in a pack, with the line it is on; the message is a key, rendered in the user's language. */
export interface PackIssue {
  file: string;
  line: number;
  questionId?: string | undefined;
  key: MessageKey;
  params: Params;
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

/** One rating given to one question, kept in cards.json's review log. */
export interface ReviewLogEntry {
  questionId: string;
  topic: string;
  kind: QuestionKind;
  rating: RatingValue;
  /** The card's state before the review (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  reviewedAt: string;
  /** Days since the previous review of this card (0 for a new card). */
  elapsedDays?: number | undefined;
  /** Seconds spent answering. */
  seconds: number;
  /** The quiz session that gave the rating. */
  session?: string | undefined;
  cram: boolean;
}

/** One question of a session as kept in history. */
export interface SessionReviewRecord {
  questionId: string;
  topic: string;
  kind?: QuestionKind | undefined;
  rating: RatingValue;
  /** Whether the answer was right; null for flash cards, which are only self-rated. */
  correct: boolean | null;
  seconds: number;
  /** Key points an open answer missed. */
  missed?: string[] | undefined;
}

export interface QuizSessionRecord {
  id: string;
  startedAt: string;
  endedAt: string;
  topics: string[];
  mode: string;
  cram: boolean;
  interrupted: boolean;
  reviews: SessionReviewRecord[];
}

/** The topic made from the user's own pitch (here rather than in pack.ts: naming it does not load the pack reader). */
export const PITCH_TOPIC = 'pitch';
