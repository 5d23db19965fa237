import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createResampler } from '../../../src/audio/resample.js';

function resampleAll(x: Float32Array, from: number, to: number, chunk = x.length): Float32Array {
  const r = createResampler(from, to);
  const parts: Float32Array[] = [];
  for (let i = 0; i < x.length; i += chunk) parts.push(r.push(x.subarray(i, i + chunk)).slice());
  parts.push(r.flush());
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const tone = (hz: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );

/** RMS away from the edges (the filter's run-in). */
function middleRms(x: Float32Array): number {
  const a = Math.floor(x.length * 0.2);
  const b = Math.floor(x.length * 0.8);
  let e = 0;
  for (let i = a; i < b; i++) e += x[i]! * x[i]!;
  return Math.sqrt(e / (b - a));
}

describe('resampling to 16 kHz', () => {
  it.each([8000, 11025, 22050, 32000, 44100, 48000, 96000, 16001])(
    '%i Hz: length follows the ratio and a 1 kHz tone keeps its level',
    (rate) => {
      const x = tone(1000, rate, 1);
      const y = resampleAll(x, rate, 16000, 4099);
      expect(Math.abs(y.length - Math.round(x.length * (16000 / rate)))).toBeLessThanOrEqual(1);
      expect(middleRms(y) / middleRms(x)).toBeCloseTo(1, 2);
      // The tone is still at 1 kHz: count zero crossings over the middle second.
      let crossings = 0;
      for (let i = 1; i < y.length; i++) if (y[i - 1]! < 0 !== y[i]! < 0) crossings++;
      expect(crossings).toBeGreaterThanOrEqual(1990);
      expect(crossings).toBeLessThanOrEqual(2010);
    },
  );

  it('removes what lies above the new Nyquist frequency instead of folding it back (48 kHz, 12 kHz tone)', () => {
    const y = resampleAll(tone(12000, 48000, 1), 48000, 16000);
    expect(middleRms(y)).toBeLessThan(0.5 / Math.SQRT2 / 100); // at least 40 dB down
  });

  it('keeps a constant constant (unit gain at DC on every phase)', () => {
    const y = resampleAll(new Float32Array(44100).fill(0.25), 44100, 16000);
    let worst = 0;
    for (let i = 100; i < y.length - 100; i++) worst = Math.max(worst, Math.abs(y[i]! - 0.25));
    expect(worst).toBeLessThan(1e-4);
  });

  it('passes 16 kHz through untouched', () => {
    const x = tone(440, 16000, 0.1);
    expect(resampleAll(x, 16000, 16000)).toEqual(x);
  });

  it('property: chunk boundaries never change the output', () => {
    const x = tone(700, 44100, 0.2).map((v, i) => v + 0.1 * Math.sin(i));
    const whole = resampleAll(x, 44100, 16000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (chunk) => {
        const parts = resampleAll(x, 44100, 16000, chunk);
        expect(parts.length).toBe(whole.length);
        let worst = 0;
        for (let i = 0; i < whole.length; i++) worst = Math.max(worst, Math.abs(parts[i]! - whole[i]!));
        expect(worst).toBeLessThan(1e-6);
      }),
      { numRuns: 30 },
    );
  });
});
