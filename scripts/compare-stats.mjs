// Checks that `pitch stats` prints exactly what an earlier build printed, for the same data: the stores of
// bench-store.mjs (1k, 10k, 100k reviews), a small one and an empty one, in French and English, text and
// --json, with --since/--section/--topic and usage errors, in two time zones, the clock stopped at one
// instant for both builds. Speed work on statistics must leave every byte as it was. Not a test (it needs an
// earlier build); run after `npm run build`:
//   node scripts/compare-stats.mjs DIR          DIR: a copy of an earlier build (DIR/bin/pitch.js)
//   SCALES=1000 node scripts/compare-stats.mjs DIR
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
        if (out.before !== out.after) differ.push(`${name} ${tz}: pitch ${args.join(' ')}`);
      }
  }
  console.log(`${compared} runs compared (stdout, stderr, exit code), ${differ.length} differ`);
  for (const d of differ) console.log(`  ${d}`);
  process.exitCode = differ.length ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
