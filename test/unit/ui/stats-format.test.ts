import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intlStatsFormat, piecesStatsFormat, readStatsPieces } from '../../../src/ui/stats-format.js';
import { statsFormat } from '../../../src/cli/stats-format.js';
import { Store } from '../../../src/store/store.js';

const LANGS = ['fr', 'en'] as const;

// Numbers as statistics give them: counts, averages, medians (also negatives, huge ones, exact halves at
// both precisions, values a hair either side of a half, -0, and what JavaScript writes with an exponent).
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 20),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 10 + 0.05),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n + 0.5),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
  fc.constantFrom(-0, 0.15, 0.25, 1.005, 2.675, 1e21, 1e-7, -1e-7, Infinity, -Infinity, 9.95, 99.95, 999.5, -0.04),
);
// Days from the year 1 to 9999 (most of them in the years a user has data for), and invalid dates.
const dates = fc.oneof(
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.constant(new Date(Number.NaN)),
);

describe('numbers and dates of the stats text written from the language pieces', () => {
  for (const lang of LANGS) {
    const pieces = readStatsPieces(lang);
    it(`${lang}: Intl's pieces are accepted (plain code writes Intl's samples)`, () => {
      expect(pieces).not.toBeNull();
    });
    const hand = piecesStatsFormat(lang, pieces!);
    const intl = {
      int: new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }),
      dec: new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    };

    it(`${lang}: whole and one-decimal numbers are Intl's, byte for byte`, () => {
      fc.assert(
        fc.property(numbers, (n) => {
          expect(hand.int(n)).toBe(intl.int.format(n));
          expect(hand.dec(n)).toBe(intl.dec.format(n));
        }),
        { numRuns: 3000 },
      );
    });

    it(`${lang}: short, long, weekday dates and the heatmap's names are Intl's, byte for byte`, () => {
      const reference = intlStatsFormat(lang);
      const write = (f: (d: Date) => string, d: Date) => {
        try {
          return f(d);
        } catch (error) {
          return `throws ${(error as Error).name}`;
        }
      };
      fc.assert(
        fc.property(dates, (d) => {
          for (const name of ['shortDate', 'longDate', 'weekdayDay', 'weekday', 'month'] as const)
            expect(write(hand[name], d)).toBe(write(reference[name], d));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('reads as people write them: "12 345", "3,5", "12 oct. 2025"; "12,345", "3.5", "Oct 12, 2025"', () => {
    const fr = piecesStatsFormat('fr', readStatsPieces('fr')!);
    const en = piecesStatsFormat('en', readStatsPieces('en')!);
    const day = new Date('2025-10-12T00:00:00Z');
    expect([fr.int(12345), fr.dec(3.45), fr.longDate(day), fr.weekdayDay(day)]).toEqual([
      '12\u202f345',
      '3,5',
      '12 oct. 2025',
      'dim. 12',
    ]);
    expect([en.int(12345), en.dec(3.45), en.longDate(day), en.weekdayDay(day)]).toEqual([
      '12,345',
      '3.5',
      'Oct 12, 2025',
      '12 Sun',
    ]);
  });
});

describe('the stats formats kept in the cache', () => {
  const homes: string[] = [];
  afterEach(() => {
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });

  it('are written on the first run, read back on the next, and read from Intl again when spoiled', () => {
    const home = mkdtempSync(join(tmpdir(), 'pitch-format-'));
    homes.push(home);
    const store = new Store({ home });
    const file = join(home, 'cache', 'stats-format-fr.json');
    const day = new Date('2026-03-09T00:00:00Z');
    expect(statsFormat(store, 'fr').shortDate(day)).toBe('9 mars');
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; data: { decimal: string } };
    expect(kept.data.decimal).toBe(',');
    // What is read back is what is used: a changed piece shows (the same key).
    writeFileSync(file, JSON.stringify({ key: kept.key, data: { ...kept.data, decimal: '·' } }));
    expect(statsFormat(store, 'fr').dec(2.5)).toBe('2·5');
    // Another language, or pieces of the wrong shape: Intl again, and the file rewritten.
    expect(statsFormat(store, 'fr', { ...process.env, LANG: 'xx' }).dec(2.5)).toBe('2,5');
    writeFileSync(file, JSON.stringify({ key: kept.key, data: { ...kept.data, dates: {} } }));
    expect(statsFormat(store, 'fr').dec(2.5)).toBe('2,5');
    expect(JSON.parse(readFileSync(file, 'utf8')).data.dates.shortDate.months[2]).toBe('mars');
  });
});
