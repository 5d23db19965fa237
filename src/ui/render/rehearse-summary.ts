import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { RunSummary } from '../../rehearsal/summary.js';
import { formatClock } from '../../pitch/duration.js';
import { PLAUSIBILITY } from '../../rehearsal/plausibility.js';
import { sanitizeLine } from '../sanitize.js';
import { paceColors, renderSplitTable, signed } from './split-table.js';

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
  if (s.suspect) lines.push(...suspectLines(s, c).map((l) => chalk.yellow(l)));
  else if (s.suspectReasons.length) lines.push(chalk.dim(t('summary.suspect.confirmed')));

  const over = s.deltaSeconds > 0;
  lines.push(
    `${t('summary.total')}${t('punct.colon')}${chalk.bold(formatClock(s.totalSeconds, true))}  ` +
      (over ? chalk.red : chalk.green)(
        t('summary.vsTarget', { delta: signed(s.deltaSeconds), target: formatClock(s.targetSeconds) }),
      ),
  );
  if (s.targetVerdict) {
    const percent = Math.round(((s.totalSeconds - s.targetSeconds) / s.targetSeconds) * 100);
    lines.push(
      chalk.yellow(
        t(`summary.target.${s.targetVerdict}`, {
          time: formatClock(s.totalSeconds, true),
          target: formatClock(s.targetSeconds),
          percent: s.targetVerdict === 'short' ? `−${Math.abs(percent)}` : percent,
        }),
      ),
    );
  }
  if (s.kind === 'practice') lines.push(chalk.dim(t('summary.noPbPractice')));
  else if (s.newPersonalBest)
    lines.push(
      colors.pb.bold(
        s.pbBefore === null ? t('summary.firstPb') : t('summary.newPb', { pb: formatClock(s.pbBefore, true) }),
      ),
    );
  else if (s.pbBefore !== null && s.kind === 'complete' && !s.suspect)
    lines.push(t('summary.vsPb', { delta: signed(s.totalSeconds - s.pbBefore), pb: formatClock(s.pbBefore, true) }));
  if (s.textChangedSincePb) lines.push(chalk.dim(t('summary.textChanged')));

  lines.push(
    '',
    ...renderSplitTable(s.splits, {
      comparison: s.comparison,
      firstNumber: c.firstNumber,
      width: Math.min(c.width, 110),
      live: false,
      highlight: s.workOn,
      t,
      chalk,
    }),
    '',
  );
  if (s.newBestCount) lines.push(colors.gold(t('summary.newBests', { count: s.newBestCount })));
  if (s.sumOfBest !== null) lines.push(t('summary.sumOfBest', { time: formatClock(s.sumOfBest, true) }));
  lines.push(t('summary.attempts', { n: s.attemptNumber }));
  if (s.pace) {
    const paint = s.pace.verdict === 'good' ? chalk.green : chalk.yellow;
    const band = t(`summary.band.${s.pace.lang}`, { min: s.pace.band.min, max: s.pace.band.max });
    lines.push(
      `${t(s.pace.source === 'recording' ? 'summary.wpm.recording' : 'summary.wpm.text', { wpm: s.pace.wordsPerMinute, band })} — ${paint(t(`summary.pace.${s.pace.verdict}`))}`,
    );
  }
  if (s.workOn !== null) {
    const sp = s.splits[s.workOn]!;
    lines.push(
      chalk.yellow(
        t('summary.workOn', {
          title: sanitizeLine(sp.title),
          delta: formatClock(sp.segmentDelta!, true),
          section: c.sectionRef,
          n: c.firstNumber + s.workOn,
        }),
      ),
    );
  }
  if (s.budgetVerdict === 'allWithin') lines.push(chalk.green(t('summary.allInBudget')));
  else if (s.budgetVerdict === 'noneSignificant') lines.push(chalk.green(t('summary.noneSignificant')));
  else if (s.unsaid > 0 && s.kind !== 'practice') lines.push(chalk.dim(t('summary.unsaid', { count: s.unsaid })));
  return lines.join('\n');
}

/** Why the run is held back, in the words of the rule. */
function suspectLines(s: RunSummary, c: SummaryContext): string[] {
  const { t } = c;
  // The whole run's pace says it best; else the first split that broke the rule.
  const reason = s.suspectReasons.find((r) => r.key === null) ?? s.suspectReasons[0];
  const lines: string[] = [];
  if (reason) {
    const index = reason.key === null ? -1 : s.splits.findIndex((r) => r.key === reason.key);
    const common = { words: reason.words, time: formatClock(reason.seconds, true), wpm: reason.wordsPerMinute ?? '∞' };
    if (index < 0) lines.push(t('summary.suspect.run', common));
    else
      lines.push(
        t(reason.rule === 'floor' ? 'summary.suspect.floor' : 'summary.suspect.pace', {
          ...common,
          n: c.firstNumber + index,
          title: sanitizeLine(s.splits[index]!.title),
        }),
      );
  }
  lines.push(
    t('summary.suspect.rule', {
      wpm: PLAUSIBILITY.maxWordsPerMinute,
      floor: String(PLAUSIBILITY.floorSeconds).replace('.', t('punct.decimal')),
      words: PLAUSIBILITY.floorMinWords,
    }),
  );
  return lines;
}
