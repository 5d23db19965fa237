import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { renderStats } from '../../../src/ui/render/stats.js';
import { renderLineChart } from '../../../src/ui/render/chart-line.js';
import { renderHeatmap } from '../../../src/ui/render/chart-heatmap.js';
import { intlStatsFormat } from '../../../src/ui/stats-format.js';
import { renderBar, renderStackedBar } from '../../../src/ui/render/chart-bars.js';
import { computeStats } from '../../../src/stats/compute.js';
import { reviewTable } from '../../../src/stats/review-table.js';
import { isoToDay } from '../../../src/stats/days.js';
import { formatClock } from '../../../src/pitch/duration.js';
import { translator, type Lang } from '../../../src/i18n/index.js';
import { attempt, statsInput } from './fixture.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });
const render = (width: number, lang: Lang = 'fr', over = {}, chalk = plain) =>
  renderStats(computeStats(statsInput(over)), { width, lang, t: translator(lang), chalk });
const widths = (text: string) =>
  stripVTControlCharacters(text)
    .split('\n')
    .map((l) => [...l].length);

describe('pitch stats, rendered', () => {
  it.each([80, 120])('matches the snapshot at %i columns (French)', (width) => {
    expect(render(width)).toMatchSnapshot();
  });

  it('matches the snapshot at 120 columns in English', () => {
    expect(render(120, 'en')).toMatchSnapshot();
  });

  it.each([60, 80, 100, 120, 160])('fits %i columns on every line', (width) => {
    for (const w of widths(render(width, 'fr', {}, colour))) expect(w).toBeLessThanOrEqual(width);
    for (const w of widths(render(width, 'en'))) expect(w).toBeLessThanOrEqual(width);
  });

  it('charts the intonation range and the measured syllable rate of recordings that have them', () => {
    const voiced = (at: string, range: number, rate: number) =>
      attempt(at, 'complete', [40, 46, 38], {
        speech: { wordsPerMinute: 150, longestPauseSeconds: 1, rangeSemitones: range, syllablesPerSecond: rate },
      });
    const attempts = [
      ...statsInput().attempts,
      voiced('2026-11-26T11:00:00.000Z', 5.2, 4.1),
      voiced('2026-11-26T12:00:00.000Z', 3.1, 4.9),
    ];
    const fr = render(100, 'fr', { attempts });
    expect(fr).toContain('── étendue de l’intonation (demi-tons, P10–P90)');
    expect(fr).toMatch(/médiane 4,2 · dernier 3,1/);
    expect(fr).toContain('── syllabes/s mesurées (du premier au dernier mot)');
    expect(fr).toMatch(/médiane 4,5 · dernier 4,9/);
    // Without voice v2 figures, no empty chart.
    expect(render(100)).not.toContain('étendue de l’intonation');
  });

  it('reads without colour: no escape codes, and the same text as in colour', () => {
    const text = render(80);
    expect(text).not.toMatch(/\x1b/);
    expect(stripVTControlCharacters(render(80, 'fr', {}, colour))).toBe(text);
  });

  it('shows what a user looks for: record, the split to work on, pace band, retention, forecast, weak questions', () => {
    const text = render(80);
    expect(text).toContain('record 2:01.0 (20 nov.)');
    expect(text).toContain('somme des meilleurs 1:58.0');
    expect(text).toMatch(/▶2 {2}Ma mission actuelle +0:44\.0 +0:46\.0 +0:48\.0 +0:40\.0 +\+0:06\.0/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      '▶ À travailler : l’étape 2 « Ma mission actuelle », +0:06.0 au-dessus de son budget (médiane).',
    );
    expect(text).toContain('série : 3 j (record 3 j)');
    expect(text).toContain('1 sur 2 dans la plage 120–160');
    expect(text).toMatch(/demo +█+▓+░+ +2 +1 +1 +75 % \(4\)/);
    expect(text).toMatch(/aujourd’hui +█+ 2/);
    expect(text).toContain('  1. Question démo 2 ?\n     demo · 3 oublis · 2 fois « À revoir »\n');
    expect(text).toContain('  3. Question démo 1 ?\n     demo · 0 oubli · 1 fois « À revoir »');
  });

  it('says in one line per part that there is nothing yet', () => {
    const empty = render(80, 'fr', { attempts: [], reviews: reviewTable([]), cards: {} });
    expect(empty.split('\n').filter(Boolean)).toEqual([
      'Répétitions : aucune répétition — lancez « pitch rehearse ».',
      'Voix : aucun essai enregistré — essayez « pitch rehearse --record ».',
      'Quiz : aucune révision — lancez « pitch quiz ».',
    ]);
    const en = render(80, 'en', {
      attempts: [],
      reviews: reviewTable([]),
      cards: {},
      sinceDay: isoToDay('2026-11-01'),
    });
    expect(en.split('\n').filter(Boolean)).toEqual([
      'Since Nov 1',
      'Rehearsals: no rehearsal since Nov 1 — run "pitch rehearse".',
      'Voice: no recorded attempt since Nov 1 — try "pitch rehearse --record".',
      'Quiz: no review since Nov 1 — run "pitch quiz".',
    ]);
  });

  it('says so when a section has no complete run to draw', () => {
    const text = render(80, 'fr', { attempts: [attempt('2026-11-20T10:00:00Z', 'practice', [30, null, null])] });
    expect(text).toContain('Pas encore d’essai complet');
    expect(text).toContain('pas encore de record');
  });

  it('strips escape sequences from titles read from the user’s files', () => {
    const hostile = attempt('2026-11-20T10:00:00Z', 'complete', [30, 30, 30], {
      sectionTitle: 'Evil\x1b]52;c;cm0gLXJm\x07 title\x1b[2J',
    });
    const text = render(80, 'fr', { attempts: [hostile] });
    expect(text).not.toMatch(/\x1b|\x07/);
    expect(text).toContain('§ Evil title — objectif 2:00');
  });
});

describe('line chart', () => {
  const chart = (values: number[], width = 40, references = [{ value: 120 }]) =>
    renderLineChart({
      values,
      references,
      width,
      height: 6,
      formatValue: (v) => formatClock(v),
      xLabels: { left: 'début', right: 'fin' },
      chalk: plain,
    });

  it('draws the line with box characters and the target as a dotted line labelled with its value', () => {
    const { lines } = chart([130, 125, 118, 121]);
    const target = lines.find((l) => l.includes('┄'))!;
    expect(target.startsWith('2:00 ┤')).toBe(true);
    expect(lines.join('\n')).toMatch(/[╭╮╰╯]/);
    expect(lines[lines.length - 2]).toMatch(/^ +└─+$/);
    expect(lines[lines.length - 1]).toMatch(/début +fin$/);
  });

  it('puts the highest value on the top row and the lowest on the bottom one', () => {
    const { lines } = chart([200, 100], 20, []);
    expect(lines[0]).toMatch(/^3:20 ┤─+╮/);
    expect(lines[5]).toMatch(/^1:40 ┤ +╰─+$/);
  });

  it('averages points into columns when there are more points than columns', () => {
    const many = Array.from({ length: 500 }, (_, i) => 100 + (i % 7));
    const { lines, perColumn } = chart(many, 60);
    expect(perColumn).toBeGreaterThan(1);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(60);
  });

  it('widens few points, and draws a single one as a dot', () => {
    expect(chart([120, 130], 40).lines[0]!.length).toBeGreaterThan(10);
    expect(chart([125], 40).lines.join('')).toContain('●');
  });
});

describe('calendar heatmap', () => {
  const days = Array.from({ length: 14 }, (_, i) => ({
    date: `2026-11-${String(16 + i).padStart(2, '0')}`,
    reviews: i < 11 ? i : null,
  }));
  const heatmap = renderHeatmap({ days, names: intlStatsFormat('fr'), chalk: plain });

  it('draws one row per weekday, Monday first, one column per week', () => {
    expect(heatmap.lines).toHaveLength(8);
    expect(heatmap.lines[1]).toMatch(/^lun\. ·· +[░▒▓█]{2}$/);
    // Thursdays: 3 reviews (a mid shade), then 10, the busiest day (the darkest).
    expect(heatmap.lines[4]).toBe('jeu. ▒▒ ██');
    // Days to come stay blank.
    expect(heatmap.lines[5]).toBe('ven. ▒▒');
  });

  it('explains the shades with the counts they stand for', () => {
    expect(heatmap.legend).toBe('· 0  ░ 1–2  ▒ 3–5  ▓ 6–7  █ 8–10');
  });
});

describe('bars', () => {
  const part = (count: number, glyph: string) => ({ count, glyph, paint: (s: string) => s });

  it('stacks parts in proportion, over a length in proportion to the largest total', () => {
    expect(renderStackedBar([part(10, 'A'), part(5, 'B'), part(5, 'C')], 20, 20)).toBe('AAAAAAAAAABBBBBCCCCC');
    expect(renderStackedBar([part(5, 'A'), part(5, 'B')], 20, 20)).toBe('AAAAABBBBB');
  });

  it('shows a small part with at least one column, and nothing for nothing', () => {
    expect(renderStackedBar([part(1, 'A'), part(99, 'B')], 100, 10)).toBe('ABBBBBBBBB');
    expect(renderStackedBar([part(0, 'A')], 10, 10)).toBe('');
    expect(renderBar(1, 1000, 40)).toBe('█');
    expect(renderBar(0, 10, 40)).toBe('');
  });
});
