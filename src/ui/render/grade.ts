import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { GradeAudit } from '../../quiz/audit.js';
import { sanitize, sanitizeLine } from '../sanitize.js';
import { wrapText } from '../text-layout.js';
import { ratingLabel, renderDiff } from './quiz.js';

/** `pitch grade`'s human view: each key point ✔/✘ with the words that earned it, contradictions, the suggestion. */
export function renderGradeAudit(
  audit: GradeAudit,
  answer: string,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
): string {
  const { report, question } = audit;
  const lines: string[] = [];
  lines.push(chalk.dim(`${question.id} · ${question.topic}`));
  lines.push(...wrapText(sanitizeLine(question.prompt), width).map((l) => chalk.bold(l)));
  lines.push(chalk.bold(t('grade.answer')));
  lines.push(...wrapText(sanitize(answer.trim()) || '—', width, '  '));
  lines.push(chalk.bold(t('grade.points', { hits: report.covered, total: report.total })));
  for (const [i, p] of report.keyPoints.entries()) {
    const mark = p.covered ? chalk.green('✔') : chalk.red('✘');
    const text = wrapText(sanitizeLine(p.text), width, '    ');
    lines.push(`  ${mark}${text[0]!.slice(3)}`, ...text.slice(1));
    if (p.covered && p.evidence && question.kind === 'open')
      lines.push(chalk.green(`      ${t('grade.evidence', { words: sanitizeLine(p.evidence) })}`));
    const against = audit.contradictions.find((c) => c.about === question.keyPoints?.[i]?.point);
    if (against)
      lines.push(chalk.yellow(`      ${t('grade.contradiction', { words: sanitizeLine(against.evidence) })}`));
  }
  const points = new Set(question.keyPoints?.map((k) => k.point) ?? []);
  for (const c of audit.contradictions.filter((c) => !points.has(c.about)))
    lines.push(
      chalk.yellow(
        `  ⚠ ${t('grade.contradictionOf', { words: sanitizeLine(c.evidence), about: sanitizeLine(c.about) })}`,
      ),
    );
  if (audit.diff) {
    lines.push(t('grade.expected', { answer: sanitizeLine(report.keyPoints[0]?.text ?? '') }));
    lines.push(t('grade.diff', { diff: renderDiff(audit.diff, chalk) }));
  }
  const key = report.suggestedRating;
  const label = ratingLabel(t, key);
  const why = audit.contradictions.length ? t('grade.why.contradiction') : t('grade.why.thin');
  lines.push(chalk.cyan(audit.sure ? t('grade.suggestion', { key, label }) : t('grade.unsure', { key, label, why })));
  return lines.join('\n');
}
