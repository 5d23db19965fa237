// Checks that `pitch stats` prints exactly what an earlier build printed, for the same data: the stores of
// bench-store.mjs (1k, 10k, 100k reviews), a small one and an empty one, in French and English, text and
// --json, with --since/--section/--topic and usage errors, in two time zones, the clock stopped at one
// instant for both builds; then again after events are appended to the logs (the same bytes to both copies),
// in three stages: new rehearsals, a session, reviews and an undone one (statistics' summary folds them);
// a rehearsal deleted, one written again and one older than the latest (the summary is computed anew);
// a tail long enough for a new summary to be written, read back by the next run. Speed work on statistics
// must leave every byte as it was. Not a test (it needs an earlier build); run after `npm run build`:
//   node scripts/compare-stats.mjs DIR          DIR: a copy of an earlier build (DIR/bin/pitch.js)
//   SCALES=1000 node scripts/compare-stats.mjs DIR
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStore } from './bench-store.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const before = process.argv[2];
if (!before) {
  console.error('usage: node scripts/compare-stats.mjs DIR (a copy of an earlier build)');
  process.exit(2);
}
const builds = { before: join(before, 'bin', 'pitch.js'), after: join(ROOT, 'bin', 'pitch.js') };
const SCALES = (process.env.SCALES || '1000,10000,100000').split(',').map(Number);
const NOW = '2026-11-30T21:00:00Z';
// Both builds see the same "now": new Date() and Date.now() stand still (the report names today and counts days).
const stopClock = `data:text/javascript,${encodeURIComponent(`
  const fixed = Date.parse(${JSON.stringify(NOW)}); const Real = Date;
  globalThis.Date = class extends Real { constructor(...a) { super(...(a.length ? a : [fixed])); } static now() { return fixed; } };`)}`;
const CASES = [
  ['stats'],
  ['stats', '--json'],
  ['--lang', 'en', 'stats'],
  ['--lang', 'en', 'stats', '--json'],
  ['stats', '--since', '30d'],
  ['stats', '--since', '2026-11-20', '--json'],
  ['stats', '--section', '1'],
  ['stats', '--section', '1-pitch-court', '--json'],
  ['stats', '--topic', 'spark'],
  ['stats', '--topic', 'spark,kubernetes', '--json'],
  ['stats', '--section', 'nope'],
  ['stats', '--since', 'demain'],
  ['stats', '--bogus'],
];

/** A rehearsal record as `pitch rehearse` saves it. */
function rehearsal(id, startedAt, kind, seconds, speech) {
  const splits = seconds.map((s, k) => ({
    key: ['1-bonjour-je-m-appelle-ibrahim', '2-ma-mission-actuelle-est-chez', '3-avant-cela-chez'][k],
    title: ['Bonjour, je m’appelle Ibrahim', 'Ma mission actuelle est chez', 'Avant cela, chez'][k],
    budgetSeconds: 24,
    seconds: s,
    words: 55,
  }));
  return {
    id,
    startedAt,
    sectionId: '1-pitch-court',
    sectionTitle: 'Pitch court (≈ 2 min)',
    targetSeconds: 120,
    promptLevel: 'cues',
    kind,
    totalSeconds: Math.round(seconds.reduce((n, s) => n + (s ?? 0), 0) * 10) / 10,
    splits,
    words: 165,
    ...(speech ? { speech } : {}),
  };
}

const card = (at, lapses) => ({
  due: new Date(Date.parse(at) + 3 * 86_400_000).toISOString(),
  stability: 4.1,
  difficulty: 5.2,
  elapsed_days: 3,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 9,
  lapses,
  state: 2,
  last_review: at,
});

const review = (questionId, topic, rating, state, reviewedAt) => ({
  v: 1,
  type: 'review',
  review: {
    questionId,
    topic,
    kind: 'mcq',
    rating,
    state,
    reviewedAt,
    elapsedDays: 3,
    seconds: 9,
    session: 'x-1',
    cram: false,
  },
  card: card(reviewedAt, rating === 1 ? 3 : 2),
});

/** Events appended at each stage, by log (the same bytes go to both builds' copies). */
const STAGES = [
  [
    'appended',
    {
      'history.jsonl': [
        {
          v: 1,
          type: 'rehearsal',
          record: rehearsal('x-1', '2026-11-30T08:00:00.000Z', 'complete', [22.1, 25.3, 19.9], {
            wordsPerMinute: 151,
            longestPauseSeconds: 1.2,
          }),
        },
        {
          v: 1,
          type: 'rehearsal',
          record: rehearsal('x-2', '2026-11-30T09:00:00.000Z', 'practice', [21.0, 24.0, null]),
        },
        {
          v: 1,
          type: 'rehearsal',
          record: rehearsal('x-3', '2026-11-30T10:00:00.000Z', 'complete', [20.5, 23.8, 21.0]),
        },
        {
          v: 1,
          type: 'quiz',
          record: {
            id: 'x-q1',
            startedAt: '2026-11-30T11:00:00.000Z',
            endedAt: '2026-11-30T11:05:00.000Z',
            topics: ['spark'],
            mode: 'mixed',
            cram: false,
            interrupted: false,
            reviews: [],
          },
        },
      ],
      'reviews.jsonl': [
        review('spark-file-partitions-1', 'spark', 3, 2, '2026-11-30T11:01:00.000Z'),
        review('spark-file-partitions-1', 'spark', 1, 2, '2026-11-30T11:02:00.000Z'),
        review('kubernetes-x-new', 'kubernetes', 4, 0, '2026-11-30T11:03:00.000Z'),
        {
          v: 1,
          type: 'unreview',
          questionId: 'kubernetes-x-new',
          reviewedAt: '2026-11-30T11:03:00.000Z',
          session: 'x-1',
          card: null,
        },
      ],
    },
  ],
  [
    'edited',
    {
      'history.jsonl': [
        { v: 1, type: 'delete', list: 'rehearsals', id: 'a-5' },
        {
          v: 1,
          type: 'rehearsal',
          record: rehearsal('x-1', '2026-11-30T08:00:00.000Z', 'complete', [21.1, 25.3, 19.9]),
        },
        {
          v: 1,
          type: 'rehearsal',
          record: rehearsal('x-4', '2026-11-29T10:00:00.000Z', 'complete', [19.5, 20.8, 21.0]),
        },
      ],
      'reviews.jsonl': [],
    },
  ],
  [
    'long tail',
    {
      'history.jsonl': Array.from({ length: 70 }, (_, i) => ({
        v: 1,
        type: 'rehearsal',
        record: rehearsal(
          `y-${i}`,
          new Date(Date.parse('2026-11-30T12:00:00Z') + i * 60_000).toISOString(),
          i % 4 ? 'complete' : 'practice',
          [20 + (i % 7), 22 + (i % 5), 21 + (i % 3)],
          i % 3 ? null : { wordsPerMinute: 130 + i, longestPauseSeconds: 0.4 + (i % 9) / 10 },
        ),
      })),
      'reviews.jsonl': Array.from({ length: 300 }, (_, i) =>
        review(
          `spark-file-partitions-${1 + (i % 3)}`,
          'spark',
          1 + (i % 4),
          i % 3,
          new Date(Date.parse('2026-11-30T13:00:00Z') + i * 1000).toISOString(),
        ),
      ),
    },
  ],
];

/** Appends a stage's events to both copies of a data folder; a log that is not there yet starts with a header. */
function appendStage(home, events) {
  for (const [log, lines] of Object.entries(events)) {
    if (!lines.length) continue;
    const header = existsSync(join(`${home}-before`, log))
      ? ''
      : `${JSON.stringify({ v: 1, type: 'log', id: `compare-${log}`, created: NOW })}\n`;
    const text = header + lines.map((e) => `${JSON.stringify(e)}\n`).join('');
    for (const build of Object.keys(builds)) appendFileSync(join(`${home}-${build}`, log), text);
  }
}

const work = mkdtempSync(join(tmpdir(), 'pitch-compare-stats-'));
try {
  const homes = [['empty', 0, 0], ['small', 12, 40], ...SCALES.map((n) => [`${n / 1000}k`, n / 10, n])];
  let compared = 0;
  const differ = [];
  for (const [name, attempts, reviews] of homes) {
    const home = join(work, name);
    mkdirSync(home, { recursive: true });
    if (reviews) writeStore(home, attempts, reviews);
    // Each build runs on its own copy: the first run migrates and writes its caches.
    for (const build of Object.keys(builds)) cpSync(home, `${home}-${build}`, { recursive: true });
    for (const [stage, events] of [['as written', null], ...STAGES]) {
      if (events) appendStage(home, events);
      for (const tz of ['Europe/Paris', 'America/New_York'])
        for (const args of CASES) {
          const out = {};
          for (const [build, bin] of Object.entries(builds)) {
            // Run from the build's own folder: the bundled pitch's path is shown relative to it, the same for both.
            const own = join(bin, '..', '..');
            const r = spawnSync(process.execPath, ['--import', stopClock, bin, ...args], {
              cwd: own,
              env: {
                ...process.env,
                PITCH_HOME: `${home}-${build}`,
                TZ: tz,
                NO_COLOR: '1',
                LANG: 'fr_FR.UTF-8',
                COLUMNS: '100',
              },
              encoding: 'utf8',
              maxBuffer: 64 * 1024 * 1024,
            });
            // What names a build's own folder (an absolute path in --json) or its copy of the data folder (the
            // first run's migration notice) is the same file for both.
            out[build] = JSON.stringify([r.status, r.stdout, r.stderr])
              .replaceAll(`${home}-${build}`, '<home>')
              .replaceAll(own, '<build>');
          }
          compared++;
          if (out.before !== out.after) differ.push(`${name} (${stage}) ${tz}: pitch ${args.join(' ')}`);
        }
    }
  }
  console.log(`${compared} runs compared (stdout, stderr, exit code), ${differ.length} differ`);
  for (const d of differ) console.log(`  ${d}`);
  process.exitCode = differ.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
