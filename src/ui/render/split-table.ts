import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { Comparison, SplitRow } from '../../rehearsal/columns.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, padStart, truncate } from '../text-layout.js';

export interface SplitTableOptions {
  comparison: Comparison;
  /** Number of the first row's split in the whole plan (1 unless --from/--only). */
  firstNumber: number;
  width: number;
  /** Live screen: a ✓ / – / ▶ marker before each row and blank cells for splits still to come. */
  live: boolean;
  /** Row to print in bold (the split to work on). */
  highlight?: number | null | undefined;
  t: Translate;
  chalk: ChalkInstance;
}

/** LiveSplit's four delta colours, gold for a best segment, blue for personal-best pace. */
export function paceColors(chalk: ChalkInstance) {
  return {
    aheadGaining: chalk.hex('#00cc36'),
    aheadLosing: chalk.hex('#52cc73'),
    behindGaining: chalk.hex('#cc5c52'),
    behindLosing: chalk.hex('#cc1200'),
    gold: chalk.hex('#ffd500'),
    pb: chalk.hex('#16a6ff'),
  };
}

/** Colour of a cumulative delta (negative = ahead), given the previous one (gaining = it went down). */
export function deltaColor(chalk: ChalkInstance, delta: number, previous: number) {
  const c = paceColors(chalk);
  const gaining = delta < previous;
  if (delta <= 0) return gaining ? c.aheadGaining : c.aheadLosing;
  return gaining ? c.behindGaining : c.behindLosing;
}

export const signed = (seconds: number): string =>
  `${seconds > 0 ? '+' : seconds < 0 ? '−' : '±'}${formatClock(Math.abs(seconds), true)}`;

const COL = 9;
/** Narrowest title column worth keeping every value column for. */
const MIN_TITLE = 16;

/** The header and one line per split: Temps · Budget · ± budget · ± record (or ± cible) · Meilleur. */
export function renderSplitTable(rows: readonly SplitRow[], o: SplitTableOptions): string[] {
  const { t, chalk } = o;
  const colors = paceColors(chalk);
  const numW = String(o.firstNumber + rows.length - 1).length;
  const lead = (o.live ? 2 : 0) + numW + 2;
  // On a narrow terminal the last column (best segment) goes first, so titles keep room for words.
  const columns = o.width - lead - 5 * (COL + 1) >= MIN_TITLE ? 5 : 4;
  const titleW = Math.max(8, o.width - lead - columns * (COL + 1));
  const cells = (title: string, ...values: string[]) =>
    padEnd(title, titleW) +
    values
      .slice(0, columns)
      .map((v) => ' ' + padStart(v, COL))
      .join('');
  const header = chalk.dim(
    padEnd('', lead) +
      cells(
        t('live.split'),
        t('live.time'),
        t('live.budget'),
        t('live.segmentDelta'),
        t(o.comparison === 'pb' ? 'live.cumulativePb' : 'live.cumulativeTarget'),
        t('live.best'),
      ),
  );
  const lines = [header];
  let previous = 0;
  rows.forEach((r, i) => {
    const marker = !o.live
      ? ''
      : r.state === 'said'
        ? chalk.green('✓') + ' '
        : r.state === 'skipped'
          ? chalk.dim('–') + ' '
          : r.state === 'current'
            ? chalk.cyan('▶') + ' '
            : '  ';
    let time = '';
    if (r.segment !== null) {
      const text = formatClock(r.segment, true);
      time = r.gold ? colors.gold(text) : r.aheadOfPb ? colors.pb(text) : text;
    } else if (r.state === 'skipped') time = chalk.dim(t('summary.skipped'));
    else if (r.state === 'unreached' && !o.live) time = chalk.dim(t('summary.unreached'));
    const segDelta =
      r.segmentDelta === null ? '' : (r.segmentDelta > 0 ? chalk.red : chalk.green)(signed(r.segmentDelta));
    let cumDelta = '';
    if (r.cumulativeDelta !== null) {
      cumDelta = deltaColor(chalk, r.cumulativeDelta, previous)(signed(r.cumulativeDelta));
      if (r.state !== 'current') previous = r.cumulativeDelta;
    }
    const best =
      r.gold && r.segment !== null
        ? colors.gold(formatClock(r.segment, true))
        : r.best !== null
          ? formatClock(r.best, true)
          : '';
    const title = padEnd(truncate(sanitizeLine(r.title), titleW), titleW);
    lines.push(
      marker +
        padStart(String(o.firstNumber + i), numW) +
        '  ' +
        cells(
          i === o.highlight ? chalk.bold(title) : title,
          time,
          formatClock(r.budget, true),
          segDelta,
          cumDelta,
          best,
        ),
    );
  });
  return lines;
}
