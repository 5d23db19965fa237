/** One part of a stacked bar: how many, drawn with which glyph, painted how. */
export interface BarSegment {
  count: number;
  glyph: string;
  paint: (text: string) => string;
}

/**
 * A horizontal bar `scale` columns long for `max`, its parts side by side. Each part gets its share
 * of the columns, rounded so the parts add up to the bar's rounded length, and a non-empty part
 * always shows at least one column, so a single learning card is never invisible.
 */
export function renderStackedBar(segments: readonly BarSegment[], max: number, scale: number): string {
  const total = segments.reduce((n, s) => n + s.count, 0);
  if (total <= 0 || max <= 0 || scale <= 0) return '';
  const length = Math.max(segments.filter((s) => s.count > 0).length, Math.round((total / max) * scale));
  const widths = segments.map((s) => (s.count > 0 ? Math.max(1, Math.floor((s.count / total) * length)) : 0));
  // Hand out what rounding left (or take back what the minimum added) by the largest remainders.
  let rest = length - widths.reduce((a, b) => a + b, 0);
  const order = segments
    .map((s, i) => ({ i, remainder: (s.count / total) * length - widths[i]! }))
    .filter(({ i }) => segments[i]!.count > 0)
    .sort((a, b) => (rest > 0 ? b.remainder - a.remainder : a.remainder - b.remainder));
  for (let k = 0; rest !== 0 && order.length; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (rest > 0) {
      widths[i]!++;
      rest--;
    } else if (widths[i]! > 1) {
      widths[i]!--;
      rest++;
    } else if (order.every(({ i: j }) => widths[j]! <= 1)) break;
  }
  return segments.map((s, i) => (widths[i] ? s.paint(s.glyph.repeat(widths[i]!)) : '')).join('');
}

/** A simple bar of `value` out of `max` over `scale` columns; any positive value shows at least one column. */
export function renderBar(value: number, max: number, scale: number, glyph = '█'): string {
  if (value <= 0 || max <= 0) return '';
  return glyph.repeat(Math.max(1, Math.round((value / max) * scale)));
}
