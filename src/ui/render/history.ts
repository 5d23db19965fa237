import type { ChalkInstance } from 'chalk';
import type { Lang, MessageKey, Translate } from '../../i18n/index.js';
import type { InterviewRecord } from '../../interview/types.js';
import type { QuizSessionRecord } from '../../quiz/types.js';
import type { Attempt } from '../../rehearsal/types.js';
import { countInterview } from '../../interview/report.js';
import { formatClock } from '../../pitch/duration.js';
import { countResults } from '../../quiz/summary.js';
import { sanitizeLine } from '../sanitize.js';
import { formatWhen } from '../dates.js';
import { renderTable } from './table.js';

/** What `pitch history` lists. */
export interface HistoryView {
  rehearsals: readonly Attempt[];
  quizzes: readonly QuizSessionRecord[];
  interviews: readonly InterviewRecord[];
}

/**
 * Three tables — rehearsals, quiz sessions, mock interviews — whose counts come from the same
 * functions as the end-of-session screens (countResults, countInterview), so both tell one story.
 */
export function renderHistory(
  history: HistoryView,
  t: Translate,
  chalk: ChalkInstance,
  view: { now: Date; lang: Lang; width?: number; topicTitle?: (id: string) => string },
): string {
  const width = view.width ?? 80;
  const topicTitle = view.topicTitle ?? ((id: string) => id);
  const formatDate = (iso: string) => formatWhen(iso, view.now, view.lang, t);
  const lines: string[] = [chalk.bold(t('history.rehearsals'))];
  if (!history.rehearsals.length) lines.push(`  ${t('history.emptyRehearsals')}`);
  else
    lines.push(
      ...renderTable(
        [
          { header: t('history.col.date') },
          { header: t('history.col.section'), flex: true },
          { header: t('history.col.time'), align: 'right' },
          { header: t('history.col.target'), align: 'right' },
          { header: t('history.col.delta'), align: 'right' },
          { header: t('history.col.splits'), align: 'right' },
          { header: t('history.col.kind') },
          { header: t('history.col.ref') },
        ],
        history.rehearsals.map((a) => {
          const delta = a.totalSeconds - a.targetSeconds;
          const timed = a.splits.filter((s) => s.seconds !== null).length;
          return [
            formatDate(a.startedAt),
            sanitizeLine(a.sectionTitle),
            formatClock(a.totalSeconds, true),
            formatClock(a.targetSeconds),
            (delta > 0 ? chalk.red : chalk.green)(
              `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatClock(Math.abs(delta), true)}`,
            ),
            `${timed}/${a.splits.length}`,
            chalk.dim(t(`history.kind.${a.kind}` as MessageKey)) +
              (a.suspect ? chalk.yellow(` · ${t('history.suspect')}`) : ''),
            // The end of the id: enough for `pitch history delete`, which takes a unique end.
            chalk.dim(a.id.slice(-6)),
          ];
        }),
        width,
        chalk,
      ),
      chalk.dim(`  ${t('history.deleteHint')}`),
    );

  lines.push('', chalk.bold(t('history.quizzes')));
  if (!history.quizzes.length) lines.push(`  ${t('history.emptyQuizzes')}`);
  else
    lines.push(
      ...renderTable(
        [
          { header: t('history.col.date') },
          { header: t('history.col.topics'), flex: true },
          { header: t('history.col.questions'), align: 'right' },
          { header: t('history.col.correct'), align: 'right' },
          { header: t('history.col.again'), align: 'right' },
          { header: t('history.col.note') },
        ],
        history.quizzes.map((q) => {
          const c = countResults(q.reviews);
          const notes = [q.cram ? t('history.cram') : '', q.interrupted ? t('history.quizStopped') : ''];
          return [
            formatDate(q.startedAt),
            q.topics.length ? q.topics.map((id) => sanitizeLine(topicTitle(id))).join(', ') : t('history.allTopics'),
            String(c.questions),
            c.graded ? `${c.correct}/${c.graded}` : '—',
            String(c.again),
            chalk.dim(notes.filter(Boolean).join(', ')),
          ];
        }),
        width,
        chalk,
      ),
    );

  lines.push('', chalk.bold(t('history.interviews')));
  if (!history.interviews.length) lines.push(`  ${t('history.emptyInterviews')}`);
  else
    lines.push(
      ...renderTable(
        [
          { header: t('history.col.date') },
          { header: t('history.col.questions'), align: 'right' },
          { header: t('history.col.keyPoints'), align: 'right' },
          { header: t('history.col.note') },
        ],
        history.interviews.map((i) => {
          const c = countInterview(i.answers);
          return [
            formatDate(i.startedAt),
            c.answered === c.questions ? String(c.questions) : `${c.answered}/${c.questions}`,
            `${c.covered}/${c.keyPoints}`,
            chalk.dim(i.interrupted ? t('history.interviewStopped') : ''),
          ];
        }),
        width,
        chalk,
      ),
    );
  return lines.join('\n');
}
