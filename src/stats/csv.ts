import type { Attempt } from '../rehearsal/types.js';
import type { ReviewLogEntry } from '../quiz/types.js';
import type { InterviewRecord } from '../interview/types.js';

/**
 * CSV for spreadsheets (RFC 4180 shape): CRLF line ends, a header row, fields quoted when they hold
 * the separator, a quote or a line break, dates as ISO 8601 UTC. Separator and decimal mark follow the
 * locale, as spreadsheets expect when they open a file: a French one splits on « ; » and reads « 1,5 »,
 * an English one splits on « , » and reads « 1.5 » (csvFormat). The files start with a UTF-8
 * byte-order mark, without which Excel reads « répétition » as mojibake.
 */
export const CSV_BOM = '\uFEFF';

export interface CsvFormat {
  delimiter: string;
  decimal: '.' | ',';
}

export const CSV_EN: CsvFormat = { delimiter: ',', decimal: '.' };
export const CSV_FR: CsvFormat = { delimiter: ';', decimal: ',' };

/** The format for a language, the separator possibly overridden (a comma separator forces the decimal point). */
export function csvFormat(lang: 'fr' | 'en', delimiter?: string): CsvFormat {
  const base = lang === 'fr' ? CSV_FR : CSV_EN;
  if (delimiter === undefined) return base;
  return { delimiter, decimal: delimiter === ',' ? '.' : base.decimal };
}

type Cell = string | number | boolean | null | undefined;

/** Text cells from the user's own files: a leading = + - @ would make a spreadsheet run a formula. */
export function textCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function formatCell(value: Cell, format: CsvFormat): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return format.decimal === ',' ? text.replace('.', ',') : text;
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const special = value.includes(format.delimiter) || /["\r\n]/.test(value);
  return special ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV document: the header, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, format: CsvFormat = CSV_EN): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => formatCell(c, format)).join(format.delimiter);
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** An ISO 8601 UTC date for a stored date, or the stored text as it is when it is not a date. */
export function isoDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : value;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export const ATTEMPT_COLUMNS = [
  'id',
  'started_at',
  'section_id',
  'section_title',
  'kind',
  'target_seconds',
  'total_seconds',
  'delta_seconds',
  'splits_timed',
  'splits_total',
  'prompt_level',
  'words',
  'words_per_minute',
  'longest_pause_seconds',
] as const;

export function attemptsCsv(attempts: readonly Attempt[], format: CsvFormat = CSV_EN): string {
  return toCsv(
    ATTEMPT_COLUMNS,
    attempts.map((a) => {
      const speech = a.speech && typeof a.speech === 'object' ? a.speech : {};
      return [
        textCell(a.id),
        isoDate(a.startedAt),
        textCell(a.sectionId),
        textCell(a.sectionTitle),
        a.kind,
        num(a.targetSeconds),
        num(a.totalSeconds),
        round1(a.totalSeconds - a.targetSeconds),
        a.splits.filter((s) => s.seconds !== null).length,
        a.splits.length,
        a.promptLevel,
        num(a.words),
        num(speech.wordsPerMinute),
        num(speech.longestPauseSeconds),
      ];
    }),
    format,
  );
}

export const SPLIT_COLUMNS = [
  'attempt_id',
  'started_at',
  'section_id',
  'kind',
  'split_number',
  'split_key',
  'split_title',
  'budget_seconds',
  'seconds',
  'delta_seconds',
  'words',
] as const;

export function splitsCsv(attempts: readonly Attempt[], format: CsvFormat = CSV_EN): string {
  return toCsv(
    SPLIT_COLUMNS,
    attempts.flatMap((a) =>
      a.splits.map((s, i) => [
        textCell(a.id),
        isoDate(a.startedAt),
        textCell(a.sectionId),
        a.kind,
        i + 1,
        textCell(s.key),
        textCell(s.title),
        num(s.budgetSeconds),
        num(s.seconds),
        typeof s.seconds === 'number' ? round1(s.seconds - s.budgetSeconds) : null,
        num(s.words),
      ]),
    ),
    format,
  );
}

const RATING_NAMES = ['', 'again', 'hard', 'good', 'easy'];
const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];

export const REVIEW_COLUMNS = [
  'reviewed_at',
  'question_id',
  'topic',
  'kind',
  'rating',
  'rating_name',
  'state_before',
  'elapsed_days',
  'seconds',
  'cram',
  'session',
] as const;

export function reviewsCsv(reviews: readonly ReviewLogEntry[], format: CsvFormat = CSV_EN): string {
  return toCsv(
    REVIEW_COLUMNS,
    reviews.map((r) => [
      isoDate(r.reviewedAt),
      textCell(r.questionId),
      textCell(r.topic),
      textCell(r.kind),
      num(r.rating),
      RATING_NAMES[r.rating] ?? '',
      STATE_NAMES[r.state] ?? '',
      num(r.elapsedDays),
      num(r.seconds),
      Boolean(r.cram),
      textCell(r.session),
    ]),
    format,
  );
}

export const INTERVIEW_COLUMNS = [
  'interview_started_at',
  'question_number',
  'question_id',
  'topic',
  'seconds',
  'key_points_covered',
  'key_points_total',
  'rating',
  'rating_name',
] as const;

/** One row per answer of every mock interview; an answer the interview stopped before has empty figures. */
export function interviewsCsv(interviews: readonly InterviewRecord[], format: CsvFormat = CSV_EN): string {
  return toCsv(
    INTERVIEW_COLUMNS,
    interviews.flatMap((interview) =>
      interview.answers.map((a, i) => [
        isoDate(interview.startedAt),
        i + 1,
        textCell(a.questionId),
        textCell(a.topic),
        num(a.seconds),
        a.rating === null ? null : a.covered.filter(Boolean).length,
        a.rating === null ? null : a.keyPoints.length,
        num(a.rating),
        a.rating === null ? '' : (RATING_NAMES[a.rating] ?? ''),
      ]),
    ),
    format,
  );
}
