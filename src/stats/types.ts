/**
 * What `pitch stats` computes, exactly as `--json` prints it. Seconds are rounded to tenths,
 * shares to thousandths, days are local calendar dates ("2026-11-26"), instants ISO strings.
 */

/** The narrowing asked for on the command line, echoed so a saved JSON says what it covers. */
export interface StatsFilters {
  /** First local day included, or null for everything. */
  since: string | null;
  section: string | null;
  topics: string[] | null;
}

/** Days in a row with at least one rehearsal (or review). The current streak survives until today ends. */
export interface Streak {
  current: number;
  longest: number;
  /** Last day with activity. */
  lastDay: string | null;
}

export interface RunPoint {
  at: string;
  day: string;
  totalSeconds: number;
}

export interface SplitStats {
  key: string;
  title: string;
  budgetSeconds: number;
  /** Best time said in a run that counts (as for best segments). */
  best: number | null;
  median: number | null;
  last: number | null;
  /** Median minus budget: what this split typically costs over (positive) or under its budget. */
  overBudgetSeconds: number | null;
  /** Runs in which this split was timed. */
  timed: number;
}

/** One section rehearsed at one target time (a 2-minute and a 3-minute version are different races). */
export interface SectionStats {
  id: string;
  /** The pitch file rehearsed (null for records saved before pitch identities). */
  pitchFile: string | null;
  /** Holds attempts saved without a pitch file (older records, counted as the bundled pitch's). */
  legacyRecords: boolean;
  title: string;
  targetSeconds: number;
  count: number;
  /** Complete and credible: the runs that feed records, medians and charts. */
  completed: number;
  /** Complete but implausibly fast (rehearsal/plausibility.ts): kept apart. */
  suspect: number;
  practice: number;
  incomplete: number;
  aborted: number;
  /** Fastest complete, credible run; practice, stopped and suspect runs never count. */
  personalBest: number | null;
  personalBestAt: string | null;
  sumOfBest: number | null;
  /** Last and median total of complete runs. */
  last: number | null;
  median: number | null;
  /** Complete runs, oldest first: the line chart. */
  runs: RunPoint[];
  splits: SplitStats[];
  /** Key of the split whose median is furthest over its budget, if any is over. */
  costliestSplit: string | null;
}

export interface RehearsalStats {
  count: number;
  /** Complete and credible runs; suspect ones are counted apart. */
  completed: number;
  suspect: number;
  practice: number;
  incomplete: number;
  aborted: number;
  /**
   * Personal best per section id rehearsed: the fastest complete, credible run over every target it was
   * rehearsed at, in the pitch file rehearsed last with that section (never another file's); null when none.
   */
  best: Record<string, number | null>;
  /** Personal best per pitch file ('' for records without one) and section id. */
  bestByPitch: Record<string, Record<string, number | null>>;
  /** Distinct pitch files among the sections rehearsed (the text names the pitch when there are several). */
  pitchFiles: number;
  /** Distinct days with a rehearsal. */
  days: number;
  streak: Streak;
  /** Most recently rehearsed first. */
  sections: SectionStats[];
}

export interface SpeechPoint {
  at: string;
  day: string;
  sectionId: string;
  /** The language of the pitch rehearsed, whose pace band judged this attempt (fr when unknown). */
  lang: 'fr' | 'en';
  /** Words per minute within that band; null when not measured. */
  inBand: boolean | null;
  wordsPerMinute: number | null;
  longestPauseSeconds: number | null;
  /** F0 range (P10–P90, semitones) of the recording; null before voice v2 or without voiced speech. */
  rangeSemitones: number | null;
  /** Syllables a second over the spoken span, measured from the recording. */
  syllablesPerSecond: number | null;
}

export interface SpeechStats {
  /** Attempts with voice measurements. */
  recorded: number;
  /** The pace band of the latest measured attempt's pitch language (`lang`). */
  band: { min: number; max: number };
  lang: 'fr' | 'en';
  /** Per pitch language: its band and how many measured attempts fell within it. */
  bands: Partial<Record<'fr' | 'en', { min: number; max: number; measured: number; inBand: number }>>;
  /** Measured attempts whose pitch language could not be read (judged against the French band). */
  unknownLang: number;
  /** inBand: attempts within the band of their own pitch's language. */
  wordsPerMinute: { median: number | null; last: number | null; measured: number; inBand: number };
  longestPauseSeconds: { median: number | null; last: number | null; max: number | null };
  rangeSemitones: { median: number | null; last: number | null; measured: number };
  syllablesPerSecond: { median: number | null; last: number | null; measured: number };
  runs: SpeechPoint[];
}

export interface TopicStats {
  title: string;
  questions: number;
  new: number;
  /** Learning and relearning. */
  learning: number;
  review: number;
  reviews: number;
  /** Share of reviews of cards in review not rated Again (cram excluded); null without such reviews. */
  retention: number | null;
  retentionReviews: number;
}

export interface WeakQuestion {
  id: string;
  topic: string;
  prompt: string | null;
  lapses: number;
  /** Times rated Again (in the period). */
  again: number;
}

export interface QuizStats {
  reviews: number;
  sessions: number;
  /** Distinct days with a review. */
  daysStudied: number;
  streak: Streak;
  retention: number | null;
  retentionReviews: number;
  /** Reviews per day over the last 12 weeks (Monday-based weeks); null for days before --since. */
  calendar: { from: string; to: string; days: Array<{ date: string; reviews: number | null }> };
  topics: Record<string, TopicStats>;
  /** Cards due on each of the next 7 days; today's count includes every overdue card. */
  forecast: Array<{ date: string; due: number }>;
  /** Cards due right now. */
  dueNow: number;
  weakest: WeakQuestion[];
}

export interface StatsReport {
  generatedAt: string;
  timeZone: string;
  today: string;
  filters: StatsFilters;
  /** null when the view was narrowed to the quiz (--topic without --section). */
  rehearsals: RehearsalStats | null;
  speech: SpeechStats | null;
  /** null when the view was narrowed to rehearsals (--section without --topic). */
  quiz: QuizStats | null;
  /** Mock interviews, once history has them. */
  interviews: { count: number } | null;
}
