import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDurationHint, formatClock, parseDuration, stripDurationHint } from '../../../src/pitch/duration.js';

describe('parseDuration (--target values)', () => {
  it.each([
    ['90s', 90],
    ['90 s', 90],
    ['90', 90],
    ['2m', 120],
    ['2 min', 120],
    ['2 minutes', 120],
    ['1m30', 90],
    ['1m30s', 90],
    ['1 min 30', 90],
    ['1 min 30 s', 90],
    ['2:00', 120],
    ['1:05', 65],
    ['1,5 min', 90],
    ['1.5m', 90],
    ['6s', 6],
  ])('%j → %i s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'abc', '0', '0s', '-5s', '2:75', '1h', '5 jours', '99999m', 'm'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('never throws and returns null or a positive value', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const v = parseDuration(s);
        expect(v === null || (v > 0 && v <= 4 * 3600)).toBe(true);
      }),
    );
  });
});

describe('duration hints in headings', () => {
  it.each([
    ['Pitch court (≈ 2 min)', 120],
    ['Pitch (~2 min)', 120],
    ['Pitch en 2 minutes', 120],
    ['Intro 90 s', 90],
    ['Version 1 min 30', 90],
    ['Version (1m30)', 90],
    ['Version détaillée', null],
    ['Support N2/N3', null],
    ['Les 3 sous-projets', null],
  ])('%j → %s', (title, seconds) => {
    expect(findDurationHint(title)).toBe(seconds);
  });

  it('strips the hint from a title', () => {
    expect(stripDurationHint('Pitch court (≈ 2 min)')).toBe('Pitch court');
    expect(stripDurationHint('Pitch — ~90 s')).toBe('Pitch');
    expect(stripDurationHint('Version détaillée')).toBe('Version détaillée');
  });

  it('formats clocks', () => {
    expect(formatClock(120)).toBe('2:00');
    expect(formatClock(65.4, true)).toBe('1:05.4');
    expect(formatClock(-3.25, true)).toBe('-0:03.2');
  });
});
