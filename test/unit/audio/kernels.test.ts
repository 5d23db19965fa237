import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantiateKernels, LOG_TABLE_BYTES, ownMathInUse } from '../../../src/audio/kernels.js';
import { createPitchTracker } from '../../../src/audio/pitch-track.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the WebAssembly kernels', () => {
  it('are what wasm/audio-kernels.ts compiles to (the committed bytes are rebuilt and compared)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-kernels.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('track F0 as YIN over each 30 ms window, written out plainly, does', () => {
    const rate = 4000;
    const hop = 40;
    // A voice gliding 110 → 220 Hz with a second harmonic, then jumping to 300 Hz. (No digital silence:
    // there the window's running sums, kept by adding and removing 10 ms blocks, hold rounding residue
    // a direct sum does not, and a near-empty window may read either way.)
    const x = new Float32Array(rate * 2);
    let phase = 0;
    for (let i = 0; i < x.length; i++) {
      const t = i / rate;
      const hz = t < 1 ? 110 * 2 ** t : 300;
      phase += (2 * Math.PI * hz) / rate;
      x[i] = 0.5 * Math.sin(phase) + 0.2 * Math.sin(2 * phase);
    }
    const tracker = createPitchTracker(rate);
    for (let i = 0; i < x.length; i += 777) tracker.push(x.subarray(i, i + 777));
    const { f0 } = tracker.finish();
    const maxLag = Math.ceil(rate / 65) + 1;
    const minLag = Math.max(2, Math.floor(rate / 450));
    const expected = (k: number) => {
      const d = new Float64Array(maxLag + 1);
      for (let lag = 1; lag <= maxLag; lag++)
        for (let j = k * hop; j < (k + 3) * hop; j++) d[lag]! += (x[j]! - x[j + lag]!) ** 2;
      let sum = 0;
      for (let lag = 1; lag <= maxLag; lag++) sum += d[lag]!;
      if (sum < 1e-9) return 0;
      let running = 0;
      for (let lag = 1; lag <= maxLag; lag++) {
        running += d[lag]!;
        d[lag] = (d[lag]! * lag) / running;
      }
      let found = -1;
      for (let lag = minLag; lag < maxLag && found < 0; lag++) {
        if (d[lag]! >= 0.15) continue;
        while (lag + 1 < maxLag && d[lag + 1]! < d[lag]!) lag++;
        found = lag;
      }
      // No dip under the threshold: the deepest one.
      for (let lag = minLag; lag < maxLag && found < 0; lag++)
        if (d[lag]! <= Math.min(...d.subarray(minLag, maxLag))) found = lag;
      if (d[found]! >= 0.4) return 0;
      const [a, b, c] = [d[found - 1]!, d[found]!, d[found + 1]!];
      const shift = a - 2 * b + c > 0 ? (a - c) / (2 * (a - 2 * b + c)) : 0;
      const hz = rate / (found + Math.max(-0.5, Math.min(0.5, shift)));
      return hz >= 65 * 0.95 && hz <= 450 * 1.05 ? hz : 0;
    };
    expect(f0.length).toBe(Math.floor((x.length - maxLag) / hop) - 2);
    let voiced = 0;
    for (let k = 0; k < f0.length; k++) {
      const want = expected(k);
      if (want === 0) expect(f0[k]).toBe(0);
      else expect(f0[k]! / want).toBeCloseTo(1, 5);
      if (want) voiced++;
    }
    expect(voiced).toBeGreaterThan(0.8 * f0.length);
  });

  it("compute their logarithms and exponentials as JavaScript's Math.log10 and Math.exp do, to the bit, or call those", () => {
    const kernels = instantiateKernels(0);
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    // A fixed pseudo-random sequence: the same inputs on every run.
    let seed = 20;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const mismatches: string[] = [];
    const check = (name: string, own: (x: number) => number, js: (x: number) => number, x: number) => {
      if (!Object.is(own(x), js(x))) mismatches.push(`${name}(${x}): ${own(x)} ≠ ${js(x)}`);
    };
    for (let i = 0; i < 200_000; i++) {
      // Frame energies (1e-13 … 10, as doubles and as the f32 the frames hold) and any bit pattern at all.
      const energy = 10 ** (next() * 14 - 13);
      check('log10', kernels.ownLog10, Math.log10, energy);
      check('log10', kernels.ownLog10, Math.log10, Math.fround(energy));
      check('log10', kernels.ownLog10, Math.log10, 1 + (next() - 0.5) * 1e-5);
      words[0] = next() * 2 ** 32;
      words[1] = next() * 2 ** 32;
      check('log10', kernels.ownLog10, Math.log10, bits[0]!);
      check('exp', kernels.ownExp, Math.exp, bits[0]!);
      // The room model's Gaussians, exp(−z²/2), and the whole range up to overflow.
      const z = next() * 40;
      check('exp', kernels.ownExp, Math.exp, -0.5 * z * z);
      check('exp', kernels.ownExp, Math.exp, next() * 1600 - 800);
      check('exp', kernels.ownExp, Math.exp, (next() - 0.5) * 3);
    }
    for (const x of [0, -0, 1, -1, 2, 10, 0.1, 1e-12, 5e-324, 2.2250738585072014e-308, Infinity, -Infinity, NaN]) {
      check('log10', kernels.ownLog10, Math.log10, x);
      check('exp', kernels.ownExp, Math.exp, x);
    }
    // A V8 that computes them otherwise (a later Node) has the kernels call JavaScript's instead.
    if (ownMathInUse()) expect(mismatches.slice(0, 5)).toEqual([]);
    else expect(mismatches.length).toBeGreaterThan(0);
  });

  it("count the inputs whose own logarithm or exponential differs from JavaScript's (the check made once per process)", () => {
    const kernels = instantiateKernels(0);
    const inputs = [0.615043319735606, 2.5, 1e-9, 7.25];
    const memory = kernels.memory.buffer;
    const check = (expected: number[], exp: boolean) => {
      new Float64Array(memory, 0, inputs.length).set(exp ? inputs.map((x) => -x) : inputs);
      new Float64Array(memory, 64, inputs.length).set(expected);
      return kernels.mathMismatches(0, 64, inputs.length, exp);
    };
    const own = { log10: inputs.map((x) => kernels.ownLog10(x)), exp: inputs.map((x) => kernels.ownExp(-x)) };
    expect(check(own.log10, false)).toBe(0);
    expect(check(own.exp, true)).toBe(0);
    // One bit off in one result, and one result of the other function: each is a mismatch.
    const off = [...own.log10];
    const bits = new Float64Array([off[2]!]);
    new BigUint64Array(bits.buffer)[0]! ^= 1n;
    off[2] = bits[0]!;
    expect(check(off, false)).toBe(1);
    expect(check([own.exp[0]!, ...own.log10.slice(1)], true)).toBe(3);
  });

  it('count noise levels into the same bins with the quick logarithm as with the exact one', () => {
    // collectNoise takes each level's logarithm from a table first and calls the exact one only near a
    // bin's edge; with the kernels' own logarithms off, every level goes the exact way (JavaScript's).
    const frames = 40_000;
    const block = 50;
    const blocks = Math.ceil(frames / block);
    const bins = 1601;
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const run = (own: boolean) => {
      const kernels = instantiateKernels(0);
      kernels.useOwnMath(own);
      const at = { lin: 0, smoothed: frames * 4, floor: frames * 8, busy: frames * 8 + blocks * 4, hist: 0, table: 0 };
      at.hist = at.busy + blocks * 8;
      at.table = at.hist + 3 * bins * 4;
      const bytes = at.table + 128 * 16;
      kernels.memory.grow(Math.ceil(bytes / 65536));
      const memory = kernels.memory.buffer;
      seed = 7;
      const lin = new Float32Array(memory, at.lin, frames);
      const floor = new Float32Array(memory, at.floor, blocks);
      for (let b = 0; b < blocks; b++) floor[b] = -90 + 60 * next();
      for (let t = 0; t < frames; t++) {
        const f = floor[Math.floor(t / block)]!;
        // Levels around the floor, a fifth of them on a bin's edge (f + k·0.05 + 0.025 dB) but for the f32's rounding, some digital silence.
        const db = next() < 0.2 ? f - 40 + 0.05 * Math.floor(next() * 1600) + 0.025 : f + (next() - 0.5) * 90;
        lin[t] = next() < 0.02 ? 0 : 10 ** (db / 10);
      }
      new Float32Array(memory, at.smoothed, frames).set(lin);
      new Float64Array(memory, at.busy, blocks).fill(Infinity);
      kernels.fillLogTable(at.table);
      // In blocks of random sizes, as vad.ts calls it a block at a time.
      for (let from = 0; from < frames; ) {
        const to = from + 1 + Math.floor(next() * 5000);
        kernels.collectNoise(at.lin, frames, at.smoothed, block, at.floor, at.busy, 3, 6, at.hist, at.table, from, to);
        from = to;
      }
      return Array.from(new Uint32Array(memory, at.hist, 3 * bins));
    };
    const quick = run(true);
    expect(quick.reduce((a, b) => a + b, 0)).toBeGreaterThan(100_000);
    expect(quick).toEqual(run(false));
  });

  it('smooth the intensity in dB as a plain Gaussian and Math.log10 do, to the f32, in blocks of any size', () => {
    // smoothedDb takes each logarithm from a table first and the exact one only when that leaves the
    // f32 in doubt; the blocks only split the calls.
    const frames = 30_000;
    const radius = 6;
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const energy = new Float32Array(frames);
    for (let t = 0; t < frames; t++) {
      const r = next();
      // Speech levels, levels near 0 dB (where an f32 is finest), near the silence cut, and silence.
      const db = r < 0.1 ? -1e-4 * next() : r < 0.15 ? -120 + next() : -90 + 85 * next();
      energy[t] = r > 0.97 ? 0 : 10 ** (db / 10);
    }
    const weights = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / 8));
    const plain = new Float32Array(frames);
    for (let t = 0; t < frames; t++) {
      let sum = 0;
      let weight = 0;
      for (let j = Math.max(0, t - radius); j <= Math.min(frames - 1, t + radius); j++) {
        sum += weights[j - t + radius]! * energy[j]!;
        weight += weights[j - t + radius]!;
      }
      const x = sum / weight;
      plain[t] = x > 1e-12 ? 10 * Math.log10(x) : -120;
    }
    const kernels = instantiateKernels(0);
    const at = { energy: 0, out: frames * 4, weights: frames * 8, table: frames * 8 + 16 * 8 };
    kernels.memory.grow(Math.ceil((at.table + LOG_TABLE_BYTES) / 65536));
    const memory = kernels.memory.buffer;
    new Float32Array(memory, at.energy, frames).set(energy);
    new Float64Array(memory, at.weights, weights.length).set(weights);
    kernels.fillLogTable(at.table);
    for (let first = 0; first < frames; ) {
      const last = Math.min(frames, first + 1 + Math.floor(next() * 3000));
      kernels.smoothedDb(at.energy, frames, at.weights, radius, at.out, first, last, at.table);
      first = last;
    }
    expect(Array.from(new Float32Array(memory, at.out, frames))).toEqual(Array.from(plain));
  });

  it('sort positive f32 as Float32Array.prototype.sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: Math.fround(1e-30), max: Math.fround(3e38), noNaN: true }), { maxLength: 3000 }),
        fc.boolean(),
        (list, pitches) => {
          // Pitch-like values (many equal) as often as any.
          const values = Float32Array.from(pitches ? list.map((v) => 60 + (v % 400)) : list);
          const kernels = instantiateKernels(0);
          kernels.memory.grow(1);
          const memory = kernels.memory.buffer;
          const n = values.length;
          new Float32Array(memory, 0, n).set(values);
          kernels.sortPositive(0, n, n * 4, n * 8);
          expect(Array.from(new Float32Array(memory, 0, n))).toEqual(Array.from(values.slice().sort()));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decode 16-bit PCM in place into the samples the WAV reader gives, whatever the count', () => {
    const kernels = instantiateKernels(0);
    kernels.memory.grow(2);
    let seed = 3;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1001, 20_000]) {
      const pcm = Int16Array.from({ length: n }, (_, i) => (i < 2 ? [-32768, 32767][i]! : (next() >>> 16) - 32768));
      new Int16Array(kernels.memory.buffer, 64, n).set(pcm);
      kernels.decodePcm16(64, n);
      const decoded = Array.from(new Float32Array(kernels.memory.buffer, 64, n));
      expect(decoded, `${n} samples`).toEqual(Array.from(pcm, (v) => v / 32768));
    }
  });
});
