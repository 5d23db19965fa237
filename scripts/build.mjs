// Builds the CLI into dist/cli: one entry (main.js) plus a chunk per lazily imported command, with the
// dependencies bundled in. One file per command path instead of hundreds of small modules is what keeps
// `pitch --help` close to Node's own start-up (docs/performance.md). Type-checking is `npm run typecheck`.
import { build } from 'esbuild';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Build into a fresh directory, then swap it in: a process started from dist/ meanwhile (a test, a
// benchmark) never sees a half-written or missing dist/.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
rmSync(next, { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
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
  banner: { js: "import { createRequire as __pitchRequire } from 'node:module'; const require = __pitchRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
try {
  renameSync(dist, old);
} catch {
  // first build: nothing to move away
}
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
