// Speed and size of `pitch report` (issue 22): on the same store as the stats benchmark (10,000 attempts,
// 100,000 reviews by default), `pitch report` and `pitch stats` timed side by side in interleaved runs;
// goal: the report in under 2× `pitch stats`, the page under 2 MB. Run after `npm run build`;
// scripts/bench.mjs runs it too. Not a test: nothing here fails the build.
//   node scripts/bench-report.mjs            ATTEMPTS=1000 REVIEWS=10000 node scripts/bench-report.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeStore } from './bench-store.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const RUNS = Number(process.env.BENCH_RUNS || 7);
const ATTEMPTS = Number(process.env.ATTEMPTS || 10_000);
const REVIEWS = Number(process.env.REVIEWS || 100_000);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timeOnce(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`pitch ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

const home = mkdtempSync(join(tmpdir(), 'pitch-bench-report-'));
try {
  writeStore(home, ATTEMPTS, REVIEWS);
  const page = join(home, 'report.html');
  const env = { ...process.env, PITCH_HOME: home, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', COLUMNS: '100' };
  const cases = [
    ['pitch stats', ['stats']],
    ['pitch report', ['report', '--out', page]],
  ];
  const times = new Map(cases.map(([name]) => [name, []]));
  for (const [, args] of cases) timeOnce(args, env); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const [name, args] of cases) times.get(name).push(timeOnce(args, env));
  const stats = median(times.get('pitch stats'));
  const report = median(times.get('pitch report'));
  const kb = statSync(page).size / 1024;
  console.log(
    `${ATTEMPTS.toLocaleString('en')} attempts, ${REVIEWS.toLocaleString('en')} reviews, ${RUNS} interleaved runs`,
  );
  console.log('| command | median ms | × pitch stats | goal |');
  console.log('|---|---:|---:|---|');
  console.log(`| pitch stats | ${stats.toFixed(0)} | 1.00 | |`);
  console.log(
    `| pitch report | ${report.toFixed(0)} | ${(report / stats).toFixed(2)} | < 2× ${report / stats < 2 ? '✓' : '✗'}; page ${kb.toFixed(0)} KB < 2 MB ${kb < 2048 ? '✓' : '✗'} |`,
  );
} finally {
  rmSync(home, { recursive: true, force: true });
}
