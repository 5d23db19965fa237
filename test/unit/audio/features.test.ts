import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFeatureExtractor, FRAME_SECONDS, voiceBand } from '../../../src/audio/features.js';

const tone = (hz: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate),
  );

/** Band energies over the file, in dB against the tone's own power, the filters' run-in skipped. */
function bandLevels(x: Float32Array, rate: number, chunk = 4099) {
  const fx = createFeatureExtractor(rate);
  for (let i = 0; i < x.length; i += chunk) fx.push(x.subarray(i, i + chunk));
  const f = fx.finish();
  const mean = (a: Float32Array) => {
    let s = 0;
    for (let t = 40; t < a.length; t++) s += a[t]!;
    return s / (a.length - 40);
  };
  const power = 0.125; // a 0.5 amplitude sine
  const db = (e: number) => 10 * Math.log10(e / power + 1e-15);
  return { frames: f.frames, low: db(mean(f.low)), mid: db(mean(f.mid)), high: db(mean(f.high)) };
}

describe('band energies at the recording’s own rate', () => {
  // The bands are set by the filters, not by the rate the file comes at: each tone must land in the
  // same bands, at about the same levels, as at 16 kHz (the rate every file used to be resampled to,
  // on which the detector's thresholds were measured). The 2nd-order filters overlap a lot (a 2 kHz
  // tone still reads −4 dB in the high band), and a filter near a low Nyquist frequency is steeper
  // (at 16 kHz a 6 kHz tone reads −15 dB in the mid band, at 44.1 kHz −9 dB): where a tone carries
  // its energy the levels agree within 2 dB, elsewhere they stay 8 dB down.
  const tones = [300, 500, 2000, 3000, 6000];
  const reference = new Map(tones.map((hz) => [hz, bandLevels(tone(hz, 16_000, 1.5), 16_000)]));

  it('16 kHz: a 300 Hz tone is loudest in the low band, 2 kHz in the mid band, 6 kHz in the high band', () => {
    const [low, , mid, , high] = tones.map((hz) => reference.get(hz)!);
    expect(low!.low).toBeGreaterThan(low!.mid + 6);
    expect(mid!.mid).toBeGreaterThan(Math.max(mid!.low, mid!.high) + 5);
    expect(high!.high).toBeGreaterThan(Math.max(high!.low, high!.mid) + 6);
  });

  it.each([8000, 11025, 16001, 22050, 44100, 48000])(
    '%i Hz: a 5 ms frame per 5 ms of audio, and each tone below 0.4 × the rate in the same bands as at 16 kHz',
    (rate) => {
      for (const [hz, want] of reference) {
        if (hz > 0.4 * rate) continue;
        const got = bandLevels(tone(hz, rate, 1.5), rate);
        expect(got.frames).toBe(Math.floor(1.5 / FRAME_SECONDS));
        // Under 16 kHz there is no 4–8 kHz band to speak of: only the low and mid bands compare.
        for (const band of rate < 16_000 ? (['low', 'mid'] as const) : (['low', 'mid', 'high'] as const)) {
          if (want[band] >= -12) expect(Math.abs(got[band] - want[band]), `${hz} Hz, ${band}`).toBeLessThan(2);
          else expect(got[band], `${hz} Hz, ${band}`).toBeLessThan(-8);
        }
      }
    },
  );

  it('48 kHz: a 14 kHz tone, above the 8 kHz the bands stop at, is mostly left out', () => {
    const above = bandLevels(tone(14_000, 48_000, 1), 48_000);
    expect(Math.max(above.low, above.mid, above.high)).toBeLessThan(-9);
  });

  it('the voice band for the F0 tracker comes at about 4 kHz whatever the rate', () => {
    for (const rate of [8000, 16000, 22050, 44100, 48000]) {
      const band = voiceBand(rate);
      expect(band.rate).toBeGreaterThan(3600);
      expect(band.rate).toBeLessThan(4800);
      expect(Number.isInteger(band.decimation)).toBe(true);
    }
  });

  it('property: the chunk size the samples arrive in changes nothing', () => {
    const rate = 22050;
    const x = Float32Array.from(tone(300, rate, 0.8), (v, i) => v + 0.2 * Math.sin(i * 1.7));
    const run = (chunk: number) => {
      const parts: number[] = [];
      const fx = createFeatureExtractor(rate, (band) => parts.push(...band));
      for (let i = 0; i < x.length; i += chunk) fx.push(x.subarray(i, i + chunk));
      const f = fx.finish();
      return { low: Array.from(f.low), mid: Array.from(f.mid), high: Array.from(f.high), voice: parts, peak: f.peak };
    };
    const reference = run(x.length);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9000 }), (chunk) => {
        expect(run(chunk)).toEqual(reference);
      }),
      { numRuns: 12 },
    );
  });

  // Chunks of a few seconds go through the filters as two lanes of a SIMD register, the second lane
  // starting 0.1 s early from rest (features.ts, laneLayout); short chunks through the scalar loop.
  // Whatever the rate and the signal, the frames must be the scalar loop's: to the bit on speech-like
  // signals (below), and never more than 1e-9 dB apart anywhere the analysis reads a level (above its
  // −120 dB floor; a loud passage cut to digital silence right before the lanes meet leaves a remainder
  // of ~1e-28 in the filters, far under that floor).
  const db = (e: number) => (e > 1e-12 ? 10 * Math.log10(e) : -120);
  const extract = (x: Float32Array, rate: number, chunk: number) => {
    const voice: number[] = [];
    const fx = createFeatureExtractor(rate, (band) => {
      for (const v of band) voice.push(v);
    });
    for (let i = 0; i < x.length; i += chunk) fx.push(x.subarray(i, i + chunk));
    return { ...fx.finish(), voice };
  };
  const signal = (
    rate: number,
    seconds: number,
    seed: number,
    pieces: Array<'tone' | 'noise' | 'silence' | 'loud'>,
  ) => {
    const x = new Float32Array(Math.round(rate * seconds));
    let state = seed >>> 0 || 1;
    const random = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32 - 0.5;
    };
    const span = Math.ceil(x.length / pieces.length);
    pieces.forEach((kind, p) => {
      const hz = 120 + 40 * p;
      for (let i = p * span; i < Math.min(x.length, (p + 1) * span); i++) {
        if (kind === 'silence') continue;
        const voiced =
          0.3 * Math.sin((2 * Math.PI * hz * i) / rate) + 0.1 * Math.sin((2 * Math.PI * 7.3 * hz * i) / rate);
        x[i] = kind === 'tone' ? voiced : kind === 'noise' ? 0.05 * random() : Math.max(-1, Math.min(1, 4 * voiced));
      }
    });
    return x;
  };

  it('property: the two-lane filter gives the scalar loop’s frames, voice band, peak and clipped count', () => {
    const rates = [8000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000];
    const kinds = ['tone', 'noise', 'silence', 'loud'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...rates),
        fc.double({ min: 2, max: 5, noNaN: true }),
        fc.integer(),
        fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 8 }),
        (rate, seconds, seed, pieces) => {
          const x = signal(rate, seconds, seed, pieces);
          const lanes = extract(x, rate, x.length);
          const scalar = extract(x, rate, 3000);
          expect(lanes.frames).toBe(scalar.frames);
          expect(lanes.peak).toBe(scalar.peak);
          expect(lanes.clipped).toBe(scalar.clipped);
          expect(lanes.voice.length).toBe(scalar.voice.length);
          for (const band of ['low', 'mid', 'high', 'vocal', 'upper'] as const)
            for (let t = 0; t < lanes.frames; t++)
              expect(Math.abs(db(lanes[band][t]!) - db(scalar[band][t]!))).toBeLessThan(1e-9);
          for (let i = 0; i < lanes.voice.length; i++)
            expect(Math.abs(lanes.voice[i]! - scalar.voice[i]!)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the two-lane filter gives the scalar loop’s frames to the bit on speech with pauses', () => {
    const rate = 22_050;
    const x = signal(rate, 6, 7, ['tone', 'noise', 'tone', 'loud', 'noise', 'tone']);
    const lanes = extract(x, rate, x.length);
    const scalar = extract(x, rate, 3000);
    expect(Array.from(lanes.low)).toEqual(Array.from(scalar.low));
    expect(Array.from(lanes.mid)).toEqual(Array.from(scalar.mid));
    expect(Array.from(lanes.high)).toEqual(Array.from(scalar.high));
    expect(lanes.voice).toEqual(scalar.voice);
    expect(lanes.clipped).toBeGreaterThan(0);
    expect(lanes.clipped).toBe(scalar.clipped);
  });
});
