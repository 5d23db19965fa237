import type { ChalkInstance } from 'chalk';
import type { Lang, MessageKey, Translate } from '../../i18n/index.js';
import type { InterviewReport } from '../../interview/report.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { foldKeys, truncate, visibleWidth, wrapStyled, wrapText } from '../text-layout.js';
import { signed } from './live-view.js';
import { formatWhen } from '../dates.js';
import { renderKeyFooter, renderKeyHelp } from './keymap.js';
import { ANSWER_KEYS } from '../../interview/answer.js';

export interface AnswerScreen {
  n: number;
  total: number;
  topicTitle: string;
  prompt: string;
  elapsedSeconds: number;
  answerSeconds: number;
  /** The `?` help is open. */
  help?: boolean;
  width: number;
  rows: number;
  t: Translate;
  chalk: ChalkInstance;
}

/** The screen while the user answers aloud: the question, the clock against the answer time, the keys. */
export function renderAnswerScreen(v: AnswerScreen): string {
  const { t, chalk, width } = v;
  const rule = chalk.dim('─'.repeat(width));
  const lines = [
    chalk.bold(
      truncate(t('interview.answer.title', { n: v.n, total: v.total, topic: sanitizeLine(v.topicTitle) }), width),
    ),
    rule,
    '',
  ];
  lines.push(...wrapText(v.prompt, width - 2, '  ').map((l) => chalk.bold(l)), '');
  const left = v.answerSeconds - v.elapsedSeconds;
  const clock = `${formatClock(v.elapsedSeconds, true)} / ${formatClock(v.answerSeconds)}`;
  const rest =
    left >= 0
      ? t('interview.answer.left', { time: formatClock(left) })
      : t('interview.answer.over', { time: formatClock(-left) });
  const barW = Math.max(10, width - visibleWidth(clock) - visibleWidth(rest) - 6);
  const filled = Math.min(barW, Math.round((Math.min(v.elapsedSeconds, v.answerSeconds) / v.answerSeconds) * barW));
  const paint = left < 0 ? chalk.red : left <= 15 ? chalk.hex('#ffb000') : chalk.green;
  lines.push(
    `${chalk.bold(clock)}  ${paint('█'.repeat(filled))}${chalk.dim('░'.repeat(barW - filled))}  ${left < 0 ? chalk.red(rest) : rest}`,
  );
  // The keys stay visible whatever the height: the question's lines give way first.
  const footer = v.help
    ? renderKeyHelp(ANSWER_KEYS, t, chalk).flatMap((l) => wrapStyled(l, width, '', '    '))
    : foldKeys(renderKeyFooter(ANSWER_KEYS, t), width).map((l) => chalk.dim(l));
  const body = lines.slice(0, Math.max(1, v.rows - footer.length - 1));
  return [...body, '', ...footer].join('\n');
}

const RATING_NAMES: Record<number, MessageKey> = {
  1: 'quiz.rating.1',
  2: 'quiz.rating.2',
  3: 'quiz.rating.3',
  4: 'quiz.rating.4',
};

/** The end-of-interview report. */
export function renderInterviewReport(
  r: InterviewReport,
  topicTitle: (id: string) => string,
  interrupted: boolean,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
  when: { now: Date; lang: Lang },
): string {
  const lines = [chalk.bold(t('report.title')), ''];
  if (interrupted) lines.push(chalk.yellow(t('report.stopped')), '');
  if (r.pitch) {
    const over = r.pitch.deltaSeconds > 0;
    lines.push(
      t('report.pitch', {
        time: formatClock(r.pitch.totalSeconds, true),
        target: formatClock(r.pitch.targetSeconds),
        delta: (over ? chalk.red : chalk.green)(signed(r.pitch.deltaSeconds)),
      }) +
        (r.pitch.personalBest !== null ? t('report.pitchPb', { pb: formatClock(r.pitch.personalBest, true) }) : '') +
        (r.pitch.suspect ? chalk.yellow(t('report.pitchSuspect')) : ''),
    );
  } else lines.push(t('report.noPitch'));
  lines.push('');
  r.answers.forEach((a, i) => {
    lines.push(
      ...wrapStyled(
        `${chalk.bold(t('report.question', { n: i + 1, topic: sanitizeLine(topicTitle(a.topic)) }))}  ${chalk.dim(sanitizeLine(a.prompt))}`,
        width,
        '',
        '  ',
      ),
    );
    if (a.rating === null) {
      // Not rated: the interview stopped during or right after this answer.
      lines.push(
        '  ' + chalk.dim((a.seconds !== null ? `${formatClock(a.seconds, true)} · ` : '') + t('report.unanswered')),
      );
      return;
    }
    const bandText = a.band ? t(`interview.band.${a.band}` as MessageKey) : '—';
    const band = a.band === 'good' ? chalk.green(bandText) : chalk.yellow(bandText);
    lines.push(
      '  ' +
        t('report.answerLine', {
          time: a.seconds === null ? '—' : formatClock(a.seconds, true),
          band,
          covered: a.covered,
          total: a.keyPoints,
          rating: a.rating === null ? '—' : t(RATING_NAMES[a.rating]!),
        }),
    );
    if (a.retries.length)
      lines.push(
        '  ' + chalk.dim(t('report.retries', { times: a.retries.map((x) => formatClock(x, true)).join(', ') })),
      );
    if (a.speech)
      lines.push(
        '  ' +
          chalk.dim(
            t('report.speech', {
              speech: formatClock(a.speech.speechSeconds, true),
              pauses: a.speech.pauses,
              longest: a.speech.longestPauseSeconds.toFixed(1),
            }),
          ),
      );
    if (a.missed.length && a.rating !== null)
      lines.push(
        ...wrapText(t('report.missed', { list: a.missed.join(' ; ') }), width - 4, '    ').map((l) => chalk.yellow(l)),
      );
  });
  lines.push('', chalk.dim(t('report.band', { min: r.answerBand.min, max: r.answerBand.max })));
  if (r.guide) lines.push(chalk.dim(t('report.guide', { min: r.guide.min, max: r.guide.max })));
  if (r.coverage !== null) lines.push(t('report.coverage', { percent: Math.round(r.coverage * 100) }));
  if (r.weakestTopic)
    lines.push(
      ...wrapText(t('report.weakest', { title: topicTitle(r.weakestTopic), topic: r.weakestTopic }), width).map((l) =>
        chalk.yellow(l),
      ),
    );
  if (r.nextDue) lines.push(t('report.nextDue', { when: formatWhen(r.nextDue, when.now, when.lang, t) }));
  return lines.join('\n');
}
