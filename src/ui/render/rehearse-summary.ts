import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { RunSummary } from '../../rehearsal/summary.js';
import { formatClock } from '../../pitch/duration.js';
import { PACE_BAND } from '../../pitch/words.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, padStart, truncate } from '../text-layout.js';
import { deltaColor, paceColors, signed } from './live-view.js';

export interface SummaryContext {
  sectionTitle: string;
  /** How to name the section on a command line (number or id), for the "work on" hint. */
  sectionRef: string;
  /** Number of the first rehearsed split in the whole plan. */
  firstNumber: number;
  width: number;
  t: Translate;
  chalk: ChalkInstance;
}

/** The end-of-run screen: honest numbers, what improved, and the one thing to work on next. */
export function renderRunSummary(s: RunSummary, c: SummaryContext): string {
  const { t, chalk } = c;
  const colors = paceColors(chalk);
  const lines: string[] = [chalk.bold(t('summary.title', { section: sanitizeLine(c.sectionTitle) })), ''];
  if (s.kind === 'incomplete') lines.push(chalk.yellow(t('summary.kind.incomplete')));
  if (s.kind === 'aborted') lines.push(chalk.yellow(t('summary.kind.aborted')));

  const over = s.deltaSeconds > 0;
  lines.push(
    `${t('summary.total')}${t('punct.colon')}${chalk.bold(formatClock(s.totalSeconds, true))}  ` +
      (over ? chalk.red : chalk.green)(
        t('summary.vsTarget', { delta: signed(s.deltaSeconds), target: formatClock(s.targetSeconds) }),
      ),
  );
  if (s.kind === 'practice') lines.push(chalk.dim(t('summary.noPbPractice')));
  else if (s.newPersonalBest)
    lines.push(
      colors.pb.bold(
        s.pbBefore === null ? t('summary.firstPb') : t('summary.newPb', { pb: formatClock(s.pbBefore, true) }),
      ),
    );
  else if (s.pbBefore !== null && s.kind === 'complete')
    lines.push(t('summary.vsPb', { delta: signed(s.totalSeconds - s.pbBefore), pb: formatClock(s.pbBefore, true) }));

  // Split table.
  const numW = String(c.firstNumber + s.splits.length - 1).length;
  const col = 9;
  const titleW = Math.max(10, Math.min(48, c.width - (numW + 2) - 4 * (col + 1)));
  lines.push(
    '',
    chalk.dim(
      padEnd('', numW + 2) +
        padEnd(t('live.split'), titleW) +
        ' ' +
        padStart(t('live.time'), col) +
        ' ' +
        padStart(t('live.budget'), col) +
        ' ' +
        padStart(t('live.delta'), col) +
        ' ' +
        padStart(t('live.best'), col),
    ),
  );
  let prev = 0;
  let cumDelta = 0;
  s.splits.forEach((sp, i) => {
    const time =
      sp.seconds === null
        ? chalk.dim(t('summary.skipped'))
        : sp.newBest
          ? colors.gold(formatClock(sp.seconds, true))
          : formatClock(sp.seconds, true);
    let delta = '';
    if (sp.deltaSeconds !== null) {
      cumDelta += sp.deltaSeconds;
      delta = deltaColor(chalk, cumDelta, prev)(signed(sp.deltaSeconds));
      prev = cumDelta;
    }
    const best =
      sp.newBest && sp.seconds !== null
        ? colors.gold(formatClock(sp.seconds, true))
        : sp.bestBefore !== null
          ? formatClock(sp.bestBefore, true)
          : '';
    const title = padEnd(truncate(sanitizeLine(sp.title), titleW), titleW);
    lines.push(
      padStart(String(c.firstNumber + i), numW) +
        '  ' +
        (i === s.workOn ? chalk.bold(title) : title) +
        ' ' +
        padStart(time, col) +
        ' ' +
        padStart(formatClock(sp.budgetSeconds, true), col) +
        ' ' +
        padStart(delta, col) +
        ' ' +
        padStart(best, col),
    );
  });
  lines.push('');
  if (s.newBestCount) lines.push(colors.gold(t('summary.newBests', { count: s.newBestCount })));
  if (s.sumOfBest !== null) lines.push(t('summary.sumOfBest', { time: formatClock(s.sumOfBest, true) }));
  lines.push(t('summary.attempts', { n: s.attemptNumber }));
  if (s.wordsPerMinute !== null && s.pace) {
    const paint = s.pace === 'good' ? chalk.green : chalk.yellow;
    lines.push(
      `${t('summary.wpm', { wpm: s.wordsPerMinute, min: PACE_BAND.min, max: PACE_BAND.max })} — ${paint(t(`summary.pace.${s.pace}`))}`,
    );
  }
  if (s.workOn !== null) {
    const sp = s.splits[s.workOn]!;
    lines.push(
      chalk.yellow(
        t('summary.workOn', {
          title: sanitizeLine(sp.title),
          delta: formatClock(sp.deltaSeconds!, true),
          section: c.sectionRef,
          n: c.firstNumber + s.workOn,
        }),
      ),
    );
  } else if (s.splits.some((sp) => sp.seconds !== null)) lines.push(chalk.green(t('summary.allInBudget')));
  return lines.join('\n');
}
