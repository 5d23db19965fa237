import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeSamples, createSpeechDetector, type Detection } from '../../../src/audio/detect.js';
import { compareToTruth } from '../../../src/audio/accuracy.js';
import { smoothSegments, type Segment } from '../../../src/audio/vad.js';
import { parseWavHeader } from '../../../src/audio/wav.js';
import { streamWavData } from '../../../src/audio/file-source.js';
import {
  AUDIO_FIXTURES,
  bufferSource,
  encodeWav,
  readLayout,
  readPcm16,
  seededRandom,
  segmentLayouts,
  syntheticSpeech,
  type Encoding,
} from './helpers.js';

function detect(x: Float32Array, rate: number, chunk = 4096): Detection {
  const d = createSpeechDetector(rate);
  for (let i = 0; i < x.length; i += chunk) d.push(x.slice(i, i + chunk));
  return d.finish();
}

function detectWav(bytes: Uint8Array): Detection {
  const source = bufferSource(bytes);
  const format = parseWavHeader(source, 'x.wav');
  const d = createSpeechDetector(format.sampleRate);
  streamWavData(source, format, (mono) => d.push(mono));
  return d.finish();
}

const LAYOUT: Segment[] = [
  { start: 0.5, end: 1.7 },
  { start: 2.05, end: 3.1 }, // 0.35 s pause before
  { start: 3.35, end: 4.4 }, // 0.25 s gap: a gap, not a pause
  { start: 5.6, end: 6.0 }, // 1.2 s pause
  { start: 8.7, end: 10.2 }, // 2.7 s pause
];
const DURATION = 11;

describe('speech detection on synthetic speech with a known layout', () => {
  it.each([
    [16000, undefined],
    [44100, undefined],
    [8000, undefined],
    [16000, 20],
    [48000, 20],
    [22050, 20],
  ])(
    '%i Hz, SNR %s dB: speaking time within 3 %, pauses all found and none invented, edges within 50 ms',
    (rate, snrDb) => {
      const x = syntheticSpeech(LAYOUT, DURATION, rate, { snrDb, seed: rate });
      const result = detect(x, rate);
      const accuracy = compareToTruth(LAYOUT, result.segments);
      expect(accuracy.truthPauses).toBe(3);
      expect(accuracy, JSON.stringify(result.segments)).toMatchObject({
        missedPauses: 0,
        inventedPauses: 0,
        meetsGoals: true,
      });
      expect(result.durationSeconds).toBeCloseTo(DURATION, 3);
    },
  );

  it('analyzeSamples gives the figures straight from samples', () => {
    const x = syntheticSpeech(LAYOUT, DURATION, 16000, { snrDb: 20, seed: 9 });
    const a = analyzeSamples([x.subarray(0, 50_000), x.subarray(50_000)], 16000, { scriptWords: 40 });
    expect(a.pauseCounts).toEqual({ atLeast300ms: 3, atLeast1s: 2, atLeast2500ms: 1 });
    expect(a.wordsPerMinute).toBeCloseTo((40 / (10.2 - 0.5)) * 60, -1);
  });

  it('the chunk size the audio arrives in changes nothing', () => {
    const x = syntheticSpeech(LAYOUT, DURATION, 44100, { snrDb: 20, seed: 3 });
    const reference = detect(x, 44100).segments;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20000 }), (chunk) => {
        expect(detect(x, 44100, chunk).segments).toEqual(reference);
      }),
      { numRuns: 8 },
    );
  });
});

describe('speech detection on the committed espeak-ng fixtures (French, known layout)', () => {
  const layout = readLayout();
  const clean = readFileSync(join(AUDIO_FIXTURES, 'clean.wav'));

  it.each(['clean.wav', 'noisy.wav', 'clean-8k-u8.wav'])('%s meets the accuracy goals', (file) => {
    const accuracy = compareToTruth(layout.segments, detectWav(readFileSync(join(AUDIO_FIXTURES, file))).segments);
    expect(accuracy.truthPauses).toBe(3);
    expect(accuracy.meetsGoals, JSON.stringify(accuracy)).toBe(true);
  });

  it.each([
    ['s24', 2, false],
    ['f32', 1, true],
    ['s32', 2, true],
    ['u8', 1, false],
    ['f64', 1, false],
  ] as Array<[Encoding, number, boolean]>)(
    'the clean fixture re-encoded as %s with %i channel(s) meets the goals',
    (encoding, channels, extensible) => {
      const samples = readPcm16(clean);
      const bytes = encodeWav({
        sampleRate: 16000,
        encoding,
        channels: Array.from({ length: channels }, () => samples),
        extensible,
      });
      expect(compareToTruth(layout.segments, detectWav(bytes).segments).meetsGoals).toBe(true);
    },
  );

  it('clipped audio (the fixture 20 dB too loud, hard-limited) still gives the right pauses', () => {
    const loud = readPcm16(clean).map((v) => Math.max(-1, Math.min(1, v * 10)));
    const result = detect(loud, 16000);
    const accuracy = compareToTruth(layout.segments, result.segments);
    expect(result.clippedFraction).toBeGreaterThan(0.01);
    expect(accuracy).toMatchObject({ missedPauses: 0, inventedPauses: 0 });
    expect(Math.abs(accuracy.speechErrorPercent)).toBeLessThan(3);
  });

  it('a quiet recording (-30 dB) is analysed like a normal one', () => {
    const quiet = readPcm16(readFileSync(join(AUDIO_FIXTURES, 'noisy.wav'))).map((v) => v * 0.0316);
    expect(compareToTruth(layout.segments, detect(quiet, 16000).segments).meetsGoals).toBe(true);
  });
});

describe('no speech', () => {
  it('digital silence has no speech', () => {
    expect(detect(new Float32Array(16000 * 5), 16000).segments).toEqual([]);
  });

  it('steady noise alone, loud or faint, has no speech', () => {
    for (const amplitude of [0.3, 0.01, 1 / 32768]) {
      const rng = seededRandom(7);
      const noise = Float32Array.from({ length: 16000 * 6 }, () => amplitude * (rng() * 2 - 1));
      expect(detect(noise, 16000).segments).toEqual([]);
    }
  });

  it('a click in the silence is not speech', () => {
    const x = new Float32Array(16000 * 3);
    for (let i = 0; i < 80; i++) x[24000 + i] = i % 2 ? 0.9 : -0.9;
    expect(detect(x, 16000).segments).toEqual([]);
  });

  it('a file shorter than one frame gives no speech and its true duration', () => {
    const result = detect(new Float32Array(30).fill(0.5), 16000);
    expect(result.segments).toEqual([]);
    expect(result.durationSeconds).toBeCloseTo(30 / 16000, 6);
  });
});

describe('smoothing', () => {
  it('merges gaps under 0.2 s, keeps longer ones, drops blips under 80 ms', () => {
    expect(
      smoothSegments([
        { start: 0, end: 1 },
        { start: 1.15, end: 2 }, // 0.15 s gap: merged
        { start: 2.25, end: 3 }, // 0.25 s gap: kept
        { start: 4, end: 4.05 }, // blip alone: dropped
        { start: 5, end: 6 },
      ]),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 2.25, end: 3 },
      { start: 5, end: 6 },
    ]);
  });

  it('property: output is sorted, gaps are at least 0.2 s and segments at least 80 ms', () => {
    const segments = segmentLayouts({ min: 0, max: 2 }, { min: 0.001, max: 2 }, 40);
    fc.assert(
      fc.property(segments, (list) => {
        const out = smoothSegments(list);
        out.forEach((s, i) => {
          expect(s.end - s.start).toBeGreaterThanOrEqual(0.08);
          if (i > 0) expect(s.start - out[i - 1]!.end).toBeGreaterThanOrEqual(0.2);
        });
      }),
    );
  });
});
