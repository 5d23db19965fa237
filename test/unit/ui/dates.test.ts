import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../src/ui/dates.js';
import { translator } from '../../../src/i18n/index.js';

// Local time: the test process runs in a fixed zone (see vitest.config or TZ); dates are built locally.
const now = new Date(2026, 10, 30, 19, 0); // Monday 30 November 2026, 19:00 local
const at = (d: number, h: number, m: number) => new Date(2026, 10, d, h, m);
// Intl keeps "10 min" together with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const fr = (d: Date) => plain(formatWhen(d, now, 'fr', translator('fr')));
const en = (d: Date) => plain(formatWhen(d, now, 'en', translator('en')));

describe('dates said relative to now, in local time', () => {
  it('says minutes within the hour', () => {
    expect(fr(at(30, 19, 10))).toBe('dans 10 min');
    expect(fr(at(30, 18, 55))).toBe('il y a 5 min');
    expect(fr(now)).toBe('à l’instant');
    expect(en(at(30, 19, 10))).toBe('in 10 min.');
  });
  it('says today, tomorrow and yesterday with the time', () => {
    expect(fr(at(30, 8, 5))).toBe('aujourd’hui 08:05');
    expect(fr(new Date(2026, 11, 1, 18, 12))).toBe('demain 18:12');
    expect(fr(at(29, 14, 5))).toBe('hier 14:05');
    expect(en(new Date(2026, 11, 1, 18, 12))).toBe('tomorrow 18:12');
  });
  it('says days within the week, then the date', () => {
    expect(fr(new Date(2026, 11, 3, 9, 0))).toBe('dans 3 j');
    expect(fr(at(26, 9, 0))).toBe('il y a 4 j');
    expect(fr(new Date(2026, 11, 24, 9, 30))).toBe('24 déc. 09:30');
    expect(fr(new Date(2025, 11, 24, 9, 30))).toBe('24 déc. 2025 09:30');
  });
});
