import { resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { usageError } from '../../core/errors.js';
import { cardsSpec, historySpec } from '../../store/documents.js';
import { attemptsCsv, reviewsCsv, splitsCsv } from '../../stats/csv.js';
import { writeExportSet } from '../../store/export.js';
import { sanitizeLine } from '../../ui/sanitize.js';

/** `pitch export --csv DIR`: attempts, splits and reviews as three CSV files for a spreadsheet. */
export async function exportCommand(ctx: AppContext, opts: { csv?: string }): Promise<void> {
  if (opts.csv === undefined || !opts.csv.trim())
    throw usageError('export.missingFormat', {}, 'export.missingFormatHint');
  const dir = resolve(opts.csv);
  const store = await ctx.store();
  const history = store.read(historySpec);
  const cards = store.read(cardsSpec);
  const files: Array<[name: string, content: string, rows: number]> = [
    ['attempts.csv', attemptsCsv(history.rehearsals), history.rehearsals.length],
    ['splits.csv', splitsCsv(history.rehearsals), history.rehearsals.reduce((n, a) => n + a.splits.length, 0)],
    ['reviews.csv', reviewsCsv(cards.reviews), cards.reviews.length],
  ];
  writeExportSet(
    dir,
    files.map(([name, content]) => [name, content]),
  );
  const { t, chalk } = ctx;
  ctx.print(
    [
      chalk.green(t('export.done', { count: files.length, dir: sanitizeLine(dir) })),
      ...files.map(([name, , rows]) => `  ${t('export.file', { file: name.padEnd(12), rows })}`),
    ].join('\n'),
  );
}
