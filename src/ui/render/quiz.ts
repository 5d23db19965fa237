import type { ChalkInstance } from 'chalk';
import type { MessageKey, Translate } from '../../i18n/index.js';
import type { Grade } from '../../quiz/grade.js';
import type { SessionItem } from '../../quiz/session.js';
import type { Question, RatingValue } from '../../quiz/types.js';
import { sanitizeLine } from '../sanitize.js';
import { truncate, wrapText } from '../text-layout.js';
import type { DiffPart } from '../../quiz/cloze.js';

const KIND_KEYS: Record<Question['kind'], MessageKey> = {
  mcq: 'quiz.kind.mcq',
  open: 'quiz.kind.open',
  flash: 'quiz.kind.flash',
  cloze: 'quiz.kind.cloze',
};

export const ratingLabel = (t: Translate, rating: RatingValue): string => t(`quiz.rating.${rating}` as MessageKey);

/** A character diff: extra characters struck through in red, missing ones underlined in green. */
export function renderDiff(parts: readonly DiffPart[], chalk: ChalkInstance): string {
  return parts
    .map((p) => {
      const text = sanitizeLine(p.text);
      if (p.kind === 'same') return text;
      // Without colours the marks still say which is which.
      if (chalk.level === 0) return p.kind === 'extra' ? `[-${text}-]` : `{+${text}+}`;
      return p.kind === 'extra' ? chalk.red.strikethrough(text) : chalk.green.underline(text);
    })
    .join('');
}

/** "10 min", "3 h", "4 j": how far away a date is, rounded the way a person says it. */
export function formatSpan(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t('quiz.span.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t('quiz.span.hours', { n: hours });
  const days = Math.round(hours / 24);
  if (days < 45) return t('quiz.span.days', { n: days });
  return t('quiz.span.months', { n: Math.round(days / 30) });
}

/** How long each rating would put the card away, as the rating prompt shows it under each choice. */
export function formatIntervals(
  due: Record<1 | 2 | 3 | 4, Date>,
  now: Date,
  t: Translate,
): Record<1 | 2 | 3 | 4, string> {
  const span = (r: 1 | 2 | 3 | 4) => formatSpan(due[r].getTime() - now.getTime(), t);
  return { 1: span(1), 2: span(2), 3: span(3), 4: span(4) };
}

/** "dans 10 min", or "maintenant" for a date already past. */
export function formatWhen(iso: string, now: Date, t: Translate): string {
  const ms = Date.parse(iso) - now.getTime();
  return ms <= 30_000 ? t('quiz.time.now') : t('quiz.time.in', { span: formatSpan(ms, t) });
}

/** "2 min 05 s" for a session length. */
export function formatDuration(seconds: number, t: Translate): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('quiz.span.seconds', { n: s });
  return t('quiz.span.minSec', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
}

/** The question as it appears before the prompt: a header line, then the text wrapped to the width. */
export function renderQuestion(
  item: SessionItem,
  index: number,
  total: number,
  topicTitle: string,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
): string {
  const q = item.question;
  const dots = '●'.repeat(q.difficulty) + '○'.repeat(3 - q.difficulty);
  const header = t('quiz.header', {
    index: index + 1,
    total,
    topic: sanitizeLine(topicTitle),
    kind: t(KIND_KEYS[q.kind]),
  });
  const lines = wrapText(q.prompt, width);
  const body =
    q.kind === 'cloze'
      ? lines.map((l) => l.replaceAll('___', chalk.yellow.bold('___')))
      : lines.map((l) => chalk.bold(l));
  return ['', `${chalk.dim(header)} ${chalk.dim(dots)}`, ...body].join('\n');
}

/** Shown when a question comes back to be rated again after an undo. */
export function renderAgain(
  item: SessionItem,
  index: number,
  total: number,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
): string {
  const prompt = truncate(sanitizeLine(item.question.prompt), Math.max(20, width - 20));
  return chalk.dim(t('quiz.again', { index: index + 1, total, prompt }));
}

export function renderUndone(item: SessionItem, width: number, t: Translate, chalk: ChalkInstance): string {
  const prompt = truncate(sanitizeLine(item.question.prompt), Math.max(20, width - 40));
  return chalk.yellow(`↶ ${t('quiz.undone', { prompt })}`);
}

/** When the question was last checked against its source (`checked`: "2026-11 Argo Workflows 3.7"). */
function checkedLine(checked: string, t: Translate): string {
  const [month, ...against] = checked.split(/\s+/);
  const what = against.join(' ');
  return what ? t('quiz.grade.checkedAgainst', { month, what }) : t('quiz.grade.checked', { month });
}

/** Feedback after an answer: right or wrong, what was expected, the key points, the model answer, why, and where to read more. */
export function renderGrade(
  item: SessionItem,
  grade: Grade,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
): string {
  const q = item.question;
  const lines: string[] = [];
  const para = (text: string, indent = '  ') => lines.push(...wrapText(text, width, indent));
  const verdict = (right: boolean) =>
    right ? chalk.green.bold(`✔ ${t('quiz.grade.right')}`) : chalk.red.bold(`✘ ${t('quiz.grade.wrong')}`);
  switch (grade.kind) {
    case 'mcq': {
      const options = item.shown?.options ?? q.options ?? [];
      const right = grade.right.map((i) => `${i + 1}. ${sanitizeLine(options[i] ?? '')}`).join(' · ');
      lines.push(verdict(grade.correct));
      if (!grade.correct)
        lines.push(
          ...wrapText(
            t(grade.right.length > 1 ? 'quiz.grade.rightAnswers' : 'quiz.grade.rightAnswer', { answer: right }),
            width,
            '  ',
          ),
        );
      break;
    }
    case 'cloze':
      lines.push(verdict(grade.correct));
      if (!grade.correct || (q.answers?.length ?? 0) > 1)
        lines.push(...wrapText(t('quiz.grade.expected', { answer: grade.expected }), width, '  '));
      if (grade.diff) lines.push(`  ${t('grade.diff', { diff: renderDiff(grade.diff, chalk) })}`);
      break;
    case 'open': {
      if (grade.empty) lines.push(chalk.yellow(t('quiz.grade.empty')));
      const color =
        grade.hits === grade.points.length
          ? chalk.green.bold
          : grade.hits * 2 >= grade.points.length
            ? chalk.yellow.bold
            : chalk.red.bold;
      lines.push(color(t('quiz.grade.points', { hits: grade.hits, total: grade.points.length })));
      for (const p of grade.points) {
        const mark = p.hit ? chalk.green('✔') : chalk.red('✘');
        const text = wrapText(p.point, width, '    ');
        lines.push(`  ${mark}${text[0]!.slice(3)}`, ...text.slice(1));
        // The words that earned the point, so the user can overrule a wrong tick; and what denied it.
        if (p.hit && p.evidence)
          lines.push(chalk.green(truncate(`      ${t('grade.evidence', { words: sanitizeLine(p.evidence) })}`, width)));
        if (p.contradiction)
          lines.push(
            chalk.yellow(
              truncate(`      ${t('grade.contradiction', { words: sanitizeLine(p.contradiction.evidence) })}`, width),
            ),
          );
      }
      for (const m of grade.misconceptions) {
        const text = wrapText(t('quiz.grade.misconception', { phrase: m.matched, note: m.note }), width, '    ');
        lines.push(
          `  ${chalk.yellow('⚠')}${chalk.yellow(text[0]!.slice(3))}`,
          ...text.slice(1).map((l) => chalk.yellow(l)),
        );
      }
      if (q.modelAnswer) {
        lines.push(chalk.bold(t('quiz.grade.model')));
        para(q.modelAnswer);
      }
      break;
    }
    case 'flash':
      lines.push(chalk.bold(t('quiz.grade.answer')));
      para(q.modelAnswer ?? '');
      break;
  }
  if (q.explanation && grade.kind !== 'flash') {
    lines.push(chalk.bold(t('quiz.grade.explanation')));
    para(q.explanation);
  } else if (q.explanation) para(q.explanation);
  // A URL longer than the line goes on a line of its own, whole, so it can still be copied.
  if (q.source) lines.push(...wrapText(t('quiz.grade.source', { url: q.source }), width).map((l) => chalk.dim(l)));
  if (q.checked) lines.push(...wrapText(checkedLine(q.checked, t), width).map((l) => chalk.dim(l)));
  if (q.where) lines.push(...wrapText(t('quiz.grade.where', { where: q.where }), width).map((l) => chalk.dim(l)));
  if (grade.kind === 'open') {
    const params = { key: grade.suggested, label: ratingLabel(t, grade.suggested) };
    const why = t(
      grade.misconceptions.length || grade.points.some((p) => p.contradiction)
        ? 'grade.why.contradiction'
        : 'grade.why.thin',
    );
    lines.push(chalk.cyan(grade.sure ? t('quiz.grade.suggestion', params) : t('grade.unsure', { ...params, why })));
  }
  return lines.join('\n');
}
