import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { PackIssue } from '../../quiz/types.js';
import type { LengthBiasWarning } from '../../quiz/mcq-form.js';
import { sanitizeLine, sanitizeParams } from '../sanitize.js';
import { wrapText } from '../text-layout.js';
import { renderTable } from './table.js';

/** A row of `pitch quiz --list-topics`; the JSON output is exactly these fields but `aliases`. */
export interface TopicRow {
  id: string;
  title: string;
  questions: number;
  due: number;
  aliases: string[];
}

/** `--list-topics --json`: `[ { "id", "title", "questions", "due" } ]`. */
export function topicsJson(rows: readonly TopicRow[]): Array<Omit<TopicRow, 'aliases'>> {
  return rows.map(({ id, title, questions, due }) => ({ id, title, questions, due }));
}

export function renderTopics(rows: readonly TopicRow[], width: number, t: Translate, chalk: ChalkInstance): string {
  // Titles and aliases wrap inside their column rather than being cut: aliases are what people type.
  const lines = renderTable(
    [
      { header: t('quiz.list.id') },
      { header: t('quiz.list.title'), flex: true, wrap: true },
      { header: t('quiz.list.questions'), align: 'right' },
      { header: t('quiz.list.due'), align: 'right' },
      { header: t('quiz.list.aliases'), wrap: true, max: 22 },
    ],
    rows.map((r) => [
      r.id,
      sanitizeLine(r.title),
      String(r.questions),
      r.due ? chalk.yellow(String(r.due)) : '0',
      chalk.dim(r.aliases.join(', ')),
    ]),
    width,
    chalk,
  );
  lines.push('', ...wrapText(t('quiz.list.footer'), width).map((l) => chalk.dim(l)));
  return lines.join('\n');
}

/** One pack problem as a line: `argo.yaml:42: question "argo-retry-1": "answer" must be one of the options`. */
export function formatIssue(issue: PackIssue, t: Translate): string {
  // Issue parameters quote the pack itself (ids, kinds, unknown keys, parser messages): never raw.
  const message = t(issue.key, sanitizeParams(issue.params));
  const file = sanitizeLine(issue.file);
  if (issue.line <= 0) return t('pack.atFile', { file, message });
  if (issue.questionId)
    return t('pack.atQuestion', { file, line: issue.line, id: sanitizeLine(issue.questionId), message });
  return t('pack.at', { file, line: issue.line, message });
}

export interface CheckReport {
  packs: number;
  topics: number;
  questions: number;
  issues: PackIssue[];
  /** Not errors: packs whose MCQs give the right option away by its length. */
  warnings?: LengthBiasWarning[];
}

/** A length-bias warning as a sentence. */
export function formatLengthBias(w: LengthBiasWarning, t: Translate): string {
  const key = w.side === 'longest' ? 'quiz.check.longestBias' : 'quiz.check.shortestBias';
  return t(key, { file: sanitizeLine(w.file), count: w.count, measured: w.measured });
}

export function checkJson(report: CheckReport, t: Translate) {
  return {
    ok: report.issues.length === 0,
    packs: report.packs,
    topics: report.topics,
    questions: report.questions,
    warnings: (report.warnings ?? []).map((w) => ({ file: sanitizeLine(w.file), message: formatLengthBias(w, t) })),
    errors: report.issues.map((i) => ({
      file: sanitizeLine(i.file),
      line: i.line,
      ...(i.questionId ? { question: sanitizeLine(i.questionId) } : {}),
      message: t(i.key, sanitizeParams(i.params)),
    })),
  };
}

export function renderCheck(report: CheckReport, t: Translate, chalk: ChalkInstance): string {
  const warnings = (report.warnings ?? []).map((w) => chalk.yellow(`⚠ ${formatLengthBias(w, t)}`));
  if (!report.issues.length)
    return [
      chalk.green(
        `✔ ${t('quiz.check.ok', { packs: report.packs, topics: report.topics, questions: report.questions })}`,
      ),
      ...warnings,
    ].join('\n');
  return [
    t('quiz.check.problems', { packs: report.packs, questions: report.questions, count: report.issues.length }),
    ...report.issues.map((i) => `  ${formatIssue(i, t)}`),
    ...warnings,
  ].join('\n');
}
