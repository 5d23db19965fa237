/**
 * Rhythm and intonation on French speech synthesised at test time by espeak-ng at known rates (-s)
 * and pitches (-p), joined by silences with sox, clean and with white noise at 20 dB SNR. The
 * expected syllables were counted by hand from the text, as a French reader says it (final mute e
 * silent, no liaison syllable), before the detector was run. Goal (issue 20): within 15 %.
 * Skipped, with the reason in its title, where espeak-ng or sox is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSamples } from '../../../src/audio/detect.js';
import { findExecutable } from '../../../src/audio/tools.js';
import { readPcm16, seededRandom } from './helpers.js';

const haveTools = Boolean(findExecutable('espeak-ng') && findExecutable('sox'));

const SENTENCES: Array<[text: string, syllables: number]> = [
  ['Nous avons parlé du projet à Paris.', 11],
  ['Le matin il fait beau sur la mer.', 9],
  ['Mon ami a réparé la moto du voisin.', 13],
  ['Il a trouvé un bon café dans la rue.', 11],
  ['Nous partons tôt pour éviter le trafic.', 11],
  ['Marie a préparé un gâteau au chocolat.', 13],
  ['Le train arrive à midi sur le quai numéro deux.', 14],
  ['Papa a lavé la salade dans le bol.', 11],
];
const EXPECTED = SENTENCES.reduce((sum, [, n]) => sum + n, 0);

function run(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
}

/** The sentences at one rate and pitch, 0.6 s apart, mono at `rate`: samples, optionally with noise. */
function speak(dir: string, speed: number, pitch: number, snrDb?: number, rate = 16000): Float32Array {
  const parts: string[] = [];
  const gap = join(dir, `gap-${rate}.wav`);
  run('sox', ['-R', '-n', '-r', String(rate), '-c', '1', '-b', '16', gap, 'trim', '0', '0.6']);
  SENTENCES.forEach(([text], i) => {
    const raw = join(dir, `raw-${speed}-${pitch}-${i}.wav`);
    const clip = join(dir, `clip-${speed}-${pitch}-${i}-${rate}.wav`);
    run('espeak-ng', ['-v', 'fr', '-s', String(speed), '-p', String(pitch), '-w', raw, text]);
    run('sox', [
      '-R',
      raw,
      '-r',
      String(rate),
      '-c',
      '1',
      '-b',
      '16',
      clip,
      ...'silence 1 0.005 0.5% reverse silence 1 0.005 0.5% reverse'.split(' '),
    ]);
    parts.push(gap, clip);
  });
  const out = join(dir, `speech-${speed}-${pitch}-${rate}.wav`);
  run('sox', ['-R', ...parts, gap, out]);
  const x = readPcm16(readFileSync(out));
  if (snrDb === undefined) return x;
  // White noise at the SNR, speech RMS measured where the speech is (above −50 dBFS).
  let energy = 0;
  let count = 0;
  for (const v of x) {
    if (Math.abs(v) > 0.003) {
      energy += v * v;
      count++;
    }
  }
  const amplitude = (Math.sqrt(energy / count) / 10 ** (snrDb / 20)) * Math.sqrt(3);
  const rng = seededRandom(11);
  return x.map((v) => v + amplitude * (rng() * 2 - 1));
}

describe.skipIf(!haveTools)('espeak-ng French speech at known rates and pitches (needs espeak-ng and sox)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pitch-voice-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const speed of [130, 175, 200]) {
    for (const pitch of [30, 70]) {
      for (const snrDb of [undefined, 20]) {
        it(`-s ${speed} -p ${pitch}${snrDb ? ', 20 dB SNR' : ''}: syllables within 15 % of the text's ${EXPECTED}`, () => {
          const x = speak(dir, speed, pitch, snrDb);
          const { voice, spokenSpan, speechSeconds } = analyzeSamples([x], 16000);
          expect(Math.abs(voice.syllables / EXPECTED - 1)).toBeLessThanOrEqual(0.15);
          const span = spokenSpan!.end - spokenSpan!.start;
          expect(Math.abs(voice.syllablesPerSecond! / (EXPECTED / span) - 1)).toBeLessThanOrEqual(0.15);
          expect(Math.abs(voice.articulationRate! / (EXPECTED / speechSeconds) - 1)).toBeLessThanOrEqual(0.15);
        });
      }
    }
  }

  // espeak-ng's own rate: the analysis runs at 22.05 kHz, no resampling.
  for (const snrDb of [undefined, 20]) {
    it(`-s 175 -p 50 at 22.05 kHz${snrDb ? ', 20 dB SNR' : ''}: syllables within 15 % of the text's ${EXPECTED}`, () => {
      const { voice } = analyzeSamples([speak(dir, 175, 50, snrDb, 22_050)], 22_050);
      expect(Math.abs(voice.syllables / EXPECTED - 1)).toBeLessThanOrEqual(0.15);
      expect(voice.loudness.fadingCount).toBe(0);
      expect(voice.pitch.monotoneStretches).toEqual([]);
    });
  }

  it('a faster -s gives a higher measured rate, a higher -p a higher median F0', () => {
    const slow = analyzeSamples([speak(dir, 130, 50)], 16000).voice;
    const fast = analyzeSamples([speak(dir, 200, 50)], 16000).voice;
    expect(fast.articulationRate!).toBeGreaterThan(slow.articulationRate! * 1.25);
    const low = analyzeSamples([speak(dir, 175, 20)], 16000).voice.pitch.medianHz!;
    const high = analyzeSamples([speak(dir, 175, 80)], 16000).voice.pitch.medianHz!;
    expect(high / low).toBeGreaterThan(1.4);
  });

  it('read sentences fade at none of their endings', () => {
    const { loudness } = analyzeSamples([speak(dir, 175, 50)], 16000).voice;
    expect(loudness.sentences).toHaveLength(SENTENCES.length);
    expect(loudness.fadingCount).toBe(0);
  });

  it('a sox tone at a constant F0 is monotone; the same swept over an octave is not', () => {
    // sox synth: a sawtooth (rich in harmonics, like a voice), chopped into 2.5 s "sentences" by
    // silence, with a 4 Hz tremolo for syllables.
    const make = (name: string, freq: string) => {
      const one = join(dir, `${name}-one.wav`);
      run('sox', [
        '-R',
        '-n',
        '-r',
        '16000',
        '-c',
        '1',
        '-b',
        '16',
        one,
        'synth',
        '2.5',
        'sawtooth',
        freq,
        'tremolo',
        '4',
        '80',
        'vol',
        '0.3',
      ]);
      const gap = join(dir, 'gap4.wav');
      run('sox', ['-R', '-n', '-r', '16000', '-c', '1', '-b', '16', gap, 'trim', '0', '0.4']);
      const out = join(dir, `${name}.wav`);
      run('sox', ['-R', gap, one, gap, one, gap, one, gap, one, gap, out]);
      return analyzeSamples([readPcm16(readFileSync(out))], 16000).voice;
    };
    const flat = make('flat', '150');
    expect(Math.abs(flat.pitch.medianHz! / 150 - 1)).toBeLessThanOrEqual(0.03);
    expect(flat.pitch.rangeSemitones!).toBeLessThanOrEqual(1);
    expect(flat.pitch.monotoneStretches).toHaveLength(1);
    // An exponential sweep 110 → 220 Hz in each sentence (sox's 110/220): P10–P90 spans 0.8 of an octave, 9.6 semitones.
    const swept = make('swept', '110/220');
    expect(Math.abs(swept.pitch.rangeSemitones! - 9.6)).toBeLessThanOrEqual(1);
    expect(Math.abs(swept.pitch.medianHz! / (110 * Math.SQRT2) - 1)).toBeLessThanOrEqual(0.03);
    expect(swept.pitch.monotoneStretches).toEqual([]);
  });
});
