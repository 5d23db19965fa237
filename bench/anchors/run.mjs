// Runs the reference detectors on 16 kHz mono 16-bit WAV files and prints their speech segments as JSON:
//   node run.mjs FILE.wav [FILE.wav …]  →  { "FILE.wav": { "silero-v5": [[start, end], …], "webrtc-3": … } }
// Silero VAD v5: 512-sample windows with 64 samples of context, a recurrent state carried along, then
// the segmenting rules documented for Silero's get_speech_timestamps (speech above 0.5, silence below
// 0.35 for 100 ms ends it, segments under 250 ms dropped, 30 ms of padding each side).
// WebRTC VAD (libfvad) in its most aggressive mode (3), 30 ms frames.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ort from 'onnxruntime-node';
import createFvad from '@echogarden/fvad-wasm';

const require = createRequire(import.meta.url);
const RATE = 16_000;

function readWav(file) {
  const b = readFileSync(file);
  if (b.toString('ascii', 0, 4) !== 'RIFF') throw new Error(`${file}: not a WAV`);
  let at = 12;
  let fmt = null;
  while (at + 8 <= b.length) {
    const id = b.toString('ascii', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') fmt = { channels: b.readUInt16LE(at + 10), rate: b.readUInt32LE(at + 12), bits: b.readUInt16LE(at + 22) };
    if (id === 'data') {
      if (!fmt || fmt.channels !== 1 || fmt.rate !== RATE || fmt.bits !== 16) throw new Error(`${file}: need 16 kHz mono 16-bit`);
      const n = Math.floor(Math.min(size, b.length - at - 8) / 2);
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = b.readInt16LE(at + 8 + 2 * i);
      return out;
    }
    at += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

async function silero(samples) {
  const model = join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx');
  const session = await ort.InferenceSession.create(model);
  const window = 512;
  const context = 64;
  let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);
  const probs = [];
  const input = new Float32Array(context + window);
  for (let start = 0; start + window <= samples.length; start += window) {
    input.copyWithin(0, window, window + context); // the last 64 samples of the previous window
    for (let i = 0; i < window; i++) input[context + i] = samples[start + i] / 32768;
    const out = await session.run({ input: new ort.Tensor('float32', input.slice(), [1, context + window]), state, sr });
    probs.push(out.output.data[0]);
    state = out.stateN;
  }
  // Segmenting, after the parameters of Silero's get_speech_timestamps.
  const step = window / RATE;
  const segments = [];
  let open = null;
  let quietSince = null;
  probs.forEach((p, k) => {
    const t = k * step;
    if (p >= 0.5) {
      quietSince = null;
      if (open === null) open = t;
    } else if (open !== null && p < 0.35) {
      if (quietSince === null) quietSince = t;
      if (t + step - quietSince >= 0.1) {
        segments.push([open, quietSince]);
        open = null;
        quietSince = null;
      }
    }
  });
  if (open !== null) segments.push([open, probs.length * step]);
  const kept = segments.filter(([a, b]) => b - a >= 0.25);
  const duration = samples.length / RATE;
  return kept.map(([a, b], i) => [
    Math.max(0, a - 0.03, i ? (kept[i - 1][1] + a) / 2 : 0),
    Math.min(duration, b + 0.03, i + 1 < kept.length ? (b + kept[i + 1][0]) / 2 : duration),
  ]);
}

async function webrtc(samples, mode = 3) {
  const m = await createFvad();
  const vad = m._fvad_new();
  m._fvad_set_sample_rate(vad, RATE);
  m._fvad_set_mode(vad, mode);
  const frame = 480;
  const ptr = m._malloc(frame * 2);
  const segments = [];
  let open = null;
  for (let start = 0; start + frame <= samples.length; start += frame) {
    m.HEAP16.set(samples.subarray(start, start + frame), ptr >> 1);
    const voiced = m._fvad_process(vad, ptr, frame) === 1;
    const t = start / RATE;
    if (voiced && open === null) open = t;
    if (!voiced && open !== null) {
      segments.push([open, t]);
      open = null;
    }
  }
  if (open !== null) segments.push([open, samples.length / RATE]);
  m._free(ptr);
  m._fvad_free(vad);
  return segments;
}

const result = {};
for (const file of process.argv.slice(2)) {
  const samples = readWav(file);
  result[file] = { 'silero-v5': await silero(samples), 'webrtc-3': await webrtc(samples) };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
