import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../src/store/store.js';
import { timeZoneName } from '../../../src/cli/time-zone.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** Runs `check` with the process in `zone` (Node re-reads TZ when it is assigned; undefined: unset). */
function inZone<T>(zone: string | undefined, check: () => T): T {
  const before = process.env.TZ;
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
  try {
    return check();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const intl = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('the time zone statistics name', () => {
  it('is the name Intl gives, on the first run and on the runs after it, as TZ changes between runs', () => {
    const home = mkdtempSync(join(tmpdir(), 'pitch-tz-'));
    homes.push(home);
    const store = new Store({ home });
    // Aliases and prefixes Intl resolves (US/Eastern → America/New_York, Etc/UTC → UTC), a POSIX rule, none.
    const zones = [
      'Europe/Paris',
      'America/New_York',
      'US/Eastern',
      'Asia/Kolkata',
      'Etc/UTC',
      ':Europe/Paris',
      'posix/Asia/Tokyo',
      'EST5EDT',
      undefined,
    ];
    for (let round = 0; round < 2; round++)
      for (const zone of zones) inZone(zone, () => expect([zone, timeZoneName(store)]).toEqual([zone, intl()]));
    // Alternating zones, each answered from the data folder by now, never with another zone's name.
    for (const zone of ['Europe/Paris', 'Asia/Tokyo', 'Europe/Paris'])
      inZone(zone, () => expect(timeZoneName(store)).toBe(zone));
  });
});
