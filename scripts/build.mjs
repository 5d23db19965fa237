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
// The program is one script, loaded by main.js with a V8 code cache (src/cli/main.ts loadScript): the
// lazily imported command modules are bundled in as lazily run functions, and import.meta.url is the
// URL main.js gives it (dist/cli/program.script.js), so data/ and package.json resolve as before.
// `pitch analyze` has a script of its own built the same way (src/cli/quick-analyze.ts): it starts
// without commander and the other commands.
for (const [entry, name] of [
  ['src/cli/program.ts', 'program'],
  ['src/cli/quick-analyze.ts', 'analyze'],
]) {
  await build({
    entryPoints: [entry],
    outfile: `${next}/cli/${name}.script.js`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Packages that load files next to themselves (WebAssembly) stay outside the bundle.
    external: ['@echogarden/fvad-wasm'],
    legalComments: 'none',
    define: { __PITCH_BUILD_ID__: JSON.stringify(buildId), 'import.meta.url': '__pitchUrl' },
    // Whitespace and comments out: the script's source stays in memory whole.
    minifyWhitespace: true,
    minifySyntax: true,
    // The file is one function expression, so compiling it gives the function (no copy of the source to wrap it).
    banner: { js: '(function (exports, require, module, __pitchUrl) {' },
    footer: { js: '})' },
    logLevel: 'warning',
  });
  asciiOnly(`${next}/cli/${name}.script.js`);
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expressions (the grader's
 * ’ and «, the duration parser's ≈ and –): ~60 characters that made the whole 1 MB source a two-byte
 * string, decoded from UTF-8 at every start. Each is written as its \uXXXX escape (a surrogate pair
 * above U+FFFF), which means the same character in a string, a template, a regular expression literal
 * and a RegExp built from String.raw (the only places esbuild leaves them); main.ts then reads the
 * file as latin1: the same text, one byte a character, ~2–4 ms sooner.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  // A backslash before one would escape the escape: never seen, but it would change the meaning.
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a backslash before a non-ASCII character`);
  const escaped = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, escaped);
}
// The entry point is built alone: `pitch --help` and `--version` load this one small file
// (src/cli/main.ts) and nothing else; the full program, or `pitch analyze`'s script, is loaded from it
// on demand.
const entry = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['./program.js', './quick-analyze.js'],
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...entry, entryPoints: ['src/cli/main.ts'], outfile: `${next}/cli/main.js`, format: 'esm' });
// bin/pitch.js's entry, CommonJS (src/cli/entry.ts): `pitch analyze` starts without the ES module loader;
// import.meta.url is this file's URL, as for main.js next to it.
await build({
  ...entry,
  entryPoints: ['src/cli/entry.ts'],
  outfile: `${next}/cli/entry.cjs`,
  format: 'cjs',
  define: { 'import.meta.url': '__entryUrl' },
  banner: { js: 'const __entryUrl = require("node:url").pathToFileURL(__filename).href;' },
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
// compiled, not only its top level (src/cli/main.ts loadScript). One process runs the commands whose
// start-up is measured (docs/performance.md), in both languages, on an empty data folder. (Running the
// quiz to its first question in a pseudo-terminal as well was tried: the quiz measured the same.)
// `pitch analyze`'s script gets its own, made by analysing a short recording the build writes (json and
// text, both languages, and a missing file).
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
  const recording = join(cacheHome, 'warm-up.wav');
  writeFileSync(recording, warmUpRecording());
  const analyses = [
    { audio: recording, opts: { json: true } },
    { audio: recording, opts: {} },
    { lang: 'en', audio: recording, opts: {} },
    { audio: join(cacheHome, 'missing.wav'), opts: { json: true } },
  ];
  const mainUrl = JSON.stringify(pathToFileURL(`${next}/cli/main.js`).href);
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { loadProgram, loadQuickAnalyze } = await import(${mainUrl});
       const { writeFileSync } = await import('node:fs');
       const { program, script } = loadProgram();
       for (const args of ${JSON.stringify(commands)}) await program.run(['node', 'pitch', ...args]);
       if (process.exitCode) throw new Error('a command failed');
       writeFileSync(${JSON.stringify(`${next}/cli/program.code-cache`)}, script.createCachedData());
       const quick = loadQuickAnalyze();
       for (const request of ${JSON.stringify(analyses)}) await quick.program.runAnalyze(request);
       if (process.exitCode !== 2) throw new Error('the analyses did not run as expected');
       process.exitCode = 0;
       writeFileSync(${JSON.stringify(`${next}/cli/analyze.code-cache`)}, quick.script.createCachedData());`,
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
      `const { loadProgram, loadQuickAnalyze } = await import(${mainUrl});
       process.exit(loadProgram().script.cachedDataRejected === false && loadQuickAnalyze().script.cachedDataRejected === false ? 0 : 1);`,
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

/**
 * Three seconds of 16 kHz 16-bit mono WAV: a voiced tone in syllable-like bursts between pauses, so the
 * warm-up goes through every pass of the analysis (speech found, F0, syllables, pauses).
 */
function warmUpRecording() {
  const rate = 16000;
  const samples = 3 * rate;
  const wav = Buffer.alloc(44 + 2 * samples);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + 2 * samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(2 * rate, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(2 * samples, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const speaking = t % 1.5 < 1;
    const syllables = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
    const voice = Math.sin(2 * Math.PI * 140 * t) + 0.5 * Math.sin(2 * Math.PI * 280 * t);
    const hiss = Math.sin(i * 12.9898) * 0.001;
    wav.writeInt16LE(Math.round(32767 * ((speaking ? 0.3 * syllables * voice : 0) + hiss)), 44 + 2 * i);
  }
  return wav;
}

try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move away
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
