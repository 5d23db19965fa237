// Cold parse of the bundled question packs by three YAML readers, each in a fresh process: the built-in
// subset reader (src/quiz/yaml-lite.ts), `yaml` (the fallback, with the line counter pack.ts uses) and
// js-yaml (measured when resolvable: npm i --no-save js-yaml). Run: node scripts/bench-yaml.mjs [runs]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const work = mkdtempSync(join(tmpdir(), 'pitch-bench-yaml-'));
await build({
  entryPoints: [join(root, 'src/quiz/yaml-lite.ts')],
  outfile: join(work, 'lite.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'silent',
});
const require = createRequire(join(root, 'package.json'));
const resolvable = (name) => {
  try {
    return pathToFileURL(require.resolve(name)).href;
  } catch {
    return null;
  }
};
const readers = {
  lite: pathToFileURL(join(work, 'lite.mjs')).href,
  yaml: resolvable('yaml'),
  'js-yaml': resolvable('js-yaml'),
};
const dir = join(root, 'data/questions');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const bytes = files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
writeFileSync(
  join(work, 'one.mjs'),
  `import { readFileSync, readdirSync } from 'node:fs';
const [mode, url, dir] = process.argv.slice(2);
const texts = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => readFileSync(dir + '/' + f, 'utf8'));
const t0 = performance.now();
const m = await import(url);
let parse;
if (mode === 'lite') parse = (t) => m.parseYamlLite(t).value;
else if (mode === 'yaml') {
  const { parseDocument, LineCounter } = m.default ?? m;
  parse = (t) => parseDocument(t, { lineCounter: new LineCounter(), uniqueKeys: true }).toJS();
} else parse = (t) => (m.load ?? m.default.load)(t);
let n = 0;
for (const t of texts) n += parse(t).questions.length;
console.log(JSON.stringify({ ms: performance.now() - t0, n }));
`,
);
const times = Object.fromEntries(Object.keys(readers).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [mode, url] of Object.entries(readers)) {
    if (!url) continue;
    const r = spawnSync(process.execPath, [join(work, 'one.mjs'), mode, url, dir], { encoding: 'utf8' });
    times[mode].push(JSON.parse(r.stdout).ms);
  }
rmSync(work, { recursive: true, force: true });
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(
  `${files.length} bundled packs, ${(bytes / 1024).toFixed(0)} KiB, ${runs} interleaved runs, import + parse:`,
);
console.log('| reader | median ms | × built-in |');
console.log('|---|---:|---:|');
for (const [mode, t] of Object.entries(times))
  console.log(
    t.length
      ? `| ${mode} | ${median(t).toFixed(0)} | ${(median(t) / median(times.lite)).toFixed(1)} |`
      : `| ${mode} | not installed | |`,
  );
