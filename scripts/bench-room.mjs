// Speech detection in hard rooms, side by side (issue 21): the recordings of scripts/make-room-audio.mjs
// (40 French sentences, 39 pauses of 0.3–2.5 s: clean, white noise 20 dB, pink noise 5 dB, a simulated
// room with RT60 0.5 s + pink noise 20 dB, sox's reverb + pink noise 20 dB, five background voices at
// 10 dB), analysed by `pitch analyze --json` and by the reference detectors — Silero VAD v5 and the
// WebRTC VAD (mode 3) — from bench/anchors, which this script installs there on first use (its own
// package.json; never part of `npm install` or CI: onnxruntime-node is large). A pause is found when
// both its edges are within 150 ms; invented pauses overlap no true pause; speech is the speaking-time
// error. Run after `npm run build`; scripts/bench.mjs runs it too. Not a test: nothing here fails.
//   node scripts/bench-room.mjs                 ANCHORS=0 node scripts/bench-room.mjs  (pitch only)
//   ROOM_ARGS="--seed 11 --voice fr+f3" node scripts/bench-room.mjs   (another set of the same kind)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'pitch.js');
const ANCHORS = join(ROOT, 'bench', 'anchors');
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log('bench-room: run "npm run build" first.');
  process.exit(0);
}
if (!has('espeak-ng') || !has('sox')) {
  console.log(
    'bench-room: skipped, it needs espeak-ng and sox to make its recordings (apt-get install espeak-ng sox).',
  );
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'pitch-bench-room-'));
try {
  // The accuracy measure, bundled from source (dist holds only the CLI).
  const { build } = await import('esbuild');
  await build({
    stdin: { contents: "export { comparePauses } from './src/audio/accuracy.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(work, 'accuracy.mjs'),
    logLevel: 'warning',
  });
  const { comparePauses } = await import(join(work, 'accuracy.mjs'));

  const dir = join(work, 'room');
  const extra = (process.env.ROOM_ARGS ?? '').split(/\s+/).filter(Boolean);
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-room-audio.mjs'), '--out', dir, ...extra], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(made.stderr);
  const layout = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8'));
  const files = layout.conditions.map((c) => join(dir, `${c}.wav`));

  const results = new Map(); // condition → detector → agreement
  const pitchMs = [];
  for (const [k, file] of files.entries()) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'analyze', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    pitchMs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(r.stderr);
    const analysis = JSON.parse(r.stdout);
    results.set(layout.conditions[k], {
      pitch: comparePauses(layout.segments, analysis.segments),
      room: analysis.room,
    });
  }

  let anchorsNote = '';
  if (process.env.ANCHORS !== '0') {
    if (!existsSync(join(ANCHORS, 'node_modules', 'onnxruntime-node'))) {
      const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save'], {
        cwd: ANCHORS,
        encoding: 'utf8',
        env: { ...process.env, ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' },
      });
      if (install.status !== 0)
        anchorsNote = `reference detectors not installed: ${install.stderr.trim().split('\n').pop()}`;
    }
    if (!anchorsNote) {
      const r = spawnSync(process.execPath, [join(ANCHORS, 'run.mjs'), ...files], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (r.status !== 0) anchorsNote = `reference detectors failed: ${r.stderr.trim().split('\n').pop()}`;
      else {
        const out = JSON.parse(r.stdout);
        for (const [k, file] of files.entries())
          for (const [name, segments] of Object.entries(out[file])) {
            const detected = segments.map(([start, end]) => ({ start, end }));
            results.get(layout.conditions[k])[name] = comparePauses(layout.segments, detected);
          }
      }
    }
  }

  const detectors = ['pitch', 'silero-v5', 'webrtc-3'].filter((d) => [...results.values()].some((r) => r[d]));
  const cell = (a) =>
    a
      ? `${a.found}/${a.truthPauses}, ${a.invented} invented, speech ${a.speechErrorPercent >= 0 ? '+' : ''}${a.speechErrorPercent.toFixed(1)} %`
      : '—';
  console.log(`${layout.description}; ${(layout.durationSeconds / 60).toFixed(1)} min each`);
  console.log(`| condition | ${detectors.join(' | ')} |`);
  console.log(`|---|${detectors.map(() => '---').join('|')}|`);
  for (const [condition, r] of results)
    console.log(`| ${condition} | ${detectors.map((d) => cell(r[d])).join(' | ')} |`);
  const ahead = [...results].filter(([, r]) =>
    detectors.slice(1).every((d) => !r[d] || r.pitch.found - r.pitch.invented > r[d].found - r[d].invented),
  ).length;
  if (detectors.length > 1) console.log(`pitch ahead (found − invented) on ${ahead} of ${results.size} conditions`);
  if (anchorsNote) console.log(anchorsNote);
  const room = (c) => results.get(c)?.room;
  console.log(
    `pitch's own reading of the rooms: reverb RT60 ${room('reverb')?.reverberationSeconds} s (simulated 0.5 s), warnings ${JSON.stringify(
      Object.fromEntries([...results].map(([c, r]) => [c, r.room?.warnings ?? []])),
    )}`,
  );
  const sorted = [...pitchMs].sort((a, b) => a - b);
  console.log(
    `pitch analyze --json: median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms per file (whole command)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
