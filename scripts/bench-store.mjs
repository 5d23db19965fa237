// Scale benchmark of the store (issue 17): stores of a year of practice and less — 1k, 10k and 100k
// reviews with a tenth as many attempts — written as pitch 0.1 wrote them, migrated to the logs once,
// then, side by side in one run (medians of interleaved runs, with peak RSS): node -e 0, pitch --help,
// pitch stats (text and --json), pitch stats right after new events (a rating and a rehearsal saved, not
// timed, before each run: statistics' summary then has a tail to add), pitch history --json, the quiz's
// first question in a pty, and a quiz rating persisted (in process). Run after `npm run build`; scripts/bench.mjs runs it too. Not a test.
//   node scripts/bench-store.mjs            SCALES=100000 BENCH_RUNS=5 node scripts/bench-store.mjs
// BEFORE=DIR (a copy of an earlier build: DIR/bin/pitch.js) times that build too (on a copy of each data folder), interleaved with this one,
// so before and after are compared in one run; BEFORE_RATING=FILE, bench-rating.ts bundled from that
// earlier source, does the same for ratings.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stripVTControlCharacters } from 'node:util';
import { build } from 'esbuild';
import pty from '@lydell/node-pty';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const RUNS = Number(process.env.BENCH_RUNS || 7);
const BEFORE = process.env.BEFORE ? join(process.env.BEFORE, 'bin', 'pitch.js') : null;
const BEFORE_RATING = process.env.BEFORE_RATING || null;
const SCALES = (process.env.SCALES || '1000,10000,100000').split(',').map(Number);

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

/** history.json and cards.json as pitch 0.1 wrote them (JSON, one-space indentation, current versions): the store migrates them. */
export function writeStore(home, attempts, reviews, seed = 7) {
  mkdirSync(home, { recursive: true });
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

/** Saves a rating and a rehearsal through the store (bench-rating.ts), as `pitch quiz` and `pitch rehearse` do. */
function newEvents(script, home) {
  const r = spawnSync(process.execPath, [script, home, '1', 'rehearsal'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`saving new events failed: ${r.stderr}`);
}

function timeOnce(args, env) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms, rssMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

/** Launch → the quiz's first question on screen, in a pseudo-terminal. */
function firstQuestion(env, bin = BIN) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let out = '';
    const p = pty.spawn(process.execPath, [bin, 'quiz', '--topic', 'spark', '--mode', 'mcq', '--count', '1'], {
      cols: 110,
      rows: 40,
      cwd: ROOT,
      env: { ...env, NO_COLOR: '' },
    });
    const timeout = setTimeout(() => {
      p.kill();
      reject(new Error(`no question: ${stripVTControlCharacters(out).slice(-400)}`));
    }, 30_000);
    p.onData((d) => {
      out += d;
      if (/Question 1\/1/.test(stripVTControlCharacters(out))) {
        const ms = performance.now() - t0;
        clearTimeout(timeout);
        p.onExit(() => resolve({ ms }));
        p.write('\x03');
      }
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const work = mkdtempSync(join(tmpdir(), 'pitch-bench-store-'));
  const rating = join(work, 'rating.mjs');
  await build({
    entryPoints: [join(ROOT, 'scripts', 'bench-rating.ts')],
    outfile: rating,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  try {
    const rows = [];
    for (const reviews of SCALES) {
      const attempts = reviews / 10;
      const home = join(work, `s${reviews}`);
      writeStore(home, attempts, reviews);
      const legacyMb = (statSync(join(home, 'history.json')).size + statSync(join(home, 'cards.json')).size) / 2 ** 20;
      const env = { ...process.env, PITCH_HOME: home, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', COLUMNS: '100' };
      const t0 = performance.now();
      timeOnce([BIN, 'stats', '--json'], env); // first run: migrates both documents and builds the snapshots
      const migrateMs = performance.now() - t0;
      const logMb =
        readdirSync(home)
          .filter((f) => f.endsWith('.jsonl'))
          .reduce((n, f) => n + statSync(join(home, f)).size, 0) /
        2 ** 20;
      // The earlier build gets a copy of the data folder: statistics' summary names the bundled pitch's path
      // (records without a pitch file are its), which differs between two builds, so on one folder each
      // build would derive the summary anew after every run of the other.
      const beforeHome = `${home}-before`;
      const beforeEnv = { ...env, PITCH_HOME: beforeHome };
      if (BEFORE) {
        cpSync(home, beforeHome, { recursive: true });
        timeOnce([BEFORE, 'stats', '--json'], beforeEnv); // its own snapshots made, not timed
      }
      const cases = [
        ['node -e 0', () => timeOnce(['-e', '0'], env)],
        ['pitch --help', () => timeOnce([BIN, '--help'], env)],
        ['pitch stats', () => timeOnce([BIN, 'stats'], env)],
        ['pitch stats --json', () => timeOnce([BIN, 'stats', '--json'], env)],
        [
          'pitch stats after new events',
          () => {
            newEvents(rating, home);
            return timeOnce([BIN, 'stats'], env);
          },
        ],
        ['pitch history --json', () => timeOnce([BIN, 'history', '--json'], env)],
        ['pitch quiz (first question)', () => firstQuestion(env)],
        ...(BEFORE
          ? [
              ['before: pitch stats', () => timeOnce([BEFORE, 'stats'], beforeEnv)],
              ['before: pitch stats --json', () => timeOnce([BEFORE, 'stats', '--json'], beforeEnv)],
              [
                'before: pitch stats after new events',
                () => {
                  newEvents(rating, beforeHome);
                  return timeOnce([BEFORE, 'stats'], beforeEnv);
                },
              ],
              ['before: pitch history --json', () => timeOnce([BEFORE, 'history', '--json'], beforeEnv)],
              ['before: pitch quiz (first question)', () => firstQuestion(beforeEnv, BEFORE)],
            ]
          : []),
      ];
      const results = new Map(cases.map(([name]) => [name, { ms: [], rss: [] }]));
      for (let i = 0; i < RUNS; i++) {
        for (const [name, run] of cases) {
          const r = await run();
          results.get(name).ms.push(r.ms);
          if (r.rssMb) results.get(name).rss.push(r.rssMb);
        }
      }
      const rateWith = (script) =>
        JSON.parse(spawnSync(process.execPath, [script, home, '30'], { encoding: 'utf8' }).stdout);
      // Interleaved, each on the same store: the earlier build's ratings first (both append to the log).
      const before = BEFORE_RATING ? rateWith(BEFORE_RATING) : null;
      const rate = rateWith(rating);
      const m = (name) => median(results.get(name).ms);
      const rss = (name) => Math.max(...results.get(name).rss);
      rows.push({ reviews, attempts, legacyMb, logMb, migrateMs, m, rss, rate, before });
    }
    console.log(
      `Stores of N reviews and N/10 attempts, written by pitch 0.1 then migrated; ${RUNS} interleaved runs per scale (medians), peak RSS over the runs; ratings: median (p90) of 30 in process.`,
    );
    console.log('');
    const scale = rows.map((r) => `${r.reviews / 1000}k`);
    console.log(`| measure | ${scale.join(' | ')} | goal (at 100k) |`);
    console.log(`|---|${rows.map(() => '---:').join('|')}|---|`);
    const line = (label, f, goal = '') => console.log(`| ${label} | ${rows.map(f).join(' | ')} | ${goal} |`);
    const last = rows.at(-1);
    const ok = (b) => (b ? '✓' : '✗');
    line('0.1 documents → logs (MB)', (r) => `${r.legacyMb.toFixed(1)} → ${r.logMb.toFixed(1)}`);
    line('first run (migration + snapshots), ms', (r) => r.migrateMs.toFixed(0));
    line('node -e 0, ms', (r) => r.m('node -e 0').toFixed(0));
    line('pitch --help, ms', (r) => r.m('pitch --help').toFixed(0));
    const ratio = (r, name, base) => (r.m(name) / r.m(base)).toFixed(2);
    line(
      'pitch stats, ms (× help)',
      (r) => `${r.m('pitch stats').toFixed(0)} (${ratio(r, 'pitch stats', 'pitch --help')}×)`,
      `≤ 2× ${ok(last.m('pitch stats') <= 2 * last.m('pitch --help'))}`,
    );
    line(
      'pitch stats, peak RSS MB',
      (r) => r.rss('pitch stats').toFixed(1),
      `≤ 80 ${ok(last.rss('pitch stats') <= 80)}`,
    );
    line(
      'pitch stats after new events, ms (× help)',
      (r) =>
        `${r.m('pitch stats after new events').toFixed(0)} (${ratio(r, 'pitch stats after new events', 'pitch --help')}×)`,
      `≤ 2× ${ok(last.m('pitch stats after new events') <= 2 * last.m('pitch --help'))}`,
    );
    line('pitch stats after new events, peak RSS MB', (r) => r.rss('pitch stats after new events').toFixed(1));
    line(
      'pitch stats --json, ms (× help)',
      (r) => `${r.m('pitch stats --json').toFixed(0)} (${ratio(r, 'pitch stats --json', 'pitch --help')}×)`,
      `≤ 2× ${ok(last.m('pitch stats --json') <= 2 * last.m('pitch --help'))}`,
    );
    line(
      'pitch stats --json, peak RSS MB',
      (r) => r.rss('pitch stats --json').toFixed(1),
      `≤ 80 ${ok(last.rss('pitch stats --json') <= 80)}`,
    );
    line('pitch history --json, ms', (r) => r.m('pitch history --json').toFixed(0));
    line('pitch history --json, peak RSS MB', (r) => r.rss('pitch history --json').toFixed(1), 'streams');
    line(
      'quiz first question, ms (× node -e 0)',
      (r) =>
        `${r.m('pitch quiz (first question)').toFixed(0)} (${ratio(r, 'pitch quiz (first question)', 'node -e 0')}×)`,
      `≤ 2× ${ok(last.m('pitch quiz (first question)') <= 2 * last.m('node -e 0'))}`,
    );
    line(
      'quiz rating persisted, ms',
      (r) => `${r.rate.median.toFixed(1)} (${r.rate.p90.toFixed(1)})`,
      `≤ 10 ${ok(last.rate.median <= 10)}`,
    );
    if (BEFORE) {
      const base = (name) => (name.includes('quiz') ? 'node -e 0' : 'pitch --help');
      for (const name of [
        'pitch stats',
        'pitch stats after new events',
        'pitch stats --json',
        'pitch history --json',
        'pitch quiz (first question)',
      ]) {
        const unit = name.includes('quiz') ? 'node -e 0' : 'help';
        line(
          `before: ${name}, ms (× ${unit})`,
          (r) => `${r.m(`before: ${name}`).toFixed(0)} (${ratio(r, `before: ${name}`, base(name))}×)`,
        );
        if (!name.includes('quiz')) line(`before: ${name}, peak RSS MB`, (r) => r.rss(`before: ${name}`).toFixed(1));
      }
    }
    if (BEFORE_RATING)
      line('before: quiz rating persisted, ms', (r) => `${r.before.median.toFixed(1)} (${r.before.p90.toFixed(1)})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
