import type { Attempt } from '../rehearsal/types.js';
import type { ReviewLogEntry } from '../quiz/types.js';

/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, a header row, fields quoted
 * when they hold a comma, a quote or a line break, dates as ISO 8601 UTC, decimals with a point.
 * The files start with a UTF-8 byte-order mark, without which Excel reads « répétition » as mojibake.
 */
export const CSV_BOM = '\uFEFF';

type Cell = string | number | boolean | null | undefined;

/** Text cells from the user's own files: a leading = + - @ would make a spreadsheet run a formula. */
export function textCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function formatCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV document: the header, then one line per row. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(formatCell).join(',')];
  for (const row of rows) lines.push(row.map(formatCell).join(','));
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

export function attemptsCsv(attempts: readonly Attempt[]): string {
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

export function splitsCsv(attempts: readonly Attempt[]): string {
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

export function reviewsCsv(reviews: readonly ReviewLogEntry[]): string {
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
  );
}
