// A child process for the durability tests: appends records to the real store in a loop and prints
// "ack <id>" on stdout after each write has returned. Bundled by the test with esbuild, run by plain node.
import { openSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';

const [home, prefix, countArg] = process.argv.slice(2);
const store = new Store({ home: home!, lockTimeoutMs: 30_000 });
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
