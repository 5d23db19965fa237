import { resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { usageError } from '../../core/errors.js';
import { cardsSpec, historySpec } from '../../store/documents.js';
import { attemptsCsv, csvFormat, interviewsCsv, reviewsCsv, splitsCsv } from '../../stats/csv.js';
import { writeExportSet } from '../../store/export.js';
import { sanitizeLine } from '../../ui/sanitize.js';

/** The separator a user typed: one character (not a quote or a line break), or « tab ». */
export function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if ([...d].length !== 1 || /["\r\n]/.test(d) || /[\p{L}\p{N}]/u.test(d))
    throw usageError('export.badDelimiter', { value }, 'export.badDelimiterHint');
  return d;
}

/**
 * `pitch export --csv DIR`: attempts, splits, reviews and mock-interview answers as four CSV files for a
 * spreadsheet, in the UI language's CSV conventions (« ; » and « 1,5 » in French) unless --delimiter says otherwise.
 */
export async function exportCommand(ctx: AppContext, opts: { csv?: string; delimiter?: string }): Promise<void> {
  if (opts.csv === undefined || !opts.csv.trim())
    throw usageError('export.missingFormat', {}, 'export.missingFormatHint');
  const format = csvFormat(ctx.lang, parseDelimiter(opts.delimiter));
  const dir = resolve(opts.csv);
  const store = await ctx.store();
  const history = store.read(historySpec);
  const cards = store.read(cardsSpec);
  const files: Array<[name: string, content: string, rows: number]> = [
    ['attempts.csv', attemptsCsv(history.rehearsals, format), history.rehearsals.length],
    ['splits.csv', splitsCsv(history.rehearsals, format), history.rehearsals.reduce((n, a) => n + a.splits.length, 0)],
    ['reviews.csv', reviewsCsv(cards.reviews, format), cards.reviews.length],
    [
      'interviews.csv',
      interviewsCsv(history.interviews, format),
      history.interviews.reduce((n, i) => n + i.answers.length, 0),
    ],
  ];
  writeExportSet(
    dir,
    files.map(([name, content]) => [name, content]),
  );
  const { t, chalk } = ctx;
  ctx.print(
    [
      chalk.green(t('export.done', { count: files.length, dir: sanitizeLine(dir) })),
      ...files.map(([name, , rows]) => `  ${t('export.file', { file: name.padEnd(14), rows })}`),
    ].join('\n'),
  );
}
