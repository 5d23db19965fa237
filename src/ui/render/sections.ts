import type { ChalkInstance } from 'chalk';
import type { Translate } from '../../i18n/index.js';
import type { SectionSummary } from '../../pitch/summary.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { padEnd, padStart, truncate } from '../text-layout.js';

/** The table of `pitch sections`: number, indented title, words, estimated time, target. */
export function renderSections(
  data: { file: string; sections: SectionSummary[] },
  wpm: number,
  width: number,
  t: Translate,
  chalk: ChalkInstance,
): string {
  const rows: Array<{ s: SectionSummary; depth: number }> = [];
  const walk = (list: SectionSummary[], depth: number) => {
    for (const s of list) {
      rows.push({ s, depth });
      walk(s.children, depth + 1);
    }
  };
  walk(data.sections, 0);
  const numW = Math.max(3, ...rows.map(({ s }) => s.number.length));
  const fixed = numW + 2 + 6 + 2 + 8 + 2 + 6;
  const titleW = Math.max(20, width - fixed - 2);
  const header =
    padEnd(t('sections.header.number'), numW) +
    '  ' +
    padEnd(t('sections.header.title'), titleW) +
    '  ' +
    padStart(t('sections.header.words'), 6) +
    '  ' +
    padStart(t('sections.header.estimated'), 8) +
    '  ' +
    padStart(t('sections.header.target'), 6);
  const lines = [chalk.bold(header)];
  for (const { s, depth } of rows) {
    const title = truncate('  '.repeat(depth) + sanitizeLine(s.title), titleW);
    const styledTitle = s.targetSeconds !== null ? chalk.bold(padEnd(title, titleW)) : padEnd(title, titleW);
    lines.push(
      padEnd(s.number, numW) +
        '  ' +
        styledTitle +
        '  ' +
        padStart(String(s.words), 6) +
        '  ' +
        padStart(formatClock(s.estimatedSeconds), 8) +
        '  ' +
        padStart(s.targetSeconds === null ? '—' : chalk.cyan(formatClock(s.targetSeconds)), 6),
    );
  }
  lines.push('', chalk.dim(t('sections.footer', { file: sanitizeLine(data.file), wpm })));
  return lines.join('\n');
}
