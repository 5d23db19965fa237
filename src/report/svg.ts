/**
 * Charts of the report page as SVG strings, built in Node with d3-scale and d3-shape (no DOM). Pure:
 * plain numbers in, markup out. Every chart carries a <title> and a <desc> (its text alternative) and
 * is drawn with CSS classes only, so the page's light and dark themes colour it.
 */
import { scaleBand, scaleLinear, scaleLog, scaleSqrt } from 'd3-scale';
import { area, line } from 'd3-shape';
import { escapeHtml } from './escape.js';
import { formatClock as clock } from '../pitch/duration.js';

export interface ChartText {
  /** Unique within the page: ids of the title and description. */
  id: string;
  title: string;
  desc: string;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const MARGIN: Margin = { top: 12, right: 16, bottom: 28, left: 52 };

/** Numbers in SVG attributes: two decimals at most, so files stay small and diffs stable. */
export const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '0');

function open(width: number, height: number, text: ChartText, extraClass = ''): string {
  return (
    `<svg class="chart${extraClass ? ` ${extraClass}` : ''}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-labelledby="${text.id}-t ${text.id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${text.id}-t">${escapeHtml(text.title)}</title><desc id="${text.id}-d">${escapeHtml(text.desc)}</desc>`
  );
}

function yAxis(
  y: (v: number) => number,
  ticks: number[],
  x0: number,
  x1: number,
  format: (v: number) => string,
): string {
  return ticks
    .map(
      (v) =>
        `<line class="grid" x1="${num(x0)}" x2="${num(x1)}" y1="${num(y(v))}" y2="${num(y(v))}"/>` +
        `<text class="tick" x="${num(x0 - 6)}" y="${num(y(v) + 4)}" text-anchor="end">${escapeHtml(format(v))}</text>`,
    )
    .join('');
}

// ---------------------------------------------------------------- complete runs against the target

export interface RunsChartInput {
  /** Seconds of each complete run, oldest first (already downsampled by the caller if long). */
  runs: number[];
  /** Labels under the first and last run (dates). */
  firstLabel: string;
  lastLabel: string;
  targetSeconds: number;
  /** The accepted band around the target (e.g. ±20 %). */
  band: { min: number; max: number };
  personalBest: number | null;
}

/** Time of each complete run (line and dots) over the target band, with the target and the PB as lines. */
export function runsChart(input: RunsChartInput, text: ChartText, width = 720, height = 240): string {
  const { runs, targetSeconds, band, personalBest } = input;
  const m = MARGIN;
  const values = [...runs, band.min, band.max, targetSeconds, ...(personalBest === null ? [] : [personalBest])];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(2, (hi - lo) * 0.08);
  const y = scaleLinear()
    .domain([Math.max(0, lo - pad), hi + pad])
    .range([height - m.bottom, m.top])
    .nice();
  const x = scaleLinear()
    .domain([0, Math.max(1, runs.length - 1)])
    .range([m.left + 6, width - m.right - 6]);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v))(runs);
  const parts = [open(width, height, text)];
  parts.push(
    `<rect class="band" x="${num(m.left)}" width="${num(width - m.left - m.right)}" y="${num(y(band.max))}" height="${num(Math.max(0, y(band.min) - y(band.max)))}"/>`,
  );
  parts.push(yAxis(y, y.ticks(5), m.left, width - m.right, clock));
  parts.push(
    `<line class="target" x1="${num(m.left)}" x2="${num(width - m.right)}" y1="${num(y(targetSeconds))}" y2="${num(y(targetSeconds))}"/>`,
  );
  if (personalBest !== null)
    parts.push(
      `<line class="pb" x1="${num(m.left)}" x2="${num(width - m.right)}" y1="${num(y(personalBest))}" y2="${num(y(personalBest))}"/>`,
    );
  if (path) parts.push(`<path class="series" d="${path}"/>`);
  const dots = runs.length <= 120;
  if (dots) parts.push(...runs.map((v, i) => `<circle class="dot" cx="${num(x(i))}" cy="${num(y(v))}" r="3"/>`));
  parts.push(
    `<text class="tick" x="${num(m.left)}" y="${height - 8}">${escapeHtml(input.firstLabel)}</text>`,
    `<text class="tick" x="${num(width - m.right)}" y="${height - 8}" text-anchor="end">${escapeHtml(input.lastLabel)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------- splits: strip plot against budgets

export interface StripRow {
  label: string;
  budgetSeconds: number;
  /** Seconds of this split in complete runs. */
  complete: number[];
  /** Seconds of this split in practice runs (drawn apart, hollow). */
  practice: number[];
  median: number | null;
}

/** One row per split: each run a dot, the budget a tick, the median a bar; practice runs on a second lane. */
export function splitStrip(rows: readonly StripRow[], text: ChartText, width = 720): string {
  const rowHeight = 34;
  const left = 190;
  const m = { ...MARGIN, left };
  const height = m.top + m.bottom + rowHeight * Math.max(1, rows.length);
  const all = rows.flatMap((r) => [...r.complete, ...r.practice, r.budgetSeconds]);
  // From a little under the fastest time, not from zero: the spread between runs is what matters.
  const lo = Math.min(...all);
  const hi = Math.max(1, ...all);
  const x = scaleLinear()
    .domain([Math.max(0, lo - (hi - lo) * 0.15 - 1), hi + (hi - lo) * 0.05 + 1])
    .range([m.left, width - m.right])
    .nice();
  const band = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([m.top, height - m.bottom])
    .paddingInner(0.2);
  const parts = [open(width, height, text)];
  for (const t of x.ticks(6))
    parts.push(
      `<line class="grid" x1="${num(x(t))}" x2="${num(x(t))}" y1="${m.top}" y2="${num(height - m.bottom)}"/>`,
      `<text class="tick" x="${num(x(t))}" y="${num(height - 10)}" text-anchor="middle">${clock(t)}</text>`,
    );
  rows.forEach((r, i) => {
    const top = band(i) ?? 0;
    const h = band.bandwidth();
    const mid = top + h * 0.38;
    const lane2 = top + h * 0.82;
    parts.push(
      `<text class="label" x="${num(left - 8)}" y="${num(mid + 4)}" text-anchor="end">${escapeHtml(truncate(r.label, 28))}</text>`,
    );
    parts.push(
      `<line class="budget" x1="${num(x(r.budgetSeconds))}" x2="${num(x(r.budgetSeconds))}" y1="${num(top)}" y2="${num(top + h)}"/>`,
    );
    for (const v of r.complete) parts.push(`<circle class="dot" cx="${num(x(v))}" cy="${num(mid)}" r="3"/>`);
    for (const v of r.practice) parts.push(`<circle class="dot hollow" cx="${num(x(v))}" cy="${num(lane2)}" r="2.5"/>`);
    if (r.median !== null)
      parts.push(
        `<line class="median" x1="${num(x(r.median))}" x2="${num(x(r.median))}" y1="${num(mid - 8)}" y2="${num(mid + 8)}"/>`,
      );
  });
  parts.push('</svg>');
  return parts.join('');
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : `${chars.slice(0, n - 1).join('')}…`;
}

// ---------------------------------------------------------------- a recording

export interface WaveformInput {
  durationSeconds: number;
  /** Peak level (0..1) per bucket, evenly spread over the recording. */
  peaks: number[];
  segments: ReadonlyArray<{ start: number; end: number }>;
  pauses: ReadonlyArray<{ start: number; end: number }>;
  /** Split boundaries, seconds from the start of the file, with their labels. */
  marks: ReadonlyArray<{ at: number; label: string }>;
}

/** The waveform (symmetric peak envelope) with speech and pauses shaded and the split boundaries marked. */
export function waveform(input: WaveformInput, text: ChartText, width = 720, height = 200): string {
  const m = { top: 18, right: 12, bottom: 26, left: 12 };
  const x = scaleLinear()
    .domain([0, Math.max(0.001, input.durationSeconds)])
    .range([m.left, width - m.right]);
  const mid = (m.top + height - m.bottom) / 2;
  const amp = scaleLinear()
    .domain([0, 1])
    .range([0, (height - m.bottom - m.top) / 2]);
  const step = input.peaks.length ? input.durationSeconds / input.peaks.length : 0;
  const envelope = area<number>()
    .x((_, i) => x((i + 0.5) * step))
    .y0((p) => mid + amp(Math.min(1, p)))
    .y1((p) => mid - amp(Math.min(1, p)))(input.peaks);
  const parts = [open(width, height, text)];
  const span = (cls: string, s: { start: number; end: number }) =>
    `<rect class="${cls}" x="${num(x(s.start))}" width="${num(Math.max(0.5, x(s.end) - x(s.start)))}" y="${m.top}" height="${num(height - m.top - m.bottom)}"/>`;
  for (const s of input.segments) parts.push(span('speech', s));
  for (const p of input.pauses) parts.push(span('pause', p));
  if (envelope) parts.push(`<path class="wave" d="${envelope}"/>`);
  for (const mark of input.marks)
    parts.push(
      `<line class="mark" x1="${num(x(mark.at))}" x2="${num(x(mark.at))}" y1="${m.top - 6}" y2="${num(height - m.bottom)}"/>`,
      `<text class="tick" x="${num(x(mark.at) - 3)}" y="${m.top - 8}" text-anchor="end">${escapeHtml(truncate(mark.label, 18))}</text>`,
    );
  const ticks = x.ticks(8);
  for (const t of ticks)
    parts.push(`<text class="tick" x="${num(x(t))}" y="${height - 8}" text-anchor="middle">${clock(t)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

export interface ContourInput {
  durationSeconds: number;
  /** F0 per equal slice of the recording (Hz), null where nothing was voiced. */
  hz: ReadonlyArray<number | null>;
  medianHz: number;
  /** Stretches of monotone speech, shaded. */
  monotone: ReadonlyArray<{ start: number; end: number }>;
}

/**
 * The F0 contour on a logarithmic frequency axis (equal steps are equal musical intervals), broken
 * where nothing was voiced, with the median as a line and monotone stretches shaded; same time axis as
 * the waveform above it.
 */
export function f0Contour(input: ContourInput, text: ChartText, width = 720, height = 160): string {
  const m = { top: 10, right: 12, bottom: 22, left: 12 };
  const voiced = input.hz.filter((v): v is number => v !== null && v > 0);
  const lo = Math.min(input.medianHz / 1.6, ...voiced);
  const hi = Math.max(input.medianHz * 1.6, ...voiced);
  const x = scaleLinear()
    .domain([0, Math.max(0.001, input.durationSeconds)])
    .range([m.left, width - m.right]);
  const y = scaleLog()
    .domain([lo, hi])
    .range([height - m.bottom, m.top]);
  const step = input.hz.length ? input.durationSeconds / input.hz.length : 0;
  const path = line<number | null>()
    .defined((v) => v !== null && v > 0)
    .x((_, i) => x((i + 0.5) * step))
    .y((v) => y(v!))(input.hz as Array<number | null>);
  const parts = [open(width, height, text)];
  for (const s of input.monotone)
    parts.push(
      `<rect class="monotone" x="${num(x(s.start))}" width="${num(Math.max(0.5, x(s.end) - x(s.start)))}" y="${m.top}" height="${num(height - m.top - m.bottom)}"/>`,
    );
  // Labels sit above their level, but the top one below it so that it stays inside the chart.
  const [bottom, top] = y.domain() as [number, number];
  for (const [hz, dy] of [
    [bottom, -3],
    [input.medianHz, -3],
    [top, 11],
  ] as const)
    parts.push(`<text class="tick" x="${num(m.left + 2)}" y="${num(y(hz) + dy)}">${Math.round(hz)} Hz</text>`);
  parts.push(
    `<line class="f0median" x1="${num(m.left)}" x2="${num(width - m.right)}" y1="${num(y(input.medianHz))}" y2="${num(y(input.medianHz))}"/>`,
  );
  if (path) parts.push(`<path class="contour" d="${path}"/>`);
  for (const t of x.ticks(8))
    parts.push(`<text class="tick" x="${num(x(t))}" y="${height - 6}" text-anchor="middle">${clock(t)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------- quiz

export interface CalendarDay {
  date: string;
  reviews: number | null;
}

/** The review calendar: one column per week (Monday on top), one square per day, darker = more reviews. */
export function calendar(days: readonly CalendarDay[], text: ChartText, cell = 14): string {
  const weeks = Math.ceil(days.length / 7);
  const m = { top: 8, right: 8, bottom: 8, left: 8 };
  const width = m.left + m.right + weeks * (cell + 3);
  const height = m.top + m.bottom + 7 * (cell + 3);
  const max = Math.max(1, ...days.map((d) => d.reviews ?? 0));
  const level = scaleSqrt().domain([0, max]).range([0, 4]);
  const parts = [open(width, height, text, 'calendar')];
  days.forEach((d, i) => {
    const week = Math.floor(i / 7);
    const weekday = i % 7;
    const lvl = d.reviews === null ? 'none' : d.reviews === 0 ? '0' : String(Math.max(1, Math.ceil(level(d.reviews))));
    parts.push(
      `<rect class="day l${lvl}" x="${m.left + week * (cell + 3)}" y="${m.top + weekday * (cell + 3)}" width="${cell}" height="${cell}" rx="2"><title>${escapeHtml(`${d.date}: ${d.reviews ?? '–'}`)}</title></rect>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface StackRow {
  label: string;
  values: number[];
}

/** Horizontal stacked bars (one row per topic, one segment per state); classes s0, s1… colour the parts. */
export function stackedBars(rows: readonly StackRow[], text: ChartText, width = 720): string {
  const rowHeight = 22;
  const left = 190;
  const m = { ...MARGIN, left, bottom: 8 };
  const height = m.top + m.bottom + rowHeight * Math.max(1, rows.length);
  const total = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const x = scaleLinear()
    .domain([0, total])
    .range([m.left, width - m.right - 40]);
  const parts = [open(width, height, text)];
  rows.forEach((r, i) => {
    const y = m.top + i * rowHeight;
    parts.push(
      `<text class="label" x="${left - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(truncate(r.label, 28))}</text>`,
    );
    let at = 0;
    r.values.forEach((v, k) => {
      if (v > 0)
        parts.push(
          `<rect class="s${k}" x="${num(x(at))}" y="${y + 3}" width="${num(x(at + v) - x(at))}" height="${rowHeight - 8}"/>`,
        );
      at += v;
    });
    parts.push(`<text class="tick" x="${num(x(at) + 6)}" y="${y + 14}">${at}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Vertical bars with a label under each: the 7-day forecast. */
export function bars(
  items: ReadonlyArray<{ label: string; value: number }>,
  text: ChartText,
  width = 720,
  height = 200,
): string {
  const m = { ...MARGIN, left: 36 };
  const x = scaleBand<number>()
    .domain(items.map((_, i) => i))
    .range([m.left, width - m.right])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...items.map((d) => d.value))])
    .range([height - m.bottom, m.top])
    .nice();
  const parts = [open(width, height, text)];
  parts.push(yAxis(y, y.ticks(4).filter(Number.isInteger), m.left, width - m.right, String));
  items.forEach((d, i) => {
    const x0 = x(i) ?? 0;
    parts.push(
      `<rect class="bar" x="${num(x0)}" y="${num(y(d.value))}" width="${num(x.bandwidth())}" height="${num(y(0) - y(d.value))}"/>`,
      `<text class="tick" x="${num(x0 + x.bandwidth() / 2)}" y="${height - 10}" text-anchor="middle">${escapeHtml(d.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
