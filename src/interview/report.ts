import type { Attempt } from '../rehearsal/types.js';
import type { StoredCard } from '../quiz/types.js';
import { cardOf } from '../quiz/cards.js';
import type { InterviewAnswer } from './types.js';
import { ANSWER_GUIDE, bandOf, DEFAULT_ANSWER_SECONDS, DEFAULT_BAND, type AnswerBand } from './state.js';

export interface InterviewReport {
  pitch: {
    totalSeconds: number;
    targetSeconds: number;
    deltaSeconds: number;
    personalBest: number | null;
    kind: Attempt['kind'];
    /** Too fast to be real (rehearsal/plausibility.ts): its time says nothing. */
    suspect: boolean;
  } | null;
  answers: Array<{
    topic: string;
    prompt: string;
    seconds: number | null;
    band: 'short' | 'good' | 'long' | null;
    covered: number;
    keyPoints: number;
    missed: string[];
    rating: InterviewAnswer['rating'];
    /** Seconds of the earlier takes started over with `r`, oldest first. */
    retries: number[];
    /** From the recording, when the answer was recorded. */
    speech: { speechSeconds: number; longestPauseSeconds: number; pauses: number } | null;
  }>;
  /** Share of all key points covered, in [0, 1], or null with no answered question. */
  coverage: number | null;
  /** The topic with the lowest coverage (then the lowest ratings): what to drill next. */
  weakestTopic: string | null;
  /** Earliest next review among the cards asked. */
  nextDue: string | null;
  /** What each answer was judged against: the answer clock (too short under 40 % of it, too long past it). */
  answerBand: AnswerBand;
  /** The usual 45–120 s guide, shown only with the default clock. */
  guide: AnswerBand | null;
}

/** Answered questions and key points covered: the one count the report and `pitch history` both show. Pure. */
export function countInterview(answers: readonly InterviewAnswer[]): {
  questions: number;
  answered: number;
  covered: number;
  keyPoints: number;
} {
  const answered = answers.filter((a) => a.rating !== null);
  return {
    questions: answers.length,
    answered: answered.length,
    covered: answered.reduce((n, a) => n + a.covered.filter(Boolean).length, 0),
    keyPoints: answered.reduce((n, a) => n + a.keyPoints.length, 0),
  };
}

/** The end-of-interview report, from the pitch attempt, the answers and the cards after their update. Pure. */
export function buildInterviewReport(
  pitch: Attempt | null,
  personalBest: number | null,
  answers: readonly InterviewAnswer[],
  cards: Readonly<Record<string, StoredCard>>,
  band: AnswerBand = DEFAULT_BAND,
): InterviewReport {
  const answered = answers.filter((a) => a.rating !== null);
  const rows = answers.map((a) => ({
    topic: a.topic,
    prompt: a.prompt,
    seconds: a.seconds,
    band: bandOf(a.seconds, band),
    covered: a.covered.filter(Boolean).length,
    keyPoints: a.keyPoints.length,
    missed: a.keyPoints.filter((_, i) => !a.covered[i]),
    rating: a.rating,
    speech: speechOf(a.speech),
    retries: (a.retries ?? []).map((r) => r.seconds),
  }));
  const { keyPoints: totalPoints, covered: coveredPoints } = countInterview(answers);

  const byTopic = new Map<string, { covered: number; points: number; ratings: number[] }>();
  for (const a of answered) {
    const t = byTopic.get(a.topic) ?? { covered: 0, points: 0, ratings: [] };
    t.covered += a.covered.filter(Boolean).length;
    t.points += a.keyPoints.length;
    t.ratings.push(a.rating!);
    byTopic.set(a.topic, t);
  }
  const score = (t: { covered: number; points: number; ratings: number[] }) => [
    t.points ? t.covered / t.points : 1,
    t.ratings.reduce((x, y) => x + y, 0) / t.ratings.length,
  ];
  const weakest = [...byTopic.entries()].sort((x, y) => {
    const [a1, a2] = score(x[1]);
    const [b1, b2] = score(y[1]);
    return a1! - b1! || a2! - b2! || x[0].localeCompare(y[0]);
  })[0];
  const dues = answered
    .map((a) => cardOf(cards, a.questionId)?.due)
    .filter((d): d is string => Boolean(d))
    .sort();

  return {
    pitch: pitch
      ? {
          totalSeconds: pitch.totalSeconds,
          targetSeconds: pitch.targetSeconds,
          deltaSeconds: Math.round((pitch.totalSeconds - pitch.targetSeconds) * 10) / 10,
          personalBest,
          kind: pitch.kind,
          suspect: Boolean(pitch.suspect),
        }
      : null,
    answers: rows,
    coverage: totalPoints ? coveredPoints / totalPoints : null,
    weakestTopic: weakest ? weakest[0] : null,
    nextDue: dues[0] ?? null,
    answerBand: band,
    guide: band.max === DEFAULT_ANSWER_SECONDS ? ANSWER_GUIDE : null,
  };
}

/** The few speech figures the report shows, read defensively from what the recording analysis stored. */
function speechOf(speech: Record<string, unknown> | undefined): InterviewReport['answers'][number]['speech'] {
  if (!speech || typeof speech.speechSeconds !== 'number') return null;
  const counts = speech.pauseCounts as { atLeast300ms?: unknown } | undefined;
  return {
    speechSeconds: speech.speechSeconds,
    longestPauseSeconds: typeof speech.longestPauseSeconds === 'number' ? speech.longestPauseSeconds : 0,
    pauses: typeof counts?.atLeast300ms === 'number' ? counts.atLeast300ms : 0,
  };
}
