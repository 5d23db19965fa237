// Builds the CLI into dist/cli: one entry (main.js) plus a chunk per lazily imported command, with the
// dependencies bundled in. One file per command path instead of hundreds of small modules is what keeps
// `pitch --help` close to Node's own start-up (docs/performance.md). Type-checking is `npm run typecheck`.
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
await build({
  entryPoints: { program: 'src/cli/program.ts' },
  outdir: `${next}/cli`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Chunks sit next to main.js so paths relative to import.meta.url (data/, package.json) hold everywhere.
  chunkNames: '[name]-[hash]',
  // Packages that load files next to themselves (WebAssembly) stay outside the bundle.
  external: ['@echogarden/fvad-wasm'],
  // Bundled CommonJS packages (commander) still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __pitchRequire } from 'node:module'; const require = __pitchRequire(import.meta.url);",
  },
  legalComments: 'none',
  define: { __PITCH_BUILD_ID__: JSON.stringify(buildId) },
  logLevel: 'warning',
});
// The entry point is built alone, with no shared chunk: `pitch --help` and `--version` load this one
// small file (src/cli/main.ts) and nothing else; the full program is imported from it on demand.
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

try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move away
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
