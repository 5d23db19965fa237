import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFrames, headerRepairs, parseWavHeader, pcm16Header } from '../../../src/audio/wav.js';
import { streamWavData } from '../../../src/audio/file-source.js';
import { PitchError } from '../../../src/core/errors.js';
import { bufferSource, encodeWav, type Encoding } from './helpers.js';

const ramp = (n: number, scale = 0.9) => Float32Array.from({ length: n }, (_, i) => scale * Math.sin(i / 3));
const good = () => encodeWav({ sampleRate: 16000, encoding: 's16', channels: [ramp(800)] });

/** Every mono sample of a WAV, through the streaming reader. */
function decodeAll(bytes: Uint8Array): { samples: Float32Array; rate: number } {
  const source = bufferSource(bytes);
  const format = parseWavHeader(source, 'x.wav');
  const parts: number[] = [];
  streamWavData(source, format, (mono) => parts.push(...mono));
  return { samples: Float32Array.from(parts), rate: format.sampleRate };
}

function errorKey(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PitchError) return error.key;
    throw error;
  }
  return 'no error';
}

describe('WAV reading: every PCM flavour decodes to the same mono signal', () => {
  const tolerance: Record<Encoding, number> = {
    u8: 1 / 127,
    s16: 1 / 32767,
    s24: 1e-6,
    s32: 1e-7,
    f32: 1e-7,
    f64: 1e-7,
  };
  it.each(Object.keys(tolerance) as Encoding[])('%s mono', (encoding) => {
    const x = ramp(1000);
    const { samples, rate } = decodeAll(encodeWav({ sampleRate: 22050, encoding, channels: [x] }));
    expect(rate).toBe(22050);
    expect(samples.length).toBe(1000);
    for (let i = 0; i < x.length; i++) expect(Math.abs(samples[i]! - x[i]!)).toBeLessThanOrEqual(tolerance[encoding]);
  });

  it('stereo is averaged to mono, WAVE_FORMAT_EXTENSIBLE and a LIST chunk before the data are fine', () => {
    const left = ramp(500);
    const right = Float32Array.from(left, (v) => -v / 2);
    const bytes = encodeWav({
      sampleRate: 48000,
      encoding: 's24',
      channels: [left, right],
      extensible: true,
      chunksBefore: [['LIST', new Uint8Array(27)]], // odd size: the pad byte must be skipped
    });
    const { samples } = decodeAll(bytes);
    for (let i = 0; i < 500; i++) expect(samples[i]).toBeCloseTo((left[i]! + right[i]!) / 2, 5);
  });

  it('decodes the extremes exactly: 16-bit -32768 is -1, 8-bit 128 is silence, 24-bit keeps its sign', () => {
    const fmt = { encoding: 'pcm' as const, channels: 1, blockAlign: 2, bitsPerSample: 16 };
    expect([...decodeFrames(new Uint8Array([0x00, 0x80, 0xff, 0x7f, 0, 0]), fmt)]).toEqual([-1, 32767 / 32768, 0]);
    expect([
      ...decodeFrames(new Uint8Array([128, 0, 255]), { encoding: 'pcm', channels: 1, blockAlign: 1, bitsPerSample: 8 }),
    ]).toEqual([0, -1, 127 / 128]);
    expect([
      ...decodeFrames(new Uint8Array([0xff, 0xff, 0xff, 0, 0, 0x80]), {
        encoding: 'pcm',
        channels: 1,
        blockAlign: 3,
        bitsPerSample: 24,
      }),
    ]).toEqual([-1 / 8388608, -1]);
  });

  it('float samples that are NaN or beyond ±1 read as silence or full scale, never poisoning the sums', () => {
    const bytes = new Uint8Array(16);
    const v = new DataView(bytes.buffer);
    [NaN, 5, -Infinity, 0.25].forEach((x, i) => v.setFloat32(i * 4, x, true));
    expect([...decodeFrames(bytes, { encoding: 'float', channels: 1, blockAlign: 4, bitsPerSample: 32 })]).toEqual([
      0, 1, -1, 0.25,
    ]);
  });

  it('property: any 16-bit samples survive the round trip, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 1, max: 4 }),
        (ints, channels) => {
          const chans = Array.from({ length: channels }, () => Float32Array.from(ints, (s) => s / 32768));
          const { samples } = decodeAll(encodeWav({ sampleRate: 16000, encoding: 's16', channels: chans }));
          expect(samples.length).toBe(ints.length);
          ints.forEach((s, i) => expect(samples[i]).toBeCloseTo(s / 32768, 6));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('WAV headers that lie or break', () => {
  it('a data size of 0 or 0xFFFFFFFF (recorder killed before rewriting it) reads the samples on disk', () => {
    for (const dataSizeField of [0, 0xffffffff]) {
      const format = parseWavHeader(
        bufferSource(encodeWav({ sampleRate: 16000, encoding: 's16', channels: [ramp(800)], dataSizeField })),
        'x.wav',
      );
      expect(format.dataBytes).toBe(1600);
      expect(format.sizeRepaired).toBe(true);
    }
  });

  it('a data size larger than the file is clamped to the whole frames present', () => {
    const bytes = good().subarray(0, 44 + 1001); // cut mid-frame
    const format = parseWavHeader(bufferSource(bytes), 'x.wav');
    expect(format.dataBytes).toBe(1000);
    expect(format.sizeRepaired).toBe(true);
  });

  it.each([
    ['not a WAV at all', new TextEncoder().encode('# Mon pitch\n\nBonjour.\n'), 'audio.notWav'],
    ['an MP3', new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'audio.notWav'],
    ['a RIFF cut after 6 bytes', good().subarray(0, 6), 'audio.truncatedHeader'],
    ['a header cut inside fmt', good().subarray(0, 30), 'audio.truncatedHeader'],
    ['a header with no data chunk', good().subarray(0, 36), 'audio.noData'],
    ['a data chunk with zero bytes', good().subarray(0, 44), 'audio.noData'],
  ])('%s → %s', (_name, bytes, key) => {
    expect(errorKey(() => parseWavHeader(bufferSource(bytes), 'x.wav'))).toBe(key);
  });

  it.each([
    ['0 channels', 'audio.absurdHeader', 22, 0],
    ['1000 channels', 'audio.absurdHeader', 22, 1000],
    ['a 10 Hz sample rate', 'audio.absurdHeader', 24, 10],
    ['a 4 GHz sample rate', 'audio.absurdHeader', 24, 0xfffffff0],
    ['12 bits per sample', 'audio.unsupportedBits', 34, 12],
    ['ADPCM (0x11)', 'audio.unsupportedEncoding', 20, 0x11],
  ] as const)('%s → %s', (_name, key, offset, value) => {
    const bytes = good();
    const v = new DataView(bytes.buffer, bytes.byteOffset);
    if (offset === 24) v.setUint32(offset, value, true);
    else v.setUint16(offset, value, true);
    expect(errorKey(() => parseWavHeader(bufferSource(bytes), 'x.wav'))).toBe(key);
  });

  it('block align that disagrees with channels × bits is refused', () => {
    const bytes = good();
    new DataView(bytes.buffer, bytes.byteOffset).setUint16(32, 3, true);
    expect(errorKey(() => parseWavHeader(bufferSource(bytes), 'x.wav'))).toBe('audio.absurdHeader');
  });

  it('property: arbitrary bytes give a WAV format or a PitchError, never a crash', () => {
    const prefix = good().subarray(0, 44);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), fc.nat(60), (noise, keepPrefix, cut) => {
        const bytes = keepPrefix ? new Uint8Array([...prefix.subarray(0, cut), ...noise]) : noise;
        try {
          const format = parseWavHeader(bufferSource(bytes), 'x.wav');
          expect(format.dataOffset + format.dataBytes).toBeLessThanOrEqual(bytes.length);
          expect(format.dataBytes % format.blockAlign).toBe(0);
        } catch (error) {
          expect(error).toBeInstanceOf(PitchError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('headerRepairs: what to rewrite after a recorder died', () => {
  it('fills in unknown RIFF and data sizes from the file length', () => {
    const bytes = encodeWav({
      sampleRate: 16000,
      encoding: 's16',
      channels: [ramp(800)],
      dataSizeField: 0,
      riffSizeField: 0,
    });
    expect(headerRepairs(bufferSource(bytes))).toEqual([
      [4, bytes.length - 8],
      [40, 1600],
    ]);
  });

  it('leaves a correct file alone, including one with chunks after its data', () => {
    const bytes = good();
    expect(headerRepairs(bufferSource(bytes))).toEqual([]);
    const withTrailer = new Uint8Array([...bytes, ...new TextEncoder().encode('LIST\x04\x00\x00\x00abcd')]);
    new DataView(withTrailer.buffer).setUint32(4, withTrailer.length - 8, true);
    expect(headerRepairs(bufferSource(withTrailer))).toEqual([]);
  });

  it('pcm16Header writes the canonical header our reader accepts', () => {
    const header = pcm16Header(16000, 1, 320);
    const format = parseWavHeader(bufferSource(new Uint8Array([...header, ...new Uint8Array(320)])), 'x.wav');
    expect(format).toMatchObject({
      sampleRate: 16000,
      channels: 1,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 320,
      sizeRepaired: false,
    });
  });
});
