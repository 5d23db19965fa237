import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/i18n/index.js';
import { formatDecimal, useNumberFormat } from '../../../src/ui/numbers.js';
import { piecesStatsFormat, readStatsPieces } from '../../../src/ui/stats-format.js';

describe('decimals in the user language', () => {
  it('are written from the language pieces as Intl writes them, trimmed or not', () => {
    for (const lang of ['fr', 'en'] as Lang[]) {
      const intl = (x: number, digits: 0 | 1, trim: boolean) =>
        x.toLocaleString(lang, { minimumFractionDigits: trim ? 0 : digits, maximumFractionDigits: digits });
      const pieces = readStatsPieces(lang);
      expect(pieces, lang).not.toBeNull();
      useNumberFormat(lang, piecesStatsFormat(lang, pieces!));
      const values = fc.oneof(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        // Halves and values that round to a whole number, where trimming and rounding meet.
        fc.integer({ min: -20000, max: 20000 }).map((n) => n / 20),
        fc.integer({ min: -2000, max: 2000 }).map((n) => n + 0.04),
      );
      fc.assert(
        fc.property(values, fc.constantFrom<0 | 1>(0, 1), fc.boolean(), (x, digits, trim) => {
          expect(formatDecimal(x, lang, digits, trim)).toBe(intl(x, digits, trim));
        }),
        { numRuns: 5000 },
      );
      expect(formatDecimal(3, lang, 1, true)).toBe('3');
      expect(formatDecimal(3.96, lang, 1, true)).toBe(intl(3.96, 1, true));
    }
  });
});
