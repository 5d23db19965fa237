import type { ChalkInstance } from 'chalk';
import type { Lang, Translate, MessageKey } from '../../i18n/index.js';
import type { Attempt } from '../../rehearsal/types.js';
import type { QuizSessionRecord } from '../../quiz/types.js';
import type { InterviewRecord } from '../../interview/types.js';

/** What `pitch history` lists. */
export interface HistoryView {
  rehearsals: readonly Attempt[];
  quizzes: readonly QuizSessionRecord[];
  interviews: readonly InterviewRecord[];
}
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { formatWhen } from '../dates.js';

export function renderHistory(
  history: HistoryView,
  t: Translate,
  chalk: ChalkInstance,
  when: { now: Date; lang: Lang },
): string {
  const formatDate = (iso: string) => formatWhen(iso, when.now, when.lang, t);
  const lines: string[] = [chalk.bold(t('history.rehearsals'))];
  if (!history.rehearsals.length) lines.push('  ' + t('history.emptyRehearsals'));
  for (const a of history.rehearsals) {
    const delta = a.totalSeconds - a.targetSeconds;
    const deltaText = (delta > 0 ? chalk.red : chalk.green)(`${delta > 0 ? '+' : ''}${formatClock(delta, true)}`);
    const splits = a.splits.filter((s) => s.seconds !== null).length;
    lines.push(
      `  ${formatDate(a.startedAt)}  ${sanitizeLine(a.sectionTitle)}  ${formatClock(a.totalSeconds, true)} / ${formatClock(a.targetSeconds)} ${deltaText}` +
        `  ${splits}/${a.splits.length}  ${chalk.dim(t(`history.kind.${a.kind}` as MessageKey))}` +
        (a.suspect ? chalk.yellow(` · ${t('history.suspect')}`) : '') +
        `  ${chalk.dim(a.id)}`,
    );
  }
  if (history.rehearsals.length) lines.push(chalk.dim('  ' + t('history.deleteHint')));
  lines.push('', chalk.bold(t('history.quizzes')));
  if (!history.quizzes.length) lines.push('  ' + t('history.emptyQuizzes'));
  for (const q of history.quizzes) {
    lines.push(
      '  ' +
        t('history.quizLine', {
          date: formatDate(q.startedAt),
          topics: q.topics.length ? q.topics.join(', ') : t('history.allTopics'),
          count: q.reviews.length,
          correct: q.reviews.filter((r) => r.rating >= 3).length,
          cram: q.cram ? t('history.cram') : '',
        }),
    );
  }
  lines.push('', chalk.bold(t('history.interviews')));
  if (!history.interviews.length) lines.push('  ' + t('history.emptyInterviews'));
  for (const i of history.interviews) {
    const rated = i.answers.filter((a) => a.rating !== null);
    lines.push(
      '  ' +
        t('history.interviewLine', {
          date: formatDate(i.startedAt),
          count: rated.length,
          covered: rated.reduce((n, a) => n + a.covered.filter(Boolean).length, 0),
          total: rated.reduce((n, a) => n + a.keyPoints.length, 0),
          stopped: i.interrupted ? t('history.interviewStopped') : '',
        }),
    );
  }
  return lines.join('\n');
}
