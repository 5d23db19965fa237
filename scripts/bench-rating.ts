// Child of bench-store.mjs (bundled by it with esbuild): times one quiz rating persisted through the
// store, as `pitch quiz` saves it (lock, log tail, one fsync'd append), on the store at argv[2], argv[3]
// times. With argv[4] = "rehearsal", also saves one rehearsal as `pitch rehearse` does (new events in both
// logs: bench-store times `pitch stats` right after them).
import { performance } from 'node:perf_hooks';
import { applyReview } from '../src/quiz/schedule.js';
import { Store } from '../src/store/store.js';
import { appendRehearsal } from '../src/store/history-edits.js';

const home = process.argv[2]!;
const runs = Number(process.argv[3] ?? 30);
const store = new Store({ home });
const cards = Object.keys(store.readCards());
const times: number[] = [];
let now = Date.parse('2026-12-01T08:00:00Z');
for (let i = 0; i < runs; i++) {
  now += 60_000;
  const t0 = performance.now();
  store.updateCards((state) =>
    applyReview(state, {
      questionId: cards[i % cards.length] ?? 'bench-q',
      topic: 'spark',
      kind: 'mcq',
      rating: 3,
      seconds: 5,
      session: 'bench',
      now: new Date(now),
    }),
  );
  times.push(performance.now() - t0);
}
if (process.argv[4] === 'rehearsal') {
  const at = new Date();
  const splits = [24.1, 22.8, 25.3, 23.9, 21.7].map((seconds, k) => ({
    key: `${k + 1}-bench`,
    title: `Partie ${k + 1}`,
    budgetSeconds: 24,
    seconds,
    words: 55,
  }));
  appendRehearsal(store, {
    id: `bench-${at.getTime()}`,
    startedAt: at.toISOString(),
    sectionId: '1-pitch-court',
    sectionTitle: 'Pitch court (≈ 2 min)',
    targetSeconds: 120,
    promptLevel: 'cues',
    kind: 'complete',
    totalSeconds: 117.8,
    splits,
    words: 275,
    speech: { wordsPerMinute: 141, longestPauseSeconds: 1.1 },
  });
}
times.sort((a, b) => a - b);
process.stdout.write(
  JSON.stringify({ median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)] }),
);
