/**
 * Intonation, rhythm and loudness on synthetic voices with known answers (test/unit/audio/helpers.ts
 * voicedSignal): F0 given as a function of time, syllables as bursts at a known rate, loudness as a
 * known gain. Goals (issue 20): median F0 within 3 %, range within 1 semitone, syllable rate within
 * 10 %, monotone edges within 0.5 s and none invented on expressive voices, clean and at 20 dB SNR.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSamples, createSpeechDetector } from '../../../src/audio/detect.js';
import fc from 'fast-check';
import type { PitchTrack } from '../../../src/audio/pitch-track.js';
import { analyzeVoice, frameFrom, semitoneBinEdges, VOICE_THRESHOLDS } from '../../../src/audio/voice.js';
import type { Segment } from '../../../src/audio/vad.js';
import { sentenceLayout, voicedSignal } from './helpers.js';

const RATE = 16_000;

/**
 * The voice figures over the true sentences: these tests measure the voice analysis, not the speech
 * detector (whose own accuracy is tested in detect.test.ts and on rooms; a synthetic fade that decays
 * in a straight line in dB looks like reverberation to it and is cut — see docs/voice.md).
 */
function voiceOver(x: Float32Array, sentences: Segment[], splits: Segment[] | null = null, rate = RATE) {
  const detector = createSpeechDetector(rate);
  detector.push(x);
  return analyzeVoice(detector.finish().voice, sentences, splits);
}

/** Median and P10–P90 range of F0 over the sentences, sampled every millisecond: the truth. */
function truthOf(f0: (t: number) => number, sentences: Segment[]) {
  const values: number[] = [];
  for (const s of sentences) for (let t = s.start; t < s.end; t += 0.001) values.push(f0(t));
  values.sort((a, b) => a - b);
  const q = (p: number) => values[Math.round(p * (values.length - 1))]!;
  return { medianHz: q(0.5), rangeSemitones: 12 * Math.log2(q(0.9) / q(0.1)) };
}

const semitoneShift = (hz: number, st: number) => hz * 2 ** (st / 12);

describe('intonation on synthetic voices with a known F0', () => {
  // Sentences of 2.7 s with 0.45 s pauses: the median never falls in a pause between two sentences.
  const sentences = sentenceLayout(0.6, 2.7, 0.45, 7);
  const duration = 23;
  const voices: Array<[string, (t: number) => number]> = [
    ['a steady low male voice, 85 Hz', () => 85],
    ['a steady voice at 130 Hz', () => 130],
    ['a steady high voice at 290 Hz', () => 290],
    ['a voice gliding ±5 semitones around 120 Hz', (t) => semitoneShift(120, 5 * Math.sin(2 * Math.PI * 0.23 * t))],
    ['a voice rising from 160 to 320 Hz', (t) => 160 * 2 ** (t / duration)],
    ['a sawtooth intonation, 210 Hz ±3 semitones', (t) => semitoneShift(210, 3 * (((t * 0.37) % 1) * 2 - 1))],
  ];
  // 16 kHz, and 22.05 kHz (espeak-ng's rate, and many recorders'): the analysis runs at the file's rate.
  for (const [name, f0] of voices) {
    for (const [rate, snrDb] of [
      [RATE, undefined],
      [RATE, 20],
      [22_050, undefined],
      [22_050, 20],
    ] as const) {
      const tag = `${snrDb ? ', 20 dB SNR' : ''}${rate === RATE ? '' : `, ${rate} Hz`}`;
      it(`${name}${tag}: median within 3 %, range within 1 semitone`, () => {
        const x = voicedSignal({
          sentences,
          durationSeconds: duration,
          sampleRate: rate,
          f0,
          syllablesPerSecond: 4.5,
          snrDb,
        });
        const voice = voiceOver(x, sentences, null, rate);
        const truth = truthOf(f0, sentences);
        expect(voice.pitch.medianHz).not.toBeNull();
        expect(Math.abs(voice.pitch.medianHz! / truth.medianHz - 1)).toBeLessThanOrEqual(0.03);
        expect(Math.abs(voice.pitch.rangeSemitones! - truth.rangeSemitones)).toBeLessThanOrEqual(1);
      });
    }
  }

  it('through the whole analysis (speech detector included), a clean gliding voice meets the same goals', () => {
    const f0 = (t: number) => semitoneShift(120, 5 * Math.sin(2 * Math.PI * 0.23 * t));
    const x = voicedSignal({ sentences, durationSeconds: duration, sampleRate: RATE, f0, syllablesPerSecond: 4.5 });
    const result = analyzeSamples([x], RATE);
    const truth = truthOf(f0, sentences);
    expect(Math.abs(result.pitch.medianHz! / truth.medianHz - 1)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(result.pitch.rangeSemitones! - truth.rangeSemitones)).toBeLessThanOrEqual(1);
    expect(Math.abs(result.articulationRate! / 4.5 - 1)).toBeLessThanOrEqual(0.1);
  });

  it('no F0 and no figures from noise alone', () => {
    const x = voicedSignal({
      sentences: [],
      durationSeconds: 8,
      sampleRate: RATE,
      f0: () => 120,
      syllablesPerSecond: 4,
    });
    const { voice } = analyzeSamples([x], RATE);
    expect(voice.pitch).toMatchObject({ medianHz: null, rangeSemitones: null, monotoneStretches: [] });
    expect(voice.syllables).toBe(0);
    expect(voice.syllablesPerSecond).toBeNull();
  });
});

describe('monotone stretches', () => {
  const sentences = sentenceLayout(0.5, 2.5, 0.4, 9); // 0.5 … 26.2 s
  const flatFrom = 7.75;
  const flatTo = 18.1;

  for (const [rate, snrDb] of [
    [RATE, undefined],
    [RATE, 20],
    [44_100, 20],
  ] as const) {
    const tag = `${snrDb ? ' at 20 dB SNR' : ''}${rate === RATE ? '' : `, ${rate} Hz`}`;
    it(`a flat stretch between lively ones is found with its edges within 0.5 s${tag}`, () => {
      const f0 = (t: number) =>
        t >= flatFrom && t < flatTo ? 140 : semitoneShift(140, 5 * Math.sin(2 * Math.PI * 0.7 * (t - flatFrom)));
      const x = voicedSignal({ sentences, durationSeconds: 27, sampleRate: rate, f0, syllablesPerSecond: 4, snrDb });
      const stretches = voiceOver(x, sentences, null, rate).pitch.monotoneStretches;
      expect(stretches).toHaveLength(1);
      expect(Math.abs(stretches[0]!.start - flatFrom)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(stretches[0]!.end - flatTo)).toBeLessThanOrEqual(0.5);
    });

    it(`a flat stretch after a jump in register is found too${tag}`, () => {
      const f0 = (t: number) =>
        t >= flatFrom && t < flatTo ? 150 : semitoneShift(210, 3 * Math.sin(2 * Math.PI * 0.6 * t));
      const x = voicedSignal({ sentences, durationSeconds: 27, sampleRate: rate, f0, syllablesPerSecond: 4, snrDb });
      const stretches = voiceOver(x, sentences, null, rate).pitch.monotoneStretches;
      expect(stretches).toHaveLength(1);
      expect(Math.abs(stretches[0]!.start - flatFrom)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(stretches[0]!.end - flatTo)).toBeLessThanOrEqual(0.5);
    });

    it(`none is invented on expressive voices${tag}`, () => {
      const lively: Array<(t: number) => number> = [
        (t) => semitoneShift(120, 4 * Math.sin(2 * Math.PI * 0.5 * t)),
        (t) => semitoneShift(220, 3 * Math.sin(2 * Math.PI * 0.9 * t) + 2 * Math.sin(2 * Math.PI * 0.21 * t)),
        (t) => semitoneShift(100, 8 * ((t * 0.3) % 1)),
      ];
      for (const f0 of lively) {
        const x = voicedSignal({ sentences, durationSeconds: 27, sampleRate: rate, f0, syllablesPerSecond: 5, snrDb });
        expect(voiceOver(x, sentences, null, rate).pitch.monotoneStretches).toEqual([]);
      }
    });
  }

  it('a whole steady recording is one stretch, and under 5 s of speech is never judged', () => {
    const long = voicedSignal({
      sentences,
      durationSeconds: 27,
      sampleRate: RATE,
      f0: () => 180,
      syllablesPerSecond: 4,
    });
    const [stretch, ...rest] = voiceOver(long, sentences).pitch.monotoneStretches;
    expect(rest).toEqual([]);
    expect(stretch!.start).toBeLessThanOrEqual(0.5 + 0.5);
    expect(stretch!.end).toBeGreaterThanOrEqual(26.2 - 0.5);
    const short = sentenceLayout(0.5, 2, 0.5, 2);
    const brief = voicedSignal({
      sentences: short,
      durationSeconds: 6,
      sampleRate: RATE,
      f0: () => 180,
      syllablesPerSecond: 4,
    });
    expect(voiceOver(brief, short).pitch.monotoneStretches).toEqual([]);
  });
});

describe('syllable rate from amplitude bursts', () => {
  for (const rate of [3, 4, 5, 6, 7]) {
    for (const [sampleRate, snrDb] of [
      [RATE, undefined],
      [RATE, 20],
      [22_050, 20],
    ] as const) {
      const tag = `${snrDb ? ', 20 dB SNR' : ''}${sampleRate === RATE ? '' : `, ${sampleRate} Hz`}`;
      it(`${rate} syllables a second${tag}: within 10 %, over the span and over speaking time`, () => {
        // Sentence length a whole number of syllables; the pauses make span and speaking time differ.
        const length = Math.round((2.2 * rate) / 1) / rate;
        const sentences = sentenceLayout(0.8, length, 0.7, 6);
        const end = sentences[sentences.length - 1]!.end;
        const x = voicedSignal({
          sentences,
          durationSeconds: end + 0.8,
          sampleRate,
          f0: (t) => semitoneShift(150, 3 * Math.sin(t)),
          syllablesPerSecond: rate,
          dip: 0.3,
          snrDb,
        });
        const voice = voiceOver(x, sentences, null, sampleRate);
        const syllables = Math.round(rate * length) * sentences.length;
        expect(Math.abs(voice.syllables / syllables - 1)).toBeLessThanOrEqual(0.1);
        expect(Math.abs(voice.syllablesPerSecond! / (syllables / (end - 0.8)) - 1)).toBeLessThanOrEqual(0.1);
        expect(Math.abs(voice.articulationRate! / rate - 1)).toBeLessThanOrEqual(0.1);
      });
    }
  }

  it('unvoiced bursts (hiss) are not syllables', () => {
    // Voice sentences, then the same bursts made of noise only: only the voiced ones count.
    const sentences = sentenceLayout(0.5, 2, 0.6, 2); // 0.5–2.5 and 3.1–5.1 s; the hiss is at 5.2–7.2 s
    const voiced = voicedSignal({
      sentences,
      durationSeconds: 8.5,
      sampleRate: RATE,
      f0: () => 140,
      syllablesPerSecond: 4,
    });
    const noise = new Float32Array(voiced.length);
    let seed = 3;
    for (const s of sentenceLayout(5.2, 2, 0.6, 1))
      for (let i = Math.round(s.start * RATE); i < Math.round(s.end * RATE); i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const env = 0.15 + 0.85 * Math.sin(Math.PI * 4 * (i / RATE - s.start)) ** 2;
        noise[i] = 0.08 * env * ((seed / 2 ** 31) * 2 - 1);
      }
    const mixed = voiced.map((v, i) => v + noise[i]!);
    // Both the voiced and the hissing sentences count as speech here: only voicing tells them apart.
    expect(voiceOver(mixed, [...sentences, ...sentenceLayout(5.2, 2, 0.6, 1)]).syllables).toBe(16);
  });
});

describe('loudness', () => {
  const sentences = sentenceLayout(0.5, 3, 0.6, 6); // each 3 s, ends at 3.5, 7.1, 10.7, 14.3, 17.9, 21.5
  const steady = (t: number) => semitoneShift(140, 3 * Math.sin(2 * Math.PI * 0.4 * t));

  it('each sentence against the speaker: a sentence said 6 dB softer reads about −6 dB', () => {
    const softer = sentences[3]!;
    const gain = (t: number) => (t >= softer.start && t < softer.end ? 10 ** (-6 / 20) : 1);
    const x = voicedSignal({
      sentences,
      durationSeconds: 22.2,
      sampleRate: RATE,
      f0: steady,
      syllablesPerSecond: 4,
      gain,
    });
    const { loudness } = voiceOver(x, sentences);
    expect(loudness.sentences).toHaveLength(6);
    const others = [0, 1, 2, 4, 5].map((i) => loudness.sentences[i]!.relativeDb);
    // The speaker's median mixes the softer sentence in, so the others read a little above 0.
    for (const db of others) expect(Math.abs(db)).toBeLessThan(1.5);
    const meanOthers = others.reduce((a, b) => a + b, 0) / others.length;
    expect(Math.abs(loudness.sentences[3]!.relativeDb - meanOthers - -6)).toBeLessThan(1);
    expect(loudness.fadingEndings).toBe(0);
  });

  for (const snrDb of [undefined, 20]) {
    it(`endings that fade by 15 dB are counted, steady ones are not${snrDb ? ' (20 dB SNR)' : ''}`, () => {
      // Sentences 1, 3 and 4 fall linearly in dB by 15 dB over their last 0.6 s.
      const fading = new Set([1, 3, 4]);
      const gain = (t: number) => {
        const i = sentences.findIndex((s) => t >= s.start && t < s.end);
        if (!fading.has(i)) return 1;
        const left = sentences[i]!.end - t;
        return left >= 0.6 ? 1 : 10 ** ((-15 * (1 - left / 0.6)) / 20);
      };
      const x = voicedSignal({
        sentences,
        durationSeconds: 22.2,
        sampleRate: RATE,
        f0: steady,
        syllablesPerSecond: 4,
        gain,
        snrDb,
      });
      const { loudness } = voiceOver(x, sentences);
      expect(loudness.sentences.map((s) => s.fading)).toEqual([false, true, false, true, true, false]);
      expect(loudness.fadingEndings).toBe(0.5);
      expect(loudness.fadingCount).toBe(3);
    });
  }

  it('a gentle 3 dB fall, within natural declination, is not a fading ending', () => {
    const gain = (t: number) => {
      const s = sentences.find((x) => t >= x.start && t < x.end);
      if (!s) return 1;
      const left = s.end - t;
      return left >= 0.6 ? 1 : 10 ** ((-3 * (1 - left / 0.6)) / 20);
    };
    const x = voicedSignal({
      sentences,
      durationSeconds: 22.2,
      sampleRate: RATE,
      f0: steady,
      syllablesPerSecond: 4,
      gain,
    });
    expect(voiceOver(x, sentences).loudness.fadingCount).toBe(0);
    expect(VOICE_THRESHOLDS.fadingDb).toBeGreaterThan(3);
  });
});

describe('per split', () => {
  it('each split gets its own F0 and syllable rate', () => {
    // Split 1: 0–10.3 s at 120 Hz, 3 syllables/s; split 2: the rest at 240 Hz, 6 syllables/s.
    const first = sentenceLayout(0.5, 2, 0.6, 4); // … 10.3
    const second = sentenceLayout(11, 2, 0.6, 4); // 11 … 20.8
    const a = voicedSignal({
      sentences: first,
      durationSeconds: 21.5,
      sampleRate: RATE,
      f0: () => 120,
      syllablesPerSecond: 3,
    });
    const b = voicedSignal({
      sentences: second,
      durationSeconds: 21.5,
      sampleRate: RATE,
      f0: () => 240,
      syllablesPerSecond: 6,
    });
    const x = a.map((v, i) => v + b[i]!);
    const [one, two] = voiceOver(
      x,
      [...first, ...second],
      [
        { start: 0, end: 10.6 },
        { start: 10.6, end: 21.5 },
      ],
    ).splits!;
    expect(Math.abs(one!.medianHz! / 120 - 1)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(two!.medianHz! / 240 - 1)).toBeLessThanOrEqual(0.03);
    expect(one!.syllables).toBe(24);
    expect(two!.syllables).toBe(48);
    expect(Math.abs(one!.articulationRate! / 3 - 1)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(two!.articulationRate! / 6 - 1)).toBeLessThanOrEqual(0.1);
    expect(one!.monotoneSeconds).toBeGreaterThan(5);
  });
});

describe('frames of a span', () => {
  // The walk frameFrom replaces: from `first`, each frame's centre compared with the span's edges.
  const walk = (track: { offsetSeconds: number; hopSeconds: number }, frames: number, first: number, s: Segment) => {
    const kept: number[] = [];
    for (let k = first; k < frames; k++) {
      const t = track.offsetSeconds + k * track.hopSeconds;
      if (t >= s.end) break;
      if (t >= s.start) kept.push(k);
    }
    return kept;
  };
  it('keeps exactly the frames a walk over every frame keeps', () => {
    fc.assert(
      fc.property(
        fc.record({
          offsetSeconds: fc.double({ min: 0, max: 0.1, noNaN: true }),
          hopSeconds: fc.constantFrom(0.01, 0.005, 0.0125, 1 / 300, 0.01 + 1e-12),
        }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3500 }),
        fc.double({ min: -1, max: 40, noNaN: true }),
        fc.double({ min: -1, max: 40, noNaN: true }),
        fc.boolean(),
        (track, frames, first, a, b, onEdge) => {
          // Edges on frame centres (computed as the walk computes them) as often as between them.
          const edge = (x: number) =>
            onEdge ? track.offsetSeconds + Math.round(x / track.hopSeconds) * track.hopSeconds : x;
          const span = { start: edge(Math.min(a, b)), end: edge(Math.max(a, b)) };
          const from = frameFrom(track as PitchTrack, frames, first, span.start);
          const to = frameFrom(track as PitchTrack, frames, first, span.end);
          const kept = walk(track, frames, first, span);
          expect(Math.max(0, to - from)).toBe(kept.length);
          if (kept.length) expect(from).toBe(kept[0]);
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('takes an unbounded span as every frame from the first', () => {
    const track = { offsetSeconds: 0.02, hopSeconds: 0.01 } as PitchTrack;
    expect(frameFrom(track, 100, 7, Number.NEGATIVE_INFINITY)).toBe(7);
    expect(frameFrom(track, 100, 7, Number.POSITIVE_INFINITY)).toBe(100);
    expect(frameFrom(track, 100, 120, 0.5)).toBe(100);
  });
});

describe('semitone bins by their edges', () => {
  // The bin the monotone windows gave each F0 before the edges, from its logarithm.
  const base = 12 * Math.log2(40);
  const binCount = Math.ceil((12 * Math.log2(1000) - base) * 10);
  const binOf = (hz: number) => Math.min(binCount - 1, Math.max(0, Math.round((12 * Math.log2(hz) - base) * 10)));
  const byEdges = (edges: Float32Array, hz: number) => {
    let bin = 0;
    while (bin < edges.length && edges[bin]! <= hz) bin++;
    return bin;
  };
  it('gives every F0 the bin its logarithm gives, next to every edge and anywhere', () => {
    const edges = semitoneBinEdges();
    expect(edges.length).toBe(binCount - 1);
    const value = new Float32Array(1);
    const bits = new Uint32Array(value.buffer);
    let checked = 0;
    for (const edge of edges) {
      value[0] = edge;
      const at = bits[0]!;
      for (let d = -300; d <= 300; d++) {
        bits[0] = at + d;
        expect(byEdges(edges, value[0]!)).toBe(binOf(value[0]!));
        checked++;
      }
    }
    fc.assert(
      fc.property(fc.float({ min: Math.fround(1), max: Math.fround(5000), noNaN: true }), (hz) => {
        expect(byEdges(edges, hz)).toBe(binOf(hz));
      }),
      { numRuns: 20000 },
    );
    expect(checked).toBe(601 * edges.length);
  });
});
