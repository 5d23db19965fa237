// F0 trackers side by side (issue 20): our streaming YIN (src/audio/pitch-track.ts) against pitchy 4.1
// (MIT, McLeod pitch method over an FFT autocorrelation), on synthetic voices whose F0 is known at
// every instant (steady, gliding, rising; 85–300 Hz), clean and with white noise at 20 dB SNR.
// Both get the same input: the 150 Hz – 1 kHz voice band at 4 kHz that the analysis produces, one
// estimate every 10 ms; pitchy also runs on the 16 kHz signal, as its README uses it. Reports the
// share of voiced frames found, gross errors (> 20 % off), the median error, and CPU time per minute
// of audio. pitchy is not a dependency: run `npm i --no-save pitchy@4.1.0` (or PITCHY=/path/index.js)
// to include it. Not a test: nothing here fails the build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'pitch-bench-f0-'));
const { build } = await import('esbuild');
await build({
  stdin: {
    contents: [
      "export { createFeatureExtractor, voiceBand } from './src/audio/features.ts';",
      "export { createPitchTracker, smoothPitch, frameTime } from './src/audio/pitch-track.ts';",
      "export { voicedSignal, sentenceLayout } from './test/unit/audio/helpers.ts';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: join(work, 'f0.mjs'),
  logLevel: 'warning',
});
const m = await import(join(work, 'f0.mjs'));
rmSync(work, { recursive: true, force: true });

let pitchy = null;
try {
  pitchy = await import(process.env.PITCHY || 'pitchy');
} catch {
  console.log('(pitchy is not installed: npm i --no-save pitchy@4.1.0 to compare with it)');
}

const RATE = 16000;
const VOICE_RATE = m.voiceBand(RATE).rate;
const semi = (hz, st) => hz * 2 ** (st / 12);
const voices = [
  ['steady 85 Hz', () => 85],
  ['steady 130 Hz', () => 130],
  ['steady 290 Hz', () => 290],
  ['gliding ±5 st around 120 Hz', (t) => semi(120, 5 * Math.sin(2 * Math.PI * 0.23 * t))],
  ['rising 160 → 320 Hz', (t) => 160 * 2 ** (t / 23)],
  ['sawtooth 210 Hz ±3 st', (t) => semi(210, 3 * (((t * 0.37) % 1) * 2 - 1))],
];
const sentences = m.sentenceLayout(0.6, 2.7, 0.45, 7);
const inside = (t) => sentences.some((s) => t >= s.start + 0.05 && t < s.end - 0.05);
const cpu = (f) => {
  const c = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(c);
  return [r, (d.user + d.system) / 1000];
};

/** Our tracker over the voice band: [frame centre time, Hz] pairs. */
function ours(band) {
  const tracker = m.createPitchTracker(VOICE_RATE);
  for (let i = 0; i < band.length; i += 4096) tracker.push(band.subarray(i, i + 4096));
  const track = tracker.finish();
  const f0 = m.smoothPitch(track.f0);
  return Array.from(f0, (hz, k) => [m.frameTime(track, k), hz]);
}

/** pitchy on frames of `size` samples every 10 ms; a frame is voiced when its clarity is at least 0.8. */
function withPitchy(x, rate, size) {
  const detector = pitchy.PitchDetector.forFloat32Array(size);
  detector.minVolumeDecibels = -60;
  const hop = Math.round(rate / 100);
  const out = [];
  for (let start = 0; start + size <= x.length; start += hop) {
    const [hz, clarity] = detector.findPitch(x.subarray(start, start + size), rate);
    out.push([(start + size / 2) / rate, clarity >= 0.8 && hz >= 60 && hz <= 470 ? hz : 0]);
  }
  return out;
}

function score(frames, f0) {
  let judged = 0;
  let voiced = 0;
  let gross = 0;
  const errors = [];
  for (const [t, hz] of frames) {
    if (!inside(t)) continue;
    judged++;
    if (!hz) continue;
    voiced++;
    const e = Math.abs(hz / f0(t) - 1);
    if (e > 0.2) gross++;
    else errors.push(e);
  }
  errors.sort((a, b) => a - b);
  return { found: voiced / judged, gross: voiced ? gross / voiced : 0, median: errors[errors.length >> 1] ?? NaN };
}

const rows = [];
const totals = new Map();
for (const [name, f0] of voices) {
  for (const snrDb of [undefined, 20]) {
    const x = m.voicedSignal({ sentences, durationSeconds: 23, sampleRate: RATE, f0, syllablesPerSecond: 4.5, snrDb });
    const parts = [];
    const fx = m.createFeatureExtractor(RATE, (b) => parts.push(b.slice()));
    fx.push(x);
    fx.finish();
    const band = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      band.set(p, at);
      at += p.length;
    }
    const contenders = [['YIN (ours), 4 kHz voice band', () => ours(band)]];
    if (pitchy) {
      contenders.push(['pitchy 4.1, 4 kHz voice band, 128-sample frames', () => withPitchy(band, VOICE_RATE, 128)]);
      contenders.push(['pitchy 4.1, 16 kHz signal, 512-sample frames', () => withPitchy(x, RATE, 512)]);
    }
    for (const [who, run] of contenders) {
      run(); // warm up, so the figures show the steady state of each
      const [frames, ms] = cpu(run);
      const s = score(frames, f0);
      rows.push({ who, name: `${name}${snrDb ? ', 20 dB SNR' : ''}`, ...s, msPerMinute: (ms / 23) * 60 });
      const t = totals.get(who) ?? { ms: 0, n: 0 };
      t.ms += (ms / 23) * 60;
      t.n++;
      totals.set(who, t);
    }
  }
}
const pct = (x) => `${(x * 100).toFixed(1)} %`;
console.log(
  '| tracker | voice | voiced frames found | gross errors (> 20 %) | median error | CPU ms per minute of audio |',
);
console.log('|---|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.who} | ${r.name} | ${pct(r.found)} | ${pct(r.gross)} | ${pct(r.median)} | ${r.msPerMinute.toFixed(1)} |`,
  );
console.log('');
for (const [who, t] of totals) console.log(`${who}: ${(t.ms / t.n).toFixed(1)} CPU ms per minute of audio on average`);
