import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDayClock, dayToIso, isoToDay, monthsBefore, weekdayOf } from '../../../src/stats/days.js';

const day = (iso: string) => isoToDay(iso)!;

describe('local days', () => {
  it('places an instant on the calendar day of the time zone, not of UTC', () => {
    const at = Date.parse('2026-11-23T23:30:00Z');
    expect(dayToIso(createDayClock('UTC').dayOf(at))).toBe('2026-11-23');
    expect(dayToIso(createDayClock('Europe/Paris').dayOf(at))).toBe('2026-11-24');
    expect(dayToIso(createDayClock('America/New_York').dayOf(at))).toBe('2026-11-23');
    expect(dayToIso(createDayClock('Asia/Kolkata').dayOf(Date.parse('2026-11-23T18:29:59Z')))).toBe('2026-11-23');
    expect(dayToIso(createDayClock('Asia/Kolkata').dayOf(Date.parse('2026-11-23T18:30:00Z')))).toBe('2026-11-24');
  });

  it('follows daylight saving changes (Paris switches on 29 March and 25 October 2026)', () => {
    const paris = createDayClock('Europe/Paris');
    // 22:30 UTC is 23:30 in winter but 00:30 the next day in summer.
    expect(dayToIso(paris.dayOf(Date.parse('2026-03-28T22:30:00Z')))).toBe('2026-03-28');
    expect(dayToIso(paris.dayOf(Date.parse('2026-03-29T22:30:00Z')))).toBe('2026-03-30');
    expect(dayToIso(paris.dayOf(Date.parse('2026-10-24T22:30:00Z')))).toBe('2026-10-25');
    expect(dayToIso(paris.dayOf(Date.parse('2026-10-25T22:30:00Z')))).toBe('2026-10-25');
  });

  it('agrees with Intl for any instant in any of several zones (cached offsets stay right)', () => {
    const zones = ['Europe/Paris', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    const clocks = zones.map((z) => ({
      z,
      clock: createDayClock(z),
      fmt: new Intl.DateTimeFormat('en-CA', { timeZone: z, year: 'numeric', month: '2-digit', day: '2-digit' }),
    }));
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }),
        fc.nat(zones.length - 1),
        (ms, i) => {
          const { clock, fmt } = clocks[i]!;
          expect(dayToIso(clock.dayOf(ms))).toBe(fmt.format(new Date(ms)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl over runs of dates in order around clock changes (the day at hand is reused)', () => {
    // Paris, Casablanca (DST paused for Ramadan: two changes a month apart), Lord Howe (30-minute DST).
    const changes: Array<[string, string]> = [
      ['Europe/Paris', '2026-03-29T01:00:00Z'],
      ['Europe/Paris', '2026-10-25T01:00:00Z'],
      ['Africa/Casablanca', '2026-02-15T02:00:00Z'],
      ['Africa/Casablanca', '2026-03-22T02:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ];
    fc.assert(
      fc.property(
        fc.nat(changes.length - 1),
        fc.array(fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 60 }),
        (i, offsets) => {
          const [zone, change] = changes[i]!;
          const clock = createDayClock(zone);
          const fmt = new Intl.DateTimeFormat('en-CA', {
            timeZone: zone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          });
          for (const d of [...offsets].sort((a, b) => a - b)) {
            const ms = Date.parse(change) + d;
            expect(dayToIso(clock.dayOf(ms))).toBe(fmt.format(new Date(ms)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives NaN for an unreadable date instead of a day', () => {
    expect(createDayClock('UTC').dayOf(Number.NaN)).toBeNaN();
  });

  it('reads real calendar dates only', () => {
    expect(dayToIso(day('2026-02-28'))).toBe('2026-02-28');
    expect(isoToDay('2026-02-29')).toBeNull();
    expect(isoToDay('2026-13-01')).toBeNull();
    expect(isoToDay('26-11-01')).toBeNull();
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayOf(day('2026-11-23'))).toBe(0);
    expect(weekdayOf(day('2026-11-26'))).toBe(3);
    expect(weekdayOf(day('2026-11-29'))).toBe(6);
    expect(weekdayOf(day('1969-12-29'))).toBe(0);
  });

  it('goes back whole months, clamped to shorter months', () => {
    expect(dayToIso(monthsBefore(day('2026-11-27'), 1))).toBe('2026-10-27');
    expect(dayToIso(monthsBefore(day('2026-03-31'), 1))).toBe('2026-02-28');
    expect(dayToIso(monthsBefore(day('2026-01-15'), 2))).toBe('2025-11-15');
    expect(dayToIso(monthsBefore(day('2026-11-27'), 12))).toBe('2025-11-27');
  });
});
