// Builds the CLI into dist/cli: a small entry (main.js) that answers --help and --version alone, and the
// program as one script with the dependencies bundled in and a V8 code cache of it.
// One file compiled from a cache instead of dozens of modules resolved, read and compiled is what keeps
// the commands' start-up close to Node's own (docs/performance.md). Type-checking is `npm run typecheck`.
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Build into a fresh directory, then swap it in: a process started from dist/ meanwhile (a test, a
// benchmark) never sees a half-written or missing dist/.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
rmSync(next, { recursive: true, force: true });

// The build id: a hash of every source file and of the lock file (src/core/build-id.ts).
const root = fileURLToPath(new URL('..', import.meta.url));
const hash = createHash('sha1');
const files = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .sort();
for (const f of files) hash.update(f).update(readFileSync(join(root, 'src', f)));
hash.update(readFileSync(join(root, 'package-lock.json')));
const buildId = hash.digest('hex').slice(0, 16);
// The program is one script, loaded by main.js with a V8 code cache (src/cli/main.ts loadProgram): the
// lazily imported command modules are bundled in as lazily run functions, and import.meta.url is the
// URL main.js gives it (dist/cli/program.script.js), so data/ and package.json resolve as before.
await build({
  entryPoints: ['src/cli/program.ts'],
  outfile: `${next}/cli/program.script.js`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Packages that load files next to themselves (WebAssembly) stay outside the bundle.
  external: ['@echogarden/fvad-wasm'],
  legalComments: 'none',
  define: { __PITCH_BUILD_ID__: JSON.stringify(buildId), 'import.meta.url': '__pitchUrl' },
  // Whitespace and comments out: the script's source stays in memory whole (two bytes a character: the
  // grader's regular expressions hold ’ and «), 1.05 MB instead of 1.55.
  minifyWhitespace: true,
  minifySyntax: true,
  // The file is one function expression, so compiling it gives the function (no copy of the source to wrap it).
  banner: { js: '(function (exports, require, module, __pitchUrl) {' },
  footer: { js: '})' },
  logLevel: 'warning',
});
// The entry point is built alone: `pitch --help` and `--version` load this one small file
// (src/cli/main.ts) and nothing else; the full program is loaded from it on demand.
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: `${next}/cli/main.js`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['./program.js'],
  legalComments: 'none',
  logLevel: 'warning',
});
// `pitch --help` and `--version` answered without loading commander (src/cli/main.ts): the build runs the
// full program once per language and keeps what it printed.
const helpOf = (lang) => {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { main } = await import(${JSON.stringify(pathToFileURL(`${next}/cli/main.js`).href)}); await main(['node', 'pitch', '--help'])`,
    ],
    {
      env: {
        ...process.env,
        PITCH_NO_QUICK_HELP: '1',
        PITCH_LANG: lang,
        LC_ALL: '',
        LANG: '',
        NO_COLOR: '1',
        COLUMNS: '',
      },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0 || !r.stdout.includes('pitch [options]'))
    throw new Error(`building the quick help failed: ${r.stderr}`);
  return r.stdout;
};
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
try {
  writeFileSync(
    join(next, 'cli', 'quick-help.json'),
    JSON.stringify({ version, help: { fr: helpOf('fr'), en: helpOf('en') } }),
  );
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  throw error;
}

// Seeds: the bundled pitch and packs parsed once by the build (src/cli/cache.ts), so a first run is fast too.
const seedHome = mkdtempSync(join(tmpdir(), 'pitch-seed-'));
try {
  for (const args of [
    ['sections', '--json'],
    ['quiz', '--list-topics', '--json', '--lang', 'fr'],
    ['quiz', '--list-topics', '--json', '--lang', 'en'],
    ['stats', '--json', '--lang', 'fr'],
    ['stats', '--json', '--lang', 'en'],
  ]) {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { main } = await import(${JSON.stringify(pathToFileURL(`${next}/cli/main.js`).href)}); await main(['node', 'pitch', ...${JSON.stringify(args)}])`,
      ],
      {
        env: { ...process.env, PITCH_HOME: seedHome, PITCH_FILE: '', PITCH_LANG: '' },
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`seeding the cache failed (${args.join(' ')}): ${r.stderr}`);
  }
  cpSync(join(seedHome, 'cache'), join(next, 'cli', 'seed-cache'), { recursive: true });
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  throw error;
} finally {
  rmSync(seedHome, { recursive: true, force: true });
}

// The program's V8 code cache: made by running it, so the functions of the commands run here are in it
// compiled, not only its top level (src/cli/main.ts loadProgram). One process runs the commands whose
// start-up is measured (docs/performance.md), in both languages, on an empty data folder. (Running the
// quiz to its first question in a pseudo-terminal as well was tried: the quiz measured the same.)
const cacheHome = mkdtempSync(join(tmpdir(), 'pitch-code-cache-'));
try {
  const commands = [
    ['stats'],
    ['stats', '--json'],
    ['--lang', 'en', 'stats'],
    ['sections', '--json'],
    ['history', '--json'],
    ['quiz', '--list-topics', '--json'],
  ];
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { loadProgram } = await import(${JSON.stringify(pathToFileURL(`${next}/cli/main.js`).href)});
       const { program, script } = loadProgram();
       for (const args of ${JSON.stringify(commands)}) await program.run(['node', 'pitch', ...args]);
       if (process.exitCode) throw new Error('a command failed');
       (await import('node:fs')).writeFileSync(${JSON.stringify(`${next}/cli/program.code-cache`)}, script.createCachedData());`,
    ],
    {
      env: { ...process.env, PITCH_HOME: cacheHome, PITCH_FILE: '', PITCH_LANG: '', NO_COLOR: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`making the code cache failed: ${r.stderr}`);
  // A cache V8 refuses (made under other flags: a command that changes one), or none, would only cost
  // time, silently.
  const check = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { loadProgram } = await import(${JSON.stringify(pathToFileURL(`${next}/cli/main.js`).href)});
       process.exit(loadProgram().script.cachedDataRejected === false ? 0 : 1);`,
    ],
    { encoding: 'utf8' },
  );
  if (check.status !== 0) throw new Error(`V8 refuses the code cache: ${check.stderr}`);
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  throw error;
} finally {
  rmSync(cacheHome, { recursive: true, force: true });
}

try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move away
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
