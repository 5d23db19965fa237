import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cutReverberantTails,
  estimateReverberation,
  gateBackgroundVoices,
  slidingMax,
  tailShape,
  tailThresholdDb,
  twoLevels,
} from '../../../src/audio/room.js';
import { FRAME_SECONDS } from '../../../src/audio/features.js';
import { seededRandom, sentenceLayout, voicedSignal } from './helpers.js';
import { createSpeechDetector } from '../../../src/audio/detect.js';
import { framesToSegments } from '../../../src/audio/vad.js';

const frames = (seconds: number) => Math.round(seconds / FRAME_SECONDS);

/**
 * A level track (dB per 5 ms frame): sentences at `speechDb` with a 4 Hz syllable ripple, each followed
 * by the room's decay at `slope` dB/s down to the floor, then silence at `floorDb` until the next one.
 */
function roomTrack(
  layout: Array<[start: number, end: number]>,
  total: number,
  { speechDb = -20, floorDb = -60, slope = -120, seed = 1 } = {},
): { level: Float32Array; speech: Uint8Array } {
  const rng = seededRandom(seed);
  const level = new Float32Array(frames(total)).fill(floorDb);
  const speech = new Uint8Array(level.length);
  for (const [a, b] of layout) {
    for (let t = frames(a); t < frames(b); t++) {
      level[t] = speechDb - 4 + 4 * Math.sin(2 * Math.PI * 4 * t * FRAME_SECONDS) + (rng() - 0.5);
      speech[t] = 1;
    }
    for (let t = frames(b); t < level.length; t++) {
      const tail = speechDb - 6 + slope * (t - frames(b)) * FRAME_SECONDS + (rng() - 0.5);
      if (tail <= floorDb) break;
      level[t] = Math.max(level[t]!, tail);
      speech[t] = 1; // the band-energy detector holds speech until the floor: what is corrected
    }
  }
  return { level, speech };
}

/** Speech runs in seconds, as [start, end] pairs. */
const runs = (speech: Uint8Array) => framesToSegments(speech).map((s) => [s.start, s.end]);

describe('room: the pieces', () => {
  it('slidingMax equals the naive maximum of every window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -100, max: 0, noNaN: true }), { maxLength: 200 }),
        fc.nat(20),
        (xs, half) => {
          const x = Float32Array.from(xs);
          const got = slidingMax(x, half);
          for (let t = 0; t < x.length; t++) {
            let m = -Infinity;
            for (let k = Math.max(0, t - half); k <= Math.min(x.length - 1, t + half); k++) m = Math.max(m, x[k]!);
            // The same level: −0 and +0 both mean 0 dB, and which of the two a tie keeps is not a behaviour.
            expect(got[t]! + 0).toBe(m + 0);
          }
        },
      ),
    );
  });

  it('twoLevels recovers a background and a speaker level, and a steady background stays narrow', () => {
    const rng = seededRandom(3);
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(1e-9, rng()))) * Math.cos(2 * Math.PI * rng());
    const babble = Float32Array.from({ length: 6000 }, (_, i) => (i % 3 ? -35 + 4 * gauss() : -20 + 3 * gauss()));
    const model = twoLevels(babble)!;
    expect(model.background.mean).toBeCloseTo(-35, 0);
    expect(model.background.sd).toBeGreaterThan(3);
    expect(model.speaker.mean).toBeCloseTo(-20, 0);
    const steady = Float32Array.from({ length: 6000 }, (_, i) => (i % 3 ? -60 + 0.3 * gauss() : -20 + 3 * gauss()));
    expect(twoLevels(steady)!.background.sd).toBeLessThan(1);
    // Digital silence is a steady background, not no background.
    const silent = Float32Array.from({ length: 6000 }, (_, i) => (i % 3 ? -120 : -20 + 3 * gauss()));
    expect(twoLevels(silent)!.background.sd).toBeLessThan(1);
  });

  it('the tail threshold sits nearer the peak in a slow room, within 10–15 dB', () => {
    expect(tailThresholdDb(-200)).toBe(15);
    expect(tailThresholdDb(-120)).toBeCloseTo(12.2, 5);
    expect(tailThresholdDb(-40)).toBe(10);
  });

  it('reverberant tails are long and straight; dry ends are not', () => {
    const layout: Array<[number, number]> = [
      [0.5, 2],
      [3, 4.5],
      [5.5, 7],
    ];
    const wet = roomTrack(layout, 9, { slope: -120 });
    const wetShape = tailShape(wet.speech, wet.level, slidingMax(wet.level, frames(1.5)));
    expect(wetShape.medianSeconds).toBeGreaterThan(0.06);
    expect(wetShape.medianR2).toBeGreaterThan(0.9);
    expect(wetShape.medianSlope).toBeCloseTo(-120, -1);
    const dry = roomTrack(layout, 9, { slope: -4000 });
    expect(tailShape(dry.speech, dry.level, slidingMax(dry.level, frames(1.5))).medianSeconds).toBeLessThan(0.03);
  });

  it('cuts a tail where it falls below the threshold, keeps onsets, and opens a merged pause at its lowest point', () => {
    // Two sentences 0.35 s apart: the first one's tail fills the pause, so the detector merged them.
    const { level, speech } = roomTrack(
      [
        [0.5, 2],
        [2.35, 4],
      ],
      5,
      { slope: -120 },
    );
    const peak = slidingMax(level, frames(1.5));
    const cut = runs(cutReverberantTails(speech, level, peak, 12));
    expect(cut).toHaveLength(2);
    // The first sentence ends at 2.0 s (its tail starts 6 dB under the speech level, i.e. ~2 dB under
    // the peak + ripple): cut within 60 ms after it.
    expect(cut[0]![1]).toBeGreaterThan(2 - 0.01);
    expect(cut[0]![1]).toBeLessThan(2 + 0.08);
    expect(cut[1]![0]).toBeGreaterThan(2.2);
    expect(cut[1]![0]).toBeLessThanOrEqual(2.35 + 0.005);
    // The second sentence's tail is cut too; its start stays where the detector put it.
    expect(cut[1]![1]).toBeLessThan(4.08);
  });

  it('a weak onset before a loud part is never cut', () => {
    const level = new Float32Array(frames(3)).fill(-60);
    const speech = new Uint8Array(level.length);
    for (let t = frames(1); t < frames(2); t++) {
      level[t] = t < frames(1.15) ? -45 : -20;
      speech[t] = 1;
    }
    const out = cutReverberantTails(speech, level, slidingMax(level, frames(1.5)), 12);
    expect(runs(out)).toEqual([[1, 2]]);
  });

  it('estimates the reverberation time from free decays', () => {
    const layout: Array<[number, number]> = [];
    for (let k = 0; k < 12; k++) layout.push([0.5 + k * 2.2, 1.6 + k * 2.2]);
    for (const rt60 of [0.3, 0.5, 0.8]) {
      const { level } = roomTrack(layout, 28, { slope: -60 / rt60, floorDb: -70 });
      const estimate = estimateReverberation(level)!;
      expect(Math.abs(estimate - rt60) / rt60).toBeLessThan(0.15);
    }
  });

  it('the speaker gate keeps the loud voice and drops the background voices between its sentences', () => {
    const rng = seededRandom(5);
    const level = new Float32Array(frames(6));
    const truth = new Uint8Array(level.length);
    for (let t = 0; t < level.length; t++) {
      const talking = (t >= frames(1) && t < frames(2.5)) || (t >= frames(3.5) && t < frames(5));
      level[t] = talking ? -22 + 3 * Math.sin(t / 7) : -36 + 8 * (rng() - 0.5);
      truth[t] = talking ? 1 : 0;
    }
    const everything = new Uint8Array(level.length).fill(1);
    const model = twoLevels(level)!;
    expect(model.background.sd).toBeGreaterThan(2);
    const gated = runs(gateBackgroundVoices(everything, level, model));
    expect(gated.length).toBeGreaterThanOrEqual(2);
    const long = gated.filter(([a, b]) => b - a > 0.5);
    expect(long.map(([a]) => Math.round(a * 10) / 10)).toEqual([1, 3.5]);
    expect(long.map(([, b]) => Math.round(b * 10) / 10)).toEqual([2.5, 5]);
  });

  it('a voice whose syllables dip near steady noise is not taken for background voices', () => {
    // Syllables dipping 16 dB, in white noise 20 dB under the speech: the two-level model alone splits
    // the speech itself; the steady floor in the pauses says there are no other voices.
    const sentences = sentenceLayout(0.6, 2.7, 0.45, 7);
    for (const syllablesPerSecond of [0, 4.5])
      for (const snrDb of [undefined, 20]) {
        const x = voicedSignal({
          sentences,
          durationSeconds: 23,
          sampleRate: 16000,
          f0: () => 140,
          syllablesPerSecond,
          snrDb,
        });
        const detector = createSpeechDetector(16000);
        detector.push(x);
        const { segments, room } = detector.finish();
        const label = `${syllablesPerSecond} syllables/s, SNR ${snrDb ?? '∞'}`;
        expect(room.backgroundVoices, label).toBe(false);
        expect(room.warnings, label).toEqual([]);
        expect(segments, label).toHaveLength(7);
      }
  });
});
