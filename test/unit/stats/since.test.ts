import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSince, MAX_SINCE_DAYS } from '../../../src/stats/since.js';
import { dayToIso, isoToDay } from '../../../src/stats/days.js';

const today = isoToDay('2026-11-26')!;
const since = (text: string) => {
  const r = parseSince(text, today);
  return r.ok ? dayToIso(r.day) : r.problem;
};

describe('--since', () => {
  it('counts days, weeks, months and years back from tomorrow, today included', () => {
    expect(since('1d')).toBe('2026-11-26');
    expect(since('7d')).toBe('2026-11-20');
    expect(since('30d')).toBe('2026-10-28');
    expect(since('30j')).toBe('2026-10-28');
    expect(since('30 days')).toBe('2026-10-28');
    expect(since('12w')).toBe('2026-09-04');
    expect(since('2 semaines')).toBe('2026-11-13');
    expect(since('1m')).toBe('2026-10-27');
    expect(since('6 mois')).toBe('2026-05-27');
    expect(since('1y')).toBe('2025-11-27');
    expect(since(' 2A ')).toBe('2024-11-27');
  });

  it('takes an ISO date, today included, the future refused', () => {
    expect(since('2026-11-01')).toBe('2026-11-01');
    expect(since('2026-11-26')).toBe('2026-11-26');
    expect(since('2026-11-27')).toBe('future');
  });

  it('refuses what is not a period, zero, and periods beyond ten years', () => {
    for (const bad of [
      '',
      'abc',
      '30',
      'd',
      '0d',
      '-3d',
      '3x',
      '3 minutes',
      '2026-02-30',
      '2026/11/01',
      '1.5m',
      '30dd',
    ])
      expect(since(bad)).toBe('format');
    expect(since('11y')).toBe('tooFar');
    expect(since(`${MAX_SINCE_DAYS + 1}d`)).toBe('tooFar');
    expect(since(`${MAX_SINCE_DAYS}d`)).not.toBe('tooFar');
  });

  it('never throws, and an accepted period starts on a day not after today', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const r = parseSince(text, today);
        if (r.ok) {
          expect(r.day).toBeLessThanOrEqual(today);
          expect(today - r.day).toBeLessThan(MAX_SINCE_DAYS);
        }
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SINCE_DAYS }), (n) => {
        const r = parseSince(`${n}d`, today);
        expect(r.ok && today - r.day + 1).toBe(n);
      }),
    );
  });
});
