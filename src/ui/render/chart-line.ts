import type { ChalkInstance } from 'chalk';
import { padStart, truncate, visibleWidth } from '../text-layout.js';

/** A horizontal line across the chart: a target, or the edges of a band. */
export interface ReferenceLine {
  value: number;
}

export interface LineChartInput {
  /** One value per point, oldest first. */
  values: ArrayLike<number>;
  references?: readonly ReferenceLine[];
  /** Columns available, axis labels included. */
  width: number;
  /** Rows of the plot (the axis and its labels come below). */
  height: number;
  formatValue: (value: number) => string;
  /** Under the first and the last point (dates). */
  xLabels?: { left: string; right: string };
  chalk: ChalkInstance;
}

export interface LineChart {
  lines: string[];
  /** Points per column when there were more points than columns (they are averaged), else 1. */
  perColumn: number;
}

const REFERENCE = '┄';

/** How wide one point may be drawn when there are few (a 3-point chart should not be 3 columns wide). */
const MAX_STRETCH = 6;

/**
 * A line chart in box-drawing characters (the asciichart look), with dotted reference lines. The
 * line and the references differ by their glyphs (─╭╮╰╯│ against ┄), so the chart reads without
 * colour. More points than columns are averaged into columns; few points are drawn wider.
 */
export function renderLineChart(input: LineChartInput): LineChart {
  const { values, chalk, formatValue } = input;
  const references = input.references ?? [];
  const height = Math.max(2, input.height);
  if (!values.length) return { lines: [], perColumn: 1 };

  let lo = Infinity;
  let hi = -Infinity;
  const all = [...Array.from(values), ...references.map((r) => r.value)];
  for (const v of all) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo < 1e-9) {
    const pad = Math.max(1, Math.abs(hi) * 0.05);
    lo -= pad;
    hi += pad;
  }
  const rowValue = (row: number) => hi - (row * (hi - lo)) / (height - 1);
  const rowOf = (value: number) => Math.round(((hi - value) / (hi - lo)) * (height - 1));
  const labels = Array.from({ length: height }, (_, row) => formatValue(rowValue(row)));
  const labelW = Math.max(...labels.map(visibleWidth), ...references.map((r) => visibleWidth(formatValue(r.value))));
  const plotW = Math.max(4, input.width - labelW - 2);

  // Columns: averaged buckets when the points do not fit, stretched points when they are few.
  let columns: number[];
  let perColumn = 1;
  if (values.length > plotW) {
    perColumn = values.length / plotW;
    columns = Array.from({ length: plotW }, (_, c) => {
      const from = Math.floor(c * perColumn);
      const to = Math.max(from + 1, Math.floor((c + 1) * perColumn));
      let sum = 0;
      for (let i = from; i < to; i++) sum += values[i]!;
      return sum / (to - from);
    });
  } else {
    const stretch = Math.max(1, Math.min(MAX_STRETCH, Math.floor(plotW / values.length)));
    columns = Array.from(values).flatMap((v) => Array<number>(stretch).fill(v));
  }

  const grid: string[][] = Array.from({ length: height }, () => Array<string>(columns.length).fill(' '));
  // A reference row is labelled with the reference itself ("2:00"), not with the row's rounded value.
  const referenceRows = new Map(references.map((r) => [rowOf(r.value), formatValue(r.value)]));
  for (const [row, label] of referenceRows) {
    grid[row]!.fill(REFERENCE);
    labels[row] = label;
  }
  if (values.length === 1) {
    // One point is a point, not a line.
    grid[rowOf(columns[0]!)]![columns.length >> 1] = '●';
  } else {
    let previous = rowOf(columns[0]!);
    grid[previous]![0] = '─';
    for (let col = 1; col < columns.length; col++) {
      const row = rowOf(columns[col]!);
      if (row === previous) grid[row]![col] = '─';
      else {
        const up = row < previous;
        grid[previous]![col] = up ? '╯' : '╮';
        grid[row]![col] = up ? '╭' : '╰';
        for (let r = Math.min(row, previous) + 1; r < Math.max(row, previous); r++) grid[r]![col] = '│';
      }
      previous = row;
    }
  }

  const dim = chalk.dim;
  const lines: string[] = [];
  let lastLabel = '';
  for (let row = 0; row < height; row++) {
    // Label the top, the bottom, every third row and every reference, never the same text twice in a row.
    const wanted = row === 0 || row === height - 1 || row % 3 === 0 || referenceRows.has(row);
    const text = wanted && labels[row] !== lastLabel ? labels[row]! : '';
    if (text) lastLabel = text;
    const cells = paintRuns(grid[row]!.join('').trimEnd(), chalk);
    lines.push(`${padStart(text, labelW)} ${dim(text ? '┤' : '│')}${cells}`.trimEnd());
  }
  lines.push(`${' '.repeat(labelW)} ${dim('└' + '─'.repeat(columns.length))}`);
  if (input.xLabels) {
    const { left, right } = input.xLabels;
    const span = columns.length + 1;
    const gap = span - visibleWidth(left) - visibleWidth(right);
    // Under the ends of the line; a chart too narrow for both gets "first – last".
    const text = !right
      ? left
      : gap >= 1
        ? left + ' '.repeat(gap) + right
        : truncate(`${left} – ${right}`, Math.max(span, input.width - labelW - 1));
    if (text) lines.push(' '.repeat(labelW + 1) + dim(text));
  }
  return { lines, perColumn };
}

/** Colours runs of glyphs at once (one escape pair per run, not per cell): the line cyan, references dim. */
function paintRuns(cells: string, chalk: ChalkInstance): string {
  return cells.replace(/ +|┄+|[^ ┄]+/g, (run) =>
    run[0] === ' ' ? run : run[0] === REFERENCE ? chalk.dim(run) : chalk.cyan(run),
  );
}
