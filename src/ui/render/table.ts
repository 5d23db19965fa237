import type { ChalkInstance } from 'chalk';
import { padEnd, padStart, truncate, visibleWidth, wrapStyled } from '../text-layout.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** The one column that gives way when the terminal is narrow: shortened at a word boundary, or wrapped. */
  flex?: boolean;
  /** Wrap this column's cells onto more lines (at word boundaries) instead of shortening them. */
  wrap?: boolean;
  /** Widest this column may be (wrapped columns). */
  max?: number;
}

/**
 * A table the way the other views draw them: a dim header, a rule of box-drawing characters, one
 * row per line, columns aligned by display width (accents and wide characters counted right).
 * Cells may hold colours; only the flex column is ever shortened, and only plain text goes in it.
 */
export function renderTable(
  columns: readonly Column[],
  rows: ReadonlyArray<readonly string[]>,
  width: number,
  chalk: ChalkInstance,
  gap = 2,
): string[] {
  const widths = columns.map((c, i) =>
    Math.min(
      c.max ?? Number.POSITIVE_INFINITY,
      Math.max(visibleWidth(c.header), ...rows.map((r) => visibleWidth(r[i] ?? ''))),
    ),
  );
  for (const [i, c] of columns.entries())
    if (c.max !== undefined) widths[i] = Math.max(widths[i]!, visibleWidth(c.header));
  const total = () => widths.reduce((n, w) => n + w, 0) + gap * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0 && total() > width)
    widths[flex] = Math.max(visibleWidth(columns[flex]!.header), 8, widths[flex]! - (total() - width));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i]!;
        const text = i === flex && !columns[i]!.wrap ? truncate(cell, w) : cell;
        return columns[i]!.align === 'right' ? padStart(text, w) : padEnd(text, w);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  // A row with wrapped cells takes as many lines as its tallest cell.
  const rowLines = (cells: readonly string[]) => {
    const stacks = cells.map((cell, i) => (columns[i]!.wrap ? wrapStyled(cell, widths[i]!) : [cell]));
    const height = Math.max(...stacks.map((s) => s.length));
    return Array.from({ length: height }, (_, k) => line(stacks.map((s) => s[k] ?? '')));
  };
  return [
    chalk.dim(line(columns.map((c) => c.header))),
    chalk.dim('─'.repeat(Math.min(width, total()))),
    ...rows.flatMap(rowLines),
  ];
}
