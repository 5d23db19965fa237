import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createDayClock,
  type DayClock,
  dayToIso,
  isoToDay,
  localDayClock,
  monthsBefore,
  weekdayOf,
} from '../../../src/stats/days.js';

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
    expect(localDayClock().dayOf(Number.NaN)).toBeNaN();
    expect(createDayClock('UTC').span(Number.NaN).day).toBeNaN();
  });

  // Zones with DST at 2:00, at midnight (Havana, Santiago), 30-minute DST (Lord Howe), a 45-minute offset
  // (Chatham), DST paused for Ramadan (Casablanca), a zone that skipped a whole day (Apia, end of 2011).
  const ZONES = [
    'Europe/Paris',
    'America/New_York',
    'America/Havana',
    'America/Santiago',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Africa/Casablanca',
    'Pacific/Apia',
    'Asia/Kolkata',
    'UTC',
  ];

  /** Runs `check` with the process in `zone` (Node re-reads TZ when it is assigned). */
  function inZone(zone: string, check: () => void): void {
    const before = process.env.TZ;
    process.env.TZ = zone;
    try {
      check();
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  }

  it("counts days in the process's own zone exactly as Intl does, clock changes and pre-1900 local mean time included", () => {
    for (const zone of ZONES)
      inZone(zone, () => {
        const local = localDayClock();
        const intl = createDayClock(zone);
        // The name Intl gives the zone (its canonical one: Asia/Calcutta for Asia/Kolkata), as before.
        expect(local.timeZone).toBe(intl.timeZone);
        // Every 37 minutes over two years around the data's dates, and every 7 hours over 1890–2040.
        for (let ms = Date.parse('2025-06-01'); ms < Date.parse('2027-06-01'); ms += 37 * 60_000)
          if (local.dayOf(ms) !== intl.dayOf(ms))
            expect([zone, new Date(ms).toISOString(), local.dayOf(ms)]).toEqual([
              zone,
              new Date(ms).toISOString(),
              intl.dayOf(ms),
            ]);
        for (let ms = Date.parse('1890-01-01'); ms < Date.parse('2040-01-01'); ms += 7 * 3_600_000 + 1_013)
          if (local.dayOf(ms) !== intl.dayOf(ms))
            expect([zone, new Date(ms).toISOString(), local.dayOf(ms)]).toEqual([
              zone,
              new Date(ms).toISOString(),
              intl.dayOf(ms),
            ]);
      });
  });

  it('gives spans of instants that all fall on the day it names, in any zone', () => {
    const clocks: DayClock[] = ZONES.map((zone) => createDayClock(zone));
    inZone('Europe/Paris', () => clocks.push(localDayClock()));
    fc.assert(
      fc.property(
        fc.nat(clocks.length - 1),
        fc.integer({ min: Date.parse('2011-01-01'), max: Date.parse('2030-01-01') }),
        fc.array(fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }), { minLength: 1, maxLength: 20 }),
        (i, ms, deltas) => {
          const clock = clocks[i]!;
          const { day, start, end } = clock.span(ms);
          expect(day).toBe(clock.dayOf(ms));
          expect(start <= ms && ms < end).toBe(true);
          for (const d of [start - ms, end - 1 - ms, ...deltas]) {
            const at = ms + d;
            if (at >= start && at < end) expect(clock.dayOf(at)).toBe(day);
          }
        },
      ),
      { numRuns: 1000 },
    );
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
