import type { ChalkInstance } from 'chalk';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { LiveRunView } from '../../rehearsal/types.js';
import type { SessionState } from '../../rehearsal/session.js';
import { cueLines } from '../../rehearsal/cues.js';
import { countdownLeft, elapsedMs, segmentSeconds } from '../../rehearsal/timer.js';
import { splitEnds } from '../../rehearsal/attempt.js';
import { comparisonOf, splitRows } from '../../rehearsal/columns.js';
import { renderSplitTable } from './split-table.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { CONFIRM_STOP_KEYS, LIVE_KEYS } from '../../rehearsal/keys.js';
import { renderKeyFooter, renderKeyHelp } from './keymap.js';
import { fitLine, foldKeys, padEnd, visibleWidth, wrapStyled, wrapText } from '../text-layout.js';

export interface LiveViewInput extends LiveRunView {
  session: SessionState;
  now: number;
  width: number;
  rows: number;
  t: Translate;
  chalk: ChalkInstance;
}

export { signed } from './split-table.js';

/** Below this many rows the live screen goes compact: the split table shrinks so the cue keeps its room. */
const COMPACT_ROWS = 20;

/** The whole live screen as a string, one line per terminal row, each fitting `width`. Pure. */
export function renderLive(v: LiveViewInput): string {
  const { t, chalk, width } = v;
  const rule = chalk.dim('─'.repeat(width));
  const timer = v.session.timer;
  const elapsed = elapsedMs(timer, v.now) / 1000;
  const current = Math.min(timer.marks.length, v.splits.length - 1);
  const lines: string[] = [];

  const right = [
    t('live.level', { level: t(`level.${v.level}` as MessageKey) }),
    v.practice ? t('live.practice') : t('live.attempt', { n: v.attemptNumber }),
  ];
  if (timer.phase === 'paused') right.unshift(chalk.yellow.bold(t('live.paused')));
  lines.push(joinEnds(chalk.bold(sanitizeLine(v.sectionTitle)), chalk.dim(right.join(' · ')), width));
  lines.push(rule);

  if (timer.phase === 'countdown') {
    const n = countdownLeft(timer, v.now);
    lines.push(
      '',
      center(chalk.bold.yellow(`   ${n}   `), width),
      '',
      center(t('live.countdown', { title: sanitizeLine(v.splits[0]!.title) }), width),
    );
    return fit(lines, v.rows, width);
  }

  // The current split, its running time against its budget, and its cue.
  const segments = segmentSeconds(timer);
  const lastEnd = timer.marks.length ? timer.marks[timer.marks.length - 1]!.atMs / 1000 : 0;
  const split = v.splits[current]!;
  const live = Math.max(0, elapsed - lastEnd);
  const splitClock = `${formatClock(live, true)} / ${formatClock(split.budgetSeconds, true)}`;
  const label = `▶ ${v.firstNumber + current}/${v.firstNumber + v.splits.length - 1}  ${sanitizeLine(split.title)}`;
  lines.push(joinEnds(chalk.bold.cyan(label), live > split.budgetSeconds ? chalk.red(splitClock) : splitClock, width));

  const footer =
    v.session.mode === 'confirmStop'
      ? foldKeys(renderKeyFooter(CONFIRM_STOP_KEYS, t), width).map((l) => chalk.yellow.bold(l))
      : foldKeys(renderKeyFooter(LIVE_KEYS, t), width).map((l) => chalk.dim(l));
  // Below 20 rows the split table shrinks to a window around the current split (no header), so the
  // cue — what the speaker reads — keeps the room; the window scrolls as the splits go by.
  const compact = v.rows < COMPACT_ROWS;
  const chrome = lines.length + 1 + 1 + 1 + footer.length; // rule after the cue, rule after the table, bar
  let cue: string[];
  if (v.session.mode === 'help') {
    cue = renderKeyHelp(LIVE_KEYS, t, chalk).flatMap((l) => wrapStyled(l, width, '', '    '));
  } else {
    cue = cueLines(split.units, v.level).flatMap((line) =>
      wrapText(line, width - 2, '  ', line.startsWith('• ') ? '    ' : '  '),
    );
  }
  const room = Math.max(2, v.rows - chrome);
  const tableRoom = compact
    ? Math.max(1, Math.min(v.splits.length, room - Math.max(1, cue.length)))
    : v.splits.length + 1;
  const cueRoom = Math.max(1, room - tableRoom);
  if (cue.length > cueRoom) cue = [...cue.slice(0, cueRoom - 1), chalk.dim('  …')];
  lines.push(...cue, rule);

  // The split table, with the summary's columns (rehearsal/columns.ts).
  const rows = splitRows({
    splits: v.splits,
    ends: splitEnds(timer).slice(0, v.splits.length),
    segments,
    at: v.splits.map((_, i) => (timer.marks[i] ? timer.marks[i]!.atMs / 1000 : null)),
    bestSegments: v.bestSegments,
    pbCumulative: v.pbCumulative,
    canSetBests: !v.practice,
    live: timer.phase === 'finished' ? undefined : { index: current, segment: live, elapsed },
  });
  const table = renderSplitTable(rows, {
    comparison: comparisonOf(v.pbCumulative),
    firstNumber: v.firstNumber,
    width,
    live: true,
    t,
    chalk,
  });
  if (compact) {
    // The window of rows shown: the current split and those around it, no header.
    const start = Math.max(0, Math.min(current - Math.floor((tableRoom - 1) / 2), v.splits.length - tableRoom));
    lines.push(...table.slice(1 + start, 1 + start + tableRoom));
  } else lines.push(...table);
  lines.push(rule);

  // Elapsed against target, with a bar that turns amber in the last 15 s and red past the target.
  const left = v.targetSeconds - elapsed;
  const clock = `${formatClock(elapsed, true)} / ${formatClock(v.targetSeconds)}`;
  const rest =
    left >= 0 ? t('live.remaining', { time: formatClock(left) }) : t('live.over', { time: formatClock(-left) });
  const barW = Math.max(10, width - visibleWidth(clock) - visibleWidth(rest) - 6);
  const filled = Math.min(barW, Math.round((Math.min(elapsed, v.targetSeconds) / v.targetSeconds) * barW));
  const paint = left < 0 ? chalk.red : left <= 15 ? chalk.hex('#ffb000') : chalk.green;
  const bar = paint('█'.repeat(filled)) + chalk.dim('░'.repeat(barW - filled));
  lines.push(`${chalk.bold(clock)}  ${bar}  ${left < 0 ? chalk.red(rest) : rest}`);
  // The footer is kept whole: when rows run out, the lines above it give way.
  return `${fit(lines, v.rows - footer.length, width)}\n${footer.join('\n')}`;
}

function joinEnds(left: string, right: string, width: number): string {
  const room = width - visibleWidth(right) - 1;
  if (room < 10) return fitLine(left, width);
  return padEnd(fitLine(left, room), room) + ' ' + right;
}

function center(text: string, width: number): string {
  return ' '.repeat(Math.max(0, Math.floor((width - visibleWidth(text)) / 2))) + text;
}

/** At most `rows` lines, none wider than `width`. */
function fit(lines: string[], rows: number, width: number): string {
  return lines
    .slice(0, Math.max(1, rows))
    .map((l) => fitLine(l, width))
    .join('\n');
}
