import type { ChalkInstance } from 'chalk';
import { padEnd } from '../text-layout.js';

export interface HeatmapInput {
  /** Consecutive days starting on a Monday, ending today; null for days outside the period asked. */
  days: ReadonlyArray<{ date: string; reviews: number | null }>;
  /** Weekday and month names in the user's language ("lun.", "oct."), from UTC dates. */
  names: { weekday(d: Date): string; month(d: Date): string };
  chalk: ChalkInstance;
}

export interface Heatmap {
  lines: string[];
  /** "· 0  ░ 1–2  ▒ 3–4 …": what each shade means, with the counts it stands for. */
  legend: string;
}

/** Shades from light to dark: distinct glyphs, so levels read without colour. */
const SHADES = ['░░', '▒▒', '▓▓', '██'];
const EMPTY = '··';

/**
 * A calendar heatmap like Anki's and GitHub's: one column per week (Monday on top), one cell per day,
 * darker for more reviews. Levels are quarters of the busiest day. Days to come stay blank.
 */
export function renderHeatmap(input: HeatmapInput): Heatmap {
  const { days, chalk } = input;
  const weeks = Math.ceil(days.length / 7);
  let max = 0;
  for (const d of days) if (d.reviews !== null && d.reviews > max) max = d.reviews;
  const level = (n: number) => (n <= 0 ? 0 : Math.min(SHADES.length, Math.ceil((SHADES.length * n) / max)));
  const paint = [chalk.dim, chalk.green, chalk.green, chalk.greenBright, chalk.greenBright.bold];

  const names = Array.from({ length: 7 }, (_, i) => input.names.weekday(new Date(Date.UTC(2024, 0, 1 + i)))); // 2024-01-01 was a Monday
  const nameW = Math.max(...names.map((n) => [...n].length));

  // Month names over the week in which each month starts; the first week is named too when there is room.
  const marks: Array<{ column: number; text: string }> = [];
  for (let w = 0; w < weeks; w++) {
    const week = days.slice(w * 7, w * 7 + 7);
    const start = week.find((d) => d.date.endsWith('-01')) ?? (w === 0 ? week[0] : undefined);
    if (start)
      marks.push({
        column: nameW + 1 + w * 3,
        text: input.names.month(new Date(`${start.date.slice(0, 7)}-01T00:00:00Z`)),
      });
  }
  let header = '';
  marks.forEach((mark, i) => {
    const next = marks[i + 1];
    if (header.length > mark.column || (next && mark.column + [...mark.text].length >= next.column)) return;
    header = padEnd(header, mark.column) + mark.text;
  });

  const lines = [chalk.dim(header.trimEnd())];
  for (let weekday = 0; weekday < 7; weekday++) {
    let row = chalk.dim(padEnd(names[weekday]!, nameW)) + ' ';
    for (let w = 0; w < weeks; w++) {
      const day = days[w * 7 + weekday];
      const cell =
        !day || day.reviews === null
          ? '  '
          : day.reviews === 0
            ? paint[0]!(EMPTY)
            : paint[level(day.reviews)]!(SHADES[level(day.reviews) - 1]!);
      row += cell + (w < weeks - 1 ? ' ' : '');
    }
    lines.push(row.trimEnd());
  }

  const legend = [chalk.dim(`${EMPTY[0]} 0`)];
  for (let i = 1; i <= SHADES.length && max > 0; i++) {
    const from = Math.floor(((i - 1) * max) / SHADES.length) + 1;
    const to = Math.floor((i * max) / SHADES.length);
    if (from > to) continue;
    legend.push(`${paint[i]!(SHADES[i - 1]![0]!)} ${from === to ? from : `${from}–${to}`}`);
  }
  return { lines, legend: legend.join('  ') };
}
