import type { Attempt } from '../rehearsal/types.js';
import type { StoredCard } from '../quiz/types.js';
import type { DayClock } from './days.js';
import { dayToIso } from './days.js';
import type { ReviewTable } from './review-table.js';
import { computeQuizStats, type QuizTopicInfo, quizReport, type SessionInfo } from './quiz.js';
import {
  type Attempts,
  computeRehearsalStats,
  computeSpeechStats,
  rehearsalReport,
  speechReport,
} from './rehearsals.js';
import type { StatsSummary } from './summary.js';
import { type AttemptTable, attemptTable, selectRows } from './history-table.js';
import type { StatsReport } from './types.js';
import type { PitchLang } from '../pitch/language.js';

/** Everything statistics are computed from: plain data, the clock and the time zone injected. */
export interface StatsInput<A extends Attempts = readonly Attempt[]> {
  now: Date;
  clock: DayClock;
  /** A table (stats/history-table.ts) or a plain list of attempts. */
  attempts: A;
  reviews: ReviewTable;
  cards: Readonly<Record<string, StoredCard>>;
  topics: readonly QuizTopicInfo[];
  sessions: readonly SessionInfo[];
  /** history.interviews when the document has that list (the mock-interview feature), else null. */
  interviews: readonly unknown[] | null;
  sinceDay: number | null;
  /** A section id: only its rehearsals. */
  sectionId: string | null;
  /** Topic ids: only their cards and reviews. */
  topicIds: readonly string[] | null;
  /** The language of each pitch file rehearsed, when the shell could read it ('' or legacy: see legacyPitchFile). */
  pitchLangs?: Readonly<Record<string, PitchLang>> | undefined;
  /** The resolved path of the bundled pitch, which records without a pitchFile belong to. */
  legacyPitchFile?: string | null | undefined;
}

/**
 * Which parts a narrowed view shows: --section is about rehearsals and --topic about the quiz, so
 * either alone shows only its part; both, or neither, show everything.
 */
export function partsShown(
  sectionId: string | null,
  topicIds: readonly string[] | null,
): { rehearsals: boolean; quiz: boolean } {
  const section = sectionId !== null;
  const topic = topicIds !== null;
  return { rehearsals: section || !topic, quiz: topic || !section };
}

/** The whole `pitch stats` report. Pure. */
export function computeStats(input: StatsInput<Attempts>): StatsReport {
  const { now, clock, sinceDay, sectionId, topicIds } = input;
  const today = clock.dayOf(now.getTime());
  const parts = partsShown(sectionId, topicIds);
  const attempts = sectionId === null ? input.attempts : ofSection(input.attempts, sectionId);
  return {
    generatedAt: now.toISOString(),
    timeZone: clock.timeZone,
    today: dayToIso(today),
    filters: {
      since: sinceDay === null ? null : dayToIso(sinceDay),
      section: sectionId,
      topics: topicIds ? [...topicIds] : null,
    },
    rehearsals: parts.rehearsals
      ? computeRehearsalStats(attempts, { clock, today, sinceDay, legacyPitchFile: input.legacyPitchFile })
      : null,
    speech: parts.rehearsals ? computeSpeechStats(attempts, clock, sinceDay, pitchLangOf(input)) : null,
    quiz: parts.quiz
      ? computeQuizStats(input.reviews, input.cards, input.topics, input.sessions, {
          now,
          clock,
          today,
          sinceDay,
          topicIds,
        })
      : null,
    interviews:
      input.interviews && parts.rehearsals && parts.quiz
        ? { count: countInterviews(input.interviews, clock, sinceDay) }
        : null,
  };
}

/** What the unnarrowed report reads besides the summary: the clock, today's card states, the bank, pitch languages. */
export type SummaryInput = Pick<StatsInput, 'now' | 'clock' | 'cards' | 'topics' | 'pitchLangs' | 'legacyPitchFile'>;

/**
 * The whole `pitch stats` report without --since, --section or --topic, from statistics' summary
 * (stats/summary.ts): the same report as computeStats over every attempt and review.
 */
export function summaryReport(summary: StatsSummary, input: SummaryInput): StatsReport {
  const { now, clock } = input;
  const today = clock.dayOf(now.getTime());
  const rehearsals = summary.rehearsals;
  return {
    generatedAt: now.toISOString(),
    timeZone: clock.timeZone,
    today: dayToIso(today),
    filters: { since: null, section: null, topics: null },
    rehearsals: rehearsalReport(rehearsals, today, rehearsals.days),
    speech: speechReport(rehearsals.speech, pitchLangOf(input)),
    quiz: quizReport(summary.quiz, input.cards, input.topics, summary.sessions, {
      now,
      clock,
      today,
      sinceDay: null,
      topicIds: null,
    }),
    interviews: { count: summary.interviews },
  };
}

/** A pitch file's language from the shell's map; records without a file are the legacy (bundled) pitch's. */
function pitchLangOf(input: Pick<StatsInput, 'pitchLangs' | 'legacyPitchFile'>) {
  const langs = input.pitchLangs ?? {};
  return (file: string | null): PitchLang | null => {
    const key = file ?? input.legacyPitchFile ?? null;
    return key !== null && Object.hasOwn(langs, key) ? langs[key]! : null;
  };
}

/** Interviews in the period; their shape is not settled yet, so the date is looked for defensively. */
function countInterviews(items: readonly unknown[], clock: DayClock, sinceDay: number | null): number {
  if (sinceDay === null) return items.length;
  let n = 0;
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const when = record.startedAt ?? record.at ?? record.date;
    if (typeof when === 'string' && clock.dayOf(Date.parse(when)) >= sinceDay) n++;
  }
  return n;
}

/** The attempts of one section. */
function ofSection(attempts: Attempts, sectionId: string): AttemptTable {
  const t = Array.isArray(attempts) ? attemptTable(attempts) : (attempts as AttemptTable);
  const section = t.strings.indexOf(sectionId);
  return selectRows(t, (r) => t.section[r] === section);
}
