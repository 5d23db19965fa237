// A child process for the durability tests: appends records to the real store in a loop and prints
// "ack <id>" on stdout after each write has returned. Bundled by the test with esbuild, run by plain node.
import { openSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { realFs, type StoreFs } from '../../src/store/fs.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';

const [home, prefix, countArg] = process.argv.slice(2);
// With PITCH_TEST_SLOW_UNLINK set, every removal of a lock file waits a few milliseconds first, as a process
// descheduled between deciding a lock is stale and removing it would: a takeover that removes a lock
// without re-checking it is still the stale one then removes a live writer's lock, and two writers overlap.
const slow = Boolean(process.env.PITCH_TEST_SLOW_UNLINK);
const pause = new Int32Array(new SharedArrayBuffer(4));
const fs: StoreFs = slow
  ? {
      ...realFs,
      unlinkSync: (path) => {
        if (String(path).endsWith('.lock')) Atomics.wait(pause, 0, 0, 1 + Math.random() * 4);
        realFs.unlinkSync(path);
      },
    }
  : realFs;
const store = new Store({ home: home!, lockTimeoutMs: 30_000, fs });
const count = Number(countArg ?? Infinity);
// With PITCH_TEST_EXCLUSIVE set, every change also proves it runs alone: it creates a marker file with
// O_EXCL and prints "overlap" if another writer's marker is there (two holders of the lock at once).
const exclusive = Boolean(process.env.PITCH_TEST_EXCLUSIVE);
function alone(doc: string, work: () => void): void {
  if (!exclusive) {
    work();
    return;
  }
  const marker = join(home!, `${doc}.inside`);
  let fd: number;
  try {
    fd = openSync(marker, 'wx');
  } catch {
    process.stdout.write('overlap\n');
    work();
    return;
  }
  try {
    work();
    // Linger a little so an overlapping holder would be caught.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
  } finally {
    closeSync(fd);
    unlinkSync(marker);
  }
}
process.stdout.write('ready\n');
// With PITCH_TEST_START_AT (ms since the epoch), every writer makes its first write at that moment, so
// several meet the same stale lock within a millisecond: the race a takeover must survive.
const startAt = Number(process.env.PITCH_TEST_START_AT ?? 0);
while (Date.now() < startAt) {
  // spin: a sleep would add a scheduler's delay of its own
}
for (let i = 0; i < count; i++) {
  const id = `${prefix}-${i}`;
  if (i % 2 === 0) {
    store.update(historySpec, (doc) =>
      alone('history', () => {
        doc.rehearsals.push({
          id,
          startedAt: new Date().toISOString(),
          sectionId: 's',
          sectionTitle: 'S',
          targetSeconds: 120,
          promptLevel: 'full',
          kind: 'complete',
          totalSeconds: 100 + (i % 40),
          splits: [{ key: '1-a', title: 'a', budgetSeconds: 120, seconds: 100, words: 10 }],
          words: 10,
        });
      }),
    );
  } else {
    store.update(cardsSpec, (doc) =>
      alone('cards', () => {
        doc.reviews.push({
          questionId: id,
          topic: 't',
          kind: 'mcq',
          rating: 3,
          state: 0,
          reviewedAt: new Date().toISOString(),
          seconds: 1,
          cram: false,
        });
      }),
    );
  }
  process.stdout.write(`ack ${id}\n`);
}
