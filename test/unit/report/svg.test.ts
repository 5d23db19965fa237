import { describe, expect, it } from 'vitest';
import { bars, calendar, f0Contour, runsChart, splitStrip, stackedBars, waveform } from '../../../src/report/svg.js';

const text = { id: 'c', title: 'Titre <court>', desc: 'Description & co' };

/** Numbers of one attribute over every element whose opening tag starts with `element`, in document order. */
function attr(svg: string, element: string, name: string): number[] {
  return [...svg.matchAll(new RegExp(`<${element}[^>]*? ${name}="([-\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
}

describe('report charts', () => {
  it('every chart is an accessible image: title and description, escaped', () => {
    const svg = runsChart(
      {
        runs: [120],
        firstLabel: 'a',
        lastLabel: 'b',
        targetSeconds: 120,
        band: { min: 96, max: 144 },
        personalBest: 120,
      },
      text,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c-t c-d"');
    expect(svg).toContain('<title id="c-t">Titre &lt;court&gt;</title>');
    expect(svg).toContain('<desc id="c-d">Description &amp; co</desc>');
  });

  it('runs chart: longer runs are drawn higher, the target sits inside the band, the PB on the fastest run', () => {
    const svg = runsChart(
      {
        runs: [130, 120, 110],
        firstLabel: '',
        lastLabel: '',
        targetSeconds: 120,
        band: { min: 96, max: 144 },
        personalBest: 110,
      },
      text,
      700,
      240,
    );
    const cy = attr(svg, 'circle', 'cy');
    expect(cy).toHaveLength(3);
    expect(cy[0]).toBeLessThan(cy[1]!); // SVG y grows downwards: 130 s is higher on the page than 120 s
    expect(cy[1]).toBeLessThan(cy[2]!);
    const cx = attr(svg, 'circle', 'cx');
    expect(cx[0]).toBeLessThan(cx[1]!);
    const target = Number(/class="target"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    expect(target).toBeCloseTo(cy[1]!, 5);
    const pb = Number(/class="pb"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    expect(pb).toBeCloseTo(cy[2]!, 5);
    const bandY = Number(/class="band"[^>]*y="([\d.]+)"/.exec(svg)![1]);
    const bandH = Number(/class="band"[^>]*height="([\d.]+)"/.exec(svg)![1]);
    expect(target).toBeGreaterThan(bandY);
    expect(target).toBeLessThan(bandY + bandH);
    expect(svg).toMatch(/<path class="series" d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+"/);
  });

  it('split strip: one dot per run, practice hollow on its own lane, the budget tick right of faster dots', () => {
    const svg = splitStrip(
      [
        { label: 'Intro', budgetSeconds: 40, complete: [30, 35, 45], practice: [20], median: 35 },
        { label: 'Fin', budgetSeconds: 20, complete: [18], practice: [], median: 18 },
      ],
      text,
    );
    expect(svg.match(/class="dot"/g)).toHaveLength(4);
    expect(svg.match(/class="dot hollow"/g)).toHaveLength(1);
    const budgets = attr(svg, 'line class="budget"', 'x1');
    const firstRow = attr(svg, 'circle class="dot"', 'cx').slice(0, 3);
    expect(firstRow[0]).toBeLessThan(budgets[0]!);
    expect(firstRow[2]).toBeGreaterThan(budgets[0]!);
  });

  it('waveform: speech and pauses shaded over the right stretch, split marks where they ended', () => {
    const svg = waveform(
      {
        durationSeconds: 10,
        peaks: [0, 0.5, 1, 0.5, 0],
        segments: [{ start: 1, end: 4 }],
        pauses: [{ start: 4, end: 6 }],
        marks: [{ at: 5, label: 'Intro' }],
      },
      text,
      712,
      200,
    );
    // x runs from 12 to 700 for 0–10 s: 68.8 px a second.
    expect(attr(svg, 'rect class="speech"', 'x')).toEqual([80.8]);
    expect(attr(svg, 'rect class="speech"', 'width')).toEqual([206.4]);
    expect(attr(svg, 'rect class="pause"', 'x')).toEqual([287.2]);
    expect(attr(svg, 'line class="mark"', 'x1')).toEqual([356]);
    expect(svg).toContain('<path class="wave" d="M');
  });

  it('calendar: one square per day, darker with more reviews, days before --since marked apart', () => {
    const days = Array.from({ length: 84 }, (_, i) => ({
      date: `d${i}`,
      reviews: i < 7 ? null : i % 7 === 0 ? 0 : i,
    }));
    const svg = calendar(days, text);
    expect(svg.match(/<rect class="day/g)).toHaveLength(84);
    expect(svg.match(/class="day lnone"/g)).toHaveLength(7);
    expect(svg).toContain('class="day l4"'); // the busiest day is the darkest
    expect(svg).toContain('class="day l0"');
  });

  it('stacked bars and bars keep proportions', () => {
    const svg = stackedBars([{ label: 'spark', values: [2, 0, 6] }], text);
    const widths = attr(svg, 'rect class="s\\d"', 'width');
    expect(widths).toHaveLength(2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(3, 5);
    const b = bars(
      [
        { label: 'lun', value: 2 },
        { label: 'mar', value: 4 },
      ],
      text,
    );
    const heights = attr(b, 'rect class="bar"', 'height');
    expect(heights[1]! / heights[0]!).toBeCloseTo(2, 5);
  });

  it('F0 contour: higher voices higher, an octave twice the height of a fifth above the median, gaps where unvoiced', () => {
    const svg = f0Contour(
      { durationSeconds: 4, hz: [100, 150, null, null, 200, 100], medianHz: 100, monotone: [{ start: 2, end: 4 }] },
      text,
      712,
      160,
    );
    const d = /<path class="contour" d="([^"]+)"/.exec(svg)![1]!;
    // Two runs: M…L… then a new M after the unvoiced slices.
    expect(d.match(/M/g)).toHaveLength(2);
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    const median = Number(/class="f0median"[^>]*y1="([\d.]+)"/.exec(svg)![1]);
    expect(ys[0]).toBeCloseTo(median, 1); // 100 Hz on the median line
    const fifth = median - ys[1]!; // 150 Hz: about seven semitones up
    const octave = median - ys[2]!; // 200 Hz: twelve semitones up
    expect(octave / fifth).toBeCloseTo(Math.log(2) / Math.log(1.5), 2);
    expect(attr(svg, 'rect class="monotone"', 'x')).toEqual([356]);
  });
});
