// Scale benchmark of `pitch stats` (issue 7): a store holding ATTEMPTS rehearsals and REVIEWS quiz
// reviews, written the way the store writes them; `pitch stats` and `pitch stats --json` timed side
// by side with `pitch --help`, medians of interleaved runs, with peak RSS. Run after `npm run build`;
// scripts/bench.mjs runs it too. Not a test: nothing here fails the build.
//   node scripts/bench-stats.mjs                  10,000 attempts, 100,000 reviews
//   ATTEMPTS=5000 REVIEWS=50000 node scripts/bench-stats.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const RUNS = Number(process.env.BENCH_RUNS || 9);
const ATTEMPTS = Number(process.env.ATTEMPTS || 10_000);
const REVIEWS = Number(process.env.REVIEWS || 100_000);
const GOAL = 3; // × pitch --help
const RSS_GOAL_MB = 80;

/** A deterministic pseudo-random source, so every run benchmarks the same store. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Question ids of the bundled packs, by topic: reviews name real questions, as they would. */
function bankIds() {
  const dir = join(ROOT, 'data', 'questions');
  const byTopic = new Map();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const topic = /^topic:\s*(\S+)/m.exec(text)?.[1];
    const ids = [...text.matchAll(/^\s*- id:\s*(\S+)/gm)].map((m) => m[1]);
    if (topic && ids.length) byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...ids]);
  }
  return [...byTopic].flatMap(([topic, ids]) => ids.map((id) => ({ topic, id })));
}

/** history.json and cards.json as Store writes them (JSON, one-space indentation, current versions). */
export function writeStore(home, attempts, reviews, seed = 7) {
  const random = rng(seed);
  const end = Date.parse('2026-11-26T18:00:00Z');
  const span = 400 * 86_400_000;
  const titles = [
    'Bonjour, je m’appelle Ibrahim',
    'Ma mission actuelle est chez',
    'Avant cela, chez',
    'Ce qui me motive',
    'Pour conclure',
  ];
  const rehearsals = [];
  for (let i = 0; i < attempts; i++) {
    const kind = random() < 0.15 ? 'practice' : random() < 0.05 ? 'incomplete' : 'complete';
    const splits = titles.map((title, k) => ({
      key: `${k + 1}-${title
        .toLowerCase()
        .replace(/[^a-z]+/g, '-')
        .slice(0, 30)}`,
      title,
      budgetSeconds: 24,
      seconds: kind === 'incomplete' && k > 2 ? null : Math.round((20 + random() * 10 - (i / attempts) * 3) * 10) / 10,
      words: 55,
    }));
    const total = Math.round(splits.reduce((n, s) => n + (s.seconds ?? 0), 0) * 10) / 10;
    rehearsals.push({
      id: `a-${i}`,
      startedAt: new Date(end - span + (i / attempts) * span).toISOString(),
      sectionId: '1-pitch-court',
      sectionTitle: 'Pitch court (≈ 2 min)',
      targetSeconds: 120,
      promptLevel: 'cues',
      kind,
      totalSeconds: total,
      splits,
      words: 275,
      ...(i % 3 === 0
        ? {
            speech: {
              wordsPerMinute: Math.round(125 + random() * 40),
              longestPauseSeconds: Math.round((0.5 + random() * 2.5) * 10) / 10,
            },
          }
        : {}),
    });
  }
  const questions = bankIds();
  const log = [];
  const quizzes = [];
  const cards = {};
  for (let i = 0; i < reviews; i++) {
    const q = questions[Math.floor(random() * questions.length)];
    const at = end - span + (i / reviews) * span;
    const state = random() < 0.2 ? 0 : random() < 0.7 ? 2 : 1;
    const rating = random() < 0.12 ? 1 : random() < 0.2 ? 2 : random() < 0.9 ? 3 : 4;
    log.push({
      questionId: q.id,
      topic: q.topic,
      kind: 'mcq',
      rating,
      state,
      reviewedAt: new Date(at).toISOString(),
      elapsedDays: 3,
      seconds: 14.2,
      session: `s-${Math.floor(i / 20)}`,
      cram: false,
    });
    if (i % 20 === 0)
      quizzes.push({
        id: `s-${i / 20}`,
        startedAt: new Date(at).toISOString(),
        endedAt: new Date(at + 600_000).toISOString(),
        topics: [],
        mode: 'mixed',
        cram: false,
        interrupted: false,
        reviews: [],
      });
    cards[q.id] = {
      due: new Date(at + (1 + random() * 20) * 86_400_000).toISOString(),
      stability: 4.1,
      difficulty: 5.2,
      elapsed_days: 3,
      scheduled_days: 6,
      learning_steps: 0,
      reps: (cards[q.id]?.reps ?? 0) + 1,
      lapses: (cards[q.id]?.lapses ?? 0) + (rating === 1 ? 1 : 0),
      state: rating === 1 ? 3 : 2,
      last_review: new Date(at).toISOString(),
    };
  }
  // The current schema versions (src/store/documents.ts): an older one is migrated on every read until the next write.
  writeFileSync(
    join(home, 'history.json'),
    JSON.stringify({ version: 2, rehearsals, quizzes, interviews: [] }, null, 1) + '\n',
  );
  writeFileSync(join(home, 'cards.json'), JSON.stringify({ version: 1, cards, reviews: log }, null, 1) + '\n');
}

function timeOnce(args, env) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`pitch ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const home = mkdtempSync(join(tmpdir(), 'pitch-bench-stats-'));
  try {
    writeStore(home, ATTEMPTS, REVIEWS);
    const env = { ...process.env, PITCH_HOME: home, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', COLUMNS: '100' };
    const cases = [
      ['pitch --help', ['--help']],
      ['pitch stats', ['stats']],
      ['pitch stats --json', ['stats', '--json']],
    ];
    const results = new Map(cases.map(([name]) => [name, { ms: [], rss: [] }]));
    for (const [, args] of cases) timeOnce(args, env); // warm the file cache
    for (let i = 0; i < RUNS; i++) {
      for (const [name, args] of cases) {
        const r = timeOnce(args, env);
        results.get(name).ms.push(r.ms);
        results.get(name).rss.push(r.rssMb);
      }
    }
    const size = (f) => (readFileSync(join(home, f)).length / 2 ** 20).toFixed(1);
    const help = median(results.get('pitch --help').ms);
    console.log(
      `${ATTEMPTS.toLocaleString('en')} attempts (history.json ${size('history.json')} MB), ${REVIEWS.toLocaleString('en')} reviews (cards.json ${size('cards.json')} MB), ${RUNS} interleaved runs`,
    );
    console.log('| command | median ms | × pitch --help | goal | peak RSS MB |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name] of cases) {
      const r = results.get(name);
      const m = median(r.ms);
      const rss = Math.max(...r.rss);
      const isStats = name !== 'pitch --help';
      const ratio = m / help;
      const goal = isStats
        ? `≤ ${GOAL}× ${ratio <= GOAL ? '✓' : '✗'}, ≤ ${RSS_GOAL_MB} MB ${rss <= RSS_GOAL_MB ? '✓' : '✗'}`
        : '';
      console.log(`| ${name} | ${m.toFixed(0)} | ${ratio.toFixed(2)} | ${goal} | ${rss.toFixed(1)} |`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
