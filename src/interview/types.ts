import type { RatingValue } from '../quiz/types.js';

/** One question of a mock interview as kept in history. */
export interface InterviewAnswer {
  questionId: string;
  topic: string;
  prompt: string;
  /** Seconds spoken (null when the interview stopped before it). */
  seconds: number | null;
  keyPoints: string[];
  covered: boolean[];
  suggested: RatingValue | null;
  rating: RatingValue | null;
  /** Speech figures when the answer was recorded. */
  speech?: Record<string, unknown> | undefined;
  /** Earlier takes of this answer, started over with `r` (oldest first): kept, never rated. */
  retries?: Array<{ seconds: number; speech?: Record<string, unknown> | undefined }> | undefined;
}

/** A mock interview, saved to history.json `interviews`. */
export interface InterviewRecord {
  id: string;
  startedAt: string;
  endedAt: string;
  /** The rehearsal attempt id of the pitch part (also saved in `rehearsals`), or null if skipped. */
  pitchAttemptId: string | null;
  answerSeconds: number;
  answers: InterviewAnswer[];
  interrupted: boolean;
}
