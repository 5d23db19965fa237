import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * A PATH whose "arecord" is the stand-in recorder of test/fixtures/audio (a 220 Hz tone on and off
 * every half second), for machines without a sound card. Use with PITCH_RECORDER=arecord.
 */
export function fakeRecorderPath(home: string): { PATH: string; pidfile: string } {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  const pidfile = join(home, 'recorder.pid');
  const script = join(bin, 'arecord');
  writeFileSync(
    script,
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'test/fixtures/audio/fake-recorder.mjs')}" --latency 50 --pidfile "${pidfile}" "$@"\n`,
  );
  chmodSync(script, 0o755);
  return { PATH: `${bin}:${process.env.PATH}`, pidfile };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
