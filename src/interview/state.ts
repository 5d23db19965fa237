import type { Question, RatingValue } from '../quiz/types.js';
import type { InterviewAnswer } from './types.js';

/**
 * The mock interview as a pure state machine: the pitch (timed by the rehearsal timer), then for each
 * question an answer clock (also the rehearsal timer, one split), key points ticked, a rating confirmed.
 * The shell runs each step's screen and feeds the results back here.
 */
export type InterviewPhase = 'pitch' | 'answer' | 'review' | 'rate' | 'done';

export interface InterviewState {
  phase: InterviewPhase;
  /** Question being asked (index into questions). */
  index: number;
  questions: readonly Question[];
  answers: InterviewAnswer[];
  pitchAttemptId: string | null;
  interrupted: boolean;
}

export function startInterview(questions: readonly Question[], withPitch: boolean): InterviewState {
  return {
    phase: withPitch ? 'pitch' : questions.length ? 'answer' : 'done',
    index: 0,
    questions,
    answers: questions.map((q) => ({
      questionId: q.id,
      topic: q.topic,
      prompt: q.prompt,
      seconds: null,
      keyPoints: (q.keyPoints ?? []).map((k) => k.point),
      covered: (q.keyPoints ?? []).map(() => false),
      suggested: null,
      rating: null,
    })),
    pitchAttemptId: null,
    interrupted: false,
  };
}

export function pitchDone(s: InterviewState, attemptId: string | null): InterviewState {
  if (s.phase !== 'pitch') return s;
  return { ...s, pitchAttemptId: attemptId, phase: s.questions.length ? 'answer' : 'done' };
}

export function answerDone(s: InterviewState, seconds: number): InterviewState {
  if (s.phase !== 'answer') return s;
  return {
    ...s,
    answers: replace(s.answers, s.index, { ...s.answers[s.index]!, seconds: Math.round(seconds * 10) / 10 }),
    phase: 'review',
  };
}

export function keyPointsTicked(
  s: InterviewState,
  covered: readonly boolean[],
  answerBand: AnswerBand = DEFAULT_BAND,
): InterviewState {
  if (s.phase !== 'review') return s;
  const answer = s.answers[s.index]!;
  const flags = answer.keyPoints.map((_, i) => Boolean(covered[i]));
  return {
    ...s,
    answers: replace(s.answers, s.index, {
      ...answer,
      covered: flags,
      suggested: suggestRating(flags, answer.seconds, answerBand),
    }),
    phase: 'rate',
  };
}

export function rated(s: InterviewState, rating: RatingValue): InterviewState {
  if (s.phase !== 'rate') return s;
  const answers = replace(s.answers, s.index, { ...s.answers[s.index]!, rating });
  const next = s.index + 1;
  return next < s.questions.length ? { ...s, answers, index: next, phase: 'answer' } : { ...s, answers, phase: 'done' };
}

/** Ctrl-C or a stop: what was finished stays, the rest is left unanswered. */
export function stopInterview(s: InterviewState): InterviewState {
  return s.phase === 'done' ? s : { ...s, phase: 'done', interrupted: true };
}

/** How long an answer may be: shorter than `min` is too short, longer than `max` too long (seconds). */
export interface AnswerBand {
  min: number;
  max: number;
}

/** The answer clock of `pitch interview` when --answer-time is not given. */
export const DEFAULT_ANSWER_SECONDS = 90;

/** Under this share of the answer clock an answer is too short: it cannot have covered much. */
export const SHORT_SHARE = 0.4;

/**
 * The band an answer is judged against follows the clock the user chose: too short under 40 % of it,
 * too long past it. With a 30 s clock a 20 s answer is the right length and a 36 s one too long.
 */
export function answerBand(answerSeconds: number): AnswerBand {
  return { min: Math.round(answerSeconds * SHORT_SHARE * 10) / 10, max: answerSeconds };
}

export const DEFAULT_BAND: AnswerBand = answerBand(DEFAULT_ANSWER_SECONDS);

/**
 * Interviewers' rule of thumb for a technical answer: 45 s to 2 min. Shown as a guide beside the default
 * clock only — with a clock of your own, your clock is the rule.
 */
export const ANSWER_GUIDE: AnswerBand = { min: 45, max: 120 };

export function bandOf(seconds: number | null, band: AnswerBand = DEFAULT_BAND): 'short' | 'good' | 'long' | null {
  if (seconds === null) return null;
  return seconds < band.min ? 'short' : seconds > band.max ? 'long' : 'good';
}

/**
 * Rating suggested by the key points covered: all of them → Good (Easy when the answer also kept to the
 * expected length), at least half → Hard, fewer → Again.
 */
export function suggestRating(
  covered: readonly boolean[],
  seconds: number | null,
  band: AnswerBand = DEFAULT_BAND,
): RatingValue {
  if (!covered.length) return 3;
  const share = covered.filter(Boolean).length / covered.length;
  if (share === 1) return bandOf(seconds, band) === 'good' ? 4 : 3;
  return share >= 0.5 ? 2 : 1;
}

function replace<T>(list: readonly T[], index: number, item: T): T[] {
  const out = [...list];
  out[index] = item;
  return out;
}
