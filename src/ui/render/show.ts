import type { ChalkInstance } from 'chalk';
import type { Section } from '../../pitch/model.js';
import { formatClock } from '../../pitch/duration.js';
import { sanitizeLine } from '../sanitize.js';
import { wrapInlines } from '../text-layout.js';

/** A section (and its subsections) for the terminal: headings, bold, bullets, wrapped to width. Not raw Markdown. */
export function renderSection(section: Section, width: number, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const walk = (s: Section) => {
    if (lines.length) lines.push('');
    const label = `${s.number ? `${s.number}  ` : ''}${sanitizeLine(s.title)}`;
    const heading =
      s.level <= 1 ? chalk.bold.underline(label) : s.level === 2 ? chalk.bold.cyan(label) : chalk.bold(label);
    lines.push(heading + (s.targetSeconds !== null ? chalk.dim(`  [${formatClock(s.targetSeconds)}]`) : ''));
    for (const block of s.blocks) {
      lines.push('');
      if (block.kind === 'paragraph') lines.push(...wrapInlines(block.inlines, width, chalk));
      else
        for (const item of block.items) {
          const indent = '  '.repeat(item.depth);
          const bullet = block.ordered && item.depth === 0 ? '› ' : item.depth ? '◦ ' : '• ';
          lines.push(...wrapInlines(item.inlines, width, chalk, indent + chalk.dim(bullet), indent + '  '));
        }
    }
    s.children.forEach(walk);
  };
  walk(section);
  return lines.join('\n');
}
