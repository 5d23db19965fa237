import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { SessionSummary } from '../../quiz/summary.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, truncate, visibleWidth, wrapText } from '../text-layout.js';
import { formatDuration, formatWhen, ratingLabel } from './quiz.js';

/** The end-of-session screen: score and time, ratings, per topic, missed key points, weakest questions, next reviews. */
export function renderSummary(s: SessionSummary, now: Date, width: number, t: Translate, chalk: ChalkInstance): string {
  const lines: string[] = ['', chalk.bold.underline(t(s.cram ? 'quiz.summary.titleCram' : 'quiz.summary.title'))];
  const time = formatDuration(s.seconds, t);
  lines.push(
    s.graded
      ? t('quiz.summary.score', {
          correct: s.correct,
          graded: s.graded,
          percent: Math.round((100 * s.correct) / s.graded),
          count: s.questions,
          time,
        })
      : t('quiz.summary.scoreNoGraded', { count: s.questions, time }),
  );
  lines.push(
    chalk.dim(
      t('quiz.summary.ratings', { again: s.ratings[1], hard: s.ratings[2], good: s.ratings[3], easy: s.ratings[4] }),
    ),
  );

  if (s.topics.length) {
    lines.push('', chalk.bold(t('quiz.summary.topics')));
    const idW = Math.min(24, Math.max(...s.topics.map((x) => x.title.length)));
    for (const topic of s.topics) {
      const detail = topic.graded
        ? t('quiz.summary.topicLine', {
            correct: topic.correct,
            graded: topic.graded,
            count: topic.questions,
            again: topic.again,
          })
        : t('quiz.summary.topicLineNoGraded', { count: topic.questions, again: topic.again });
      lines.push(`  ${padEnd(truncate(sanitizeLine(topic.title), idW), idW)}  ${detail}`);
    }
  }
  if (s.missed.length) {
    lines.push('', chalk.bold(t('quiz.summary.missed')));
    // Grouped under their question (its opening words), never under an internal id.
    let question = '';
    for (const m of s.missed) {
      if (m.questionId !== question) {
        question = m.questionId;
        lines.push(chalk.dim(`  ${truncate(sanitizeLine(m.prompt), width - 2)}`));
      }
      lines.push(...wrapText(m.point, width, `    ${chalk.red('✘')} `, '      '));
    }
  }
  lines.push('', chalk.bold(t('quiz.summary.weakest')));
  if (!s.weakest.length) lines.push(`  ${chalk.dim(t('quiz.summary.noWeak'))}`);
  for (const w of s.weakest) {
    const label = `${ratingLabel(t, w.rating)}`;
    const room = Math.max(20, width - visibleWidth(label) - 4);
    lines.push(`  ${chalk.yellow(label)}  ${truncate(sanitizeLine(w.prompt), room)}`);
  }
  lines.push('');
  if (s.cram) lines.push(t('quiz.summary.nextCram', { day: s.next.day, week: s.next.week }));
  else if (s.next.earliest)
    lines.push(
      t('quiz.summary.next', { when: formatWhen(s.next.earliest, now, t), day: s.next.day, week: s.next.week }),
    );
  lines.push(chalk.dim(t('quiz.summary.saved')));
  return lines.join('\n');
}
