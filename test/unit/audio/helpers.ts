import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteSource } from '../../../src/audio/wav.js';
import type { Segment } from '../../../src/audio/vad.js';
import { seededRandom } from '../../helpers/random.js';

export { seededRandom };

export const AUDIO_FIXTURES = join(fileURLToPath(new URL('../../..', import.meta.url)), 'test', 'fixtures', 'audio');

export interface Layout {
  durationSeconds: number;
  segments: Segment[];
}

export function readLayout(dir = AUDIO_FIXTURES): Layout {
  return JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8')) as Layout;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
  };
}

export type Encoding = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

const BITS: Record<Encoding, number> = { u8: 8, s16: 16, s24: 24, s32: 32, f32: 32, f64: 64 };

export interface EncodeOptions {
  sampleRate: number;
  encoding: Encoding;
  /** Per channel samples in [-1, 1]; all channels the same length. */
  channels: Float32Array[];
  extensible?: boolean;
  /** Extra chunks before "data" (e.g. LIST), as [id, bytes]. */
  chunksBefore?: Array<[string, Uint8Array]>;
  /** Override the data size field (0, 0xffffffff, or a lie). */
  dataSizeField?: number;
  riffSizeField?: number;
}

/** A WAV file in memory, written independently of the code under test. */
export function encodeWav(o: EncodeOptions): Uint8Array {
  const bits = BITS[o.encoding];
  const bytesPer = bits / 8;
  const nch = o.channels.length;
  const frames = o.channels[0]!.length;
  const data = Buffer.alloc(frames * nch * bytesPer);
  let at = 0;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < nch; c++) {
      const x = Math.max(-1, Math.min(1, o.channels[c]![f]!));
      switch (o.encoding) {
        case 'u8':
          data.writeUInt8(Math.max(0, Math.min(255, Math.round(x * 128 + 128))), at);
          break;
        case 's16':
          data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(x * 32768))), at);
          break;
        case 's24':
          data.writeIntLE(Math.max(-8388608, Math.min(8388607, Math.round(x * 8388608))), at, 3);
          break;
        case 's32':
          data.writeInt32LE(Math.max(-2147483648, Math.min(2147483647, Math.round(x * 2147483648))), at);
          break;
        case 'f32':
          data.writeFloatLE(x, at);
          break;
        case 'f64':
          data.writeDoubleLE(x, at);
          break;
      }
      at += bytesPer;
    }
  }
  const isFloat = o.encoding === 'f32' || o.encoding === 'f64';
  const fmt = Buffer.alloc(o.extensible ? 40 : 16);
  fmt.writeUInt16LE(o.extensible ? 0xfffe : isFloat ? 3 : 1, 0);
  fmt.writeUInt16LE(nch, 2);
  fmt.writeUInt32LE(o.sampleRate, 4);
  fmt.writeUInt32LE(o.sampleRate * nch * bytesPer, 8);
  fmt.writeUInt16LE(nch * bytesPer, 12);
  fmt.writeUInt16LE(bits, 14);
  if (o.extensible) {
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(bits, 18);
    fmt.writeUInt32LE(nch === 1 ? 4 : 3, 20);
    fmt.writeUInt16LE(isFloat ? 3 : 1, 24); // sub-format GUID, first two bytes
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(fmt, 26);
  }
  const chunk = (id: string, body: Uint8Array, sizeField = body.length) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'ascii');
    head.writeUInt32LE(sizeField, 4);
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const body = Buffer.concat([
    Buffer.from('WAVE', 'ascii'),
    chunk('fmt ', fmt),
    ...(o.chunksBefore ?? []).map(([id, b]) => chunk(id, b)),
    chunk('data', data, o.dataSizeField ?? data.length),
  ]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(o.riffSizeField ?? body.length, 4);
  return new Uint8Array(Buffer.concat([riff, body]));
}

/** Samples of a 16-bit mono WAV (the committed fixtures), as floats. */
export function readPcm16(bytes: Uint8Array): Float32Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const dataAt = b.indexOf('data', 12, 'ascii');
  const size = b.readUInt32LE(dataAt + 4);
  const out = new Float32Array(size / 2);
  for (let i = 0; i < out.length; i++) out[i] = b.readInt16LE(dataAt + 8 + i * 2) / 32768;
  return out;
}

/**
 * Speech-like bursts with a known layout: each burst is a 150 Hz "voice" with harmonics, amplitude
 * modulated at syllable rate, plus an "s" of white noise at its end. Optional white noise at an SNR.
 */
export function syntheticSpeech(
  layout: Segment[],
  duration: number,
  sampleRate: number,
  options: { snrDb?: number; seed?: number } = {},
): Float32Array {
  const n = Math.round(duration * sampleRate);
  const x = new Float32Array(n);
  const rng = seededRandom(options.seed ?? 1);
  for (const seg of layout) {
    const a = Math.round(seg.start * sampleRate);
    const b = Math.round(seg.end * sampleRate);
    const hiss = Math.round(0.06 * sampleRate);
    for (let i = a; i < b; i++) {
      const t = i / sampleRate;
      const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * (t - seg.start));
      if (i < b - hiss) {
        let v = 0;
        for (let h = 1; h <= 12; h++) v += Math.sin(2 * Math.PI * 150 * h * t) / h;
        x[i] = 0.12 * syllable * v;
      } else {
        x[i] = 0.08 * (rng() * 2 - 1);
      }
    }
  }
  if (options.snrDb !== undefined) {
    let energy = 0;
    let count = 0;
    for (const seg of layout) {
      for (let i = Math.round(seg.start * sampleRate); i < Math.round(seg.end * sampleRate); i++) {
        energy += x[i]! * x[i]!;
        count++;
      }
    }
    // Uniform noise in [-a, a] has RMS a/√3.
    const noiseRms = Math.sqrt(energy / count) / 10 ** (options.snrDb / 20);
    const amplitude = noiseRms * Math.sqrt(3);
    for (let i = 0; i < n; i++) x[i] = x[i]! + amplitude * (rng() * 2 - 1);
  }
  return x;
}

/** Arbitrary speech layouts for property tests: segments in order, each after a gap, within the given bounds (seconds). */
export function segmentLayouts(
  gap: { min: number; max: number },
  length: { min: number; max: number },
  maxLength: number,
): fc.Arbitrary<Segment[]> {
  return fc
    .array(fc.tuple(fc.double({ ...gap, noNaN: true }), fc.double({ ...length, noNaN: true })), { maxLength })
    .map((pairs) => {
      let t = 0;
      return pairs.map(([g, l]) => {
        const s = { start: t + g, end: t + g + l };
        t = s.end;
        return s;
      });
    });
}

export interface VoicedOptions {
  /** Sentences: where the voice sounds, in seconds. */
  sentences: Segment[];
  durationSeconds: number;
  sampleRate: number;
  /** F0 in Hz at time t (seconds from the start of the file). */
  f0: (t: number) => number;
  /** Syllable-like bursts per second inside each sentence; 0 for a steady voice. */
  syllablesPerSecond: number;
  /** Level of the dips between syllables, relative to the peaks (linear, 0–1). */
  dip?: number;
  /** Gain at time t, for loudness ramps (linear). */
  gain?: (t: number) => number;
  snrDb?: number;
  seed?: number;
}

/**
 * A synthetic voice with known answers: a harmonic tone (1/h amplitudes up to 3.5 kHz) whose F0
 * follows `f0(t)`, amplitude-modulated into syllables of known rate — each sentence holds exactly
 * rate × length bursts, peaks at (k + ½) / rate — with optional white noise at an SNR measured over
 * the sentences.
 */
export function voicedSignal(o: VoicedOptions): Float32Array {
  const n = Math.round(o.durationSeconds * o.sampleRate);
  const x = new Float32Array(n);
  const dip = o.dip ?? 0.15;
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / o.sampleRate;
    const hz = o.f0(t);
    phase += (2 * Math.PI * hz) / o.sampleRate;
    if (phase > 2 * Math.PI * 1000) phase -= 2 * Math.PI * 1000;
    const s = o.sentences.find((seg) => t >= seg.start && t < seg.end);
    if (!s) continue;
    const env =
      o.syllablesPerSecond > 0 ? dip + (1 - dip) * Math.sin(Math.PI * o.syllablesPerSecond * (t - s.start)) ** 2 : 1;
    let v = 0;
    for (let h = 1; h * hz < 3500; h++) v += Math.sin(h * phase) / h;
    x[i] = 0.15 * env * (o.gain ? o.gain(t) : 1) * v;
  }
  if (o.snrDb !== undefined) {
    const rng = seededRandom(o.seed ?? 7);
    let energy = 0;
    let count = 0;
    for (const seg of o.sentences) {
      for (let i = Math.round(seg.start * o.sampleRate); i < Math.round(seg.end * o.sampleRate); i++) {
        energy += x[i]! * x[i]!;
        count++;
      }
    }
    const amplitude = (Math.sqrt(energy / count) / 10 ** (o.snrDb / 20)) * Math.sqrt(3);
    for (let i = 0; i < n; i++) x[i] = x[i]! + amplitude * (rng() * 2 - 1);
  }
  return x;
}

/** Sentences of `length` seconds separated by `gap` seconds, from `lead` on, until `total` is reached. */
export function sentenceLayout(lead: number, length: number, gap: number, count: number): Segment[] {
  return Array.from({ length: count }, (_, i) => ({
    start: lead + i * (length + gap),
    end: lead + i * (length + gap) + length,
  }));
}
