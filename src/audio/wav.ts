/**
 * WAV headers and sample decoding, over bytes only (no file system): RIFF and RF64, PCM 8/16/24/32-bit,
 * IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE, any channel count, down-mixed to mono.
 */
import { usageError } from '../core/errors.js';

export type SampleEncoding = 'pcm' | 'float';

/** What a WAV header says about its samples, and where they are. */
export interface WavFormat {
  encoding: SampleEncoding;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
  /** Offset of the first sample byte in the file. */
  dataOffset: number;
  /** Bytes of whole frames available, after clamping a wrong size field to the file. */
  dataBytes: number;
  /** Set when the data size field disagreed with the file (a recorder killed before rewriting it). */
  sizeRepaired: boolean;
}

/** Random access to the bytes of a file (or a buffer in tests). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position`; fewer only at the end. */
  read(position: number, length: number): Uint8Array;
}

export const MIN_SAMPLE_RATE = 1000;
export const MAX_SAMPLE_RATE = 768_000;
export const MAX_CHANNELS = 64;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Sizes written by recorders that could not seek back to fill them in. */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** True when the bytes start like a WAV file (RIFF/RF64 … WAVE). */
export function looksLikeWav(head: Uint8Array): boolean {
  return head.length >= 12 && (ascii(head, 0) === 'RIFF' || ascii(head, 0) === 'RF64') && ascii(head, 8) === 'WAVE';
}

/**
 * Reads the chunk list up to the data chunk. Throws a usage error (key audio.*) naming the problem:
 * not a WAV, truncated header, unsupported encoding, absurd values, no samples.
 */
export function parseWavHeader(source: ByteSource, file: string): WavFormat {
  const head = source.read(0, 12);
  if (!looksLikeWav(head)) {
    if (head.length < 12 && head.length > 0 && 'RIFF'.startsWith(String.fromCharCode(...head.subarray(0, 4)))) {
      throw usageError('audio.truncatedHeader', { file }, 'audio.reRecordHint');
    }
    throw usageError('audio.notWav', { file }, 'audio.convertHint');
  }
  const rf64 = ascii(head, 0) === 'RF64';
  let rf64DataSize: number | null = null;
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataBytes' | 'sizeRepaired'> | null = null;
  let pos = 12;
  for (;;) {
    const chunkHead = source.read(pos, 8);
    if (chunkHead.length < 8)
      throw usageError(fmt ? 'audio.noData' : 'audio.truncatedHeader', { file }, 'audio.reRecordHint');
    const id = ascii(chunkHead, 0);
    const size = new DataView(chunkHead.buffer, chunkHead.byteOffset, 8).getUint32(4, true);
    const body = pos + 8;
    if (id === 'ds64' && rf64) {
      const ds = source.read(body, 28);
      if (ds.length < 28) throw usageError('audio.truncatedHeader', { file }, 'audio.reRecordHint');
      const v = new DataView(ds.buffer, ds.byteOffset, ds.length);
      rf64DataSize = v.getUint32(8, true) + v.getUint32(12, true) * 2 ** 32;
    } else if (id === 'fmt ') {
      const bytes = source.read(body, Math.min(size, 40));
      if (bytes.length < 16 || size < 16) throw usageError('audio.truncatedHeader', { file }, 'audio.reRecordHint');
      fmt = readFmt(bytes, file);
    } else if (id === 'data') {
      if (!fmt) throw usageError('audio.truncatedHeader', { file }, 'audio.reRecordHint');
      const available = Math.max(0, source.size - body);
      const declared = rf64 && size === 0xffffffff && rf64DataSize !== null ? rf64DataSize : size;
      const unknown = UNKNOWN_SIZES.has(declared) && !(rf64DataSize !== null && declared === rf64DataSize);
      let bytes = unknown || declared > available ? available : declared;
      const sizeRepaired = bytes !== declared;
      bytes -= bytes % fmt.blockAlign;
      if (bytes === 0) throw usageError('audio.noData', { file }, 'audio.reRecordHint');
      return { ...fmt, dataOffset: body, dataBytes: bytes, sizeRepaired };
    }
    // Chunks are word-aligned: an odd size is followed by a pad byte.
    pos = body + size + (size % 2);
    if (pos >= source.size)
      throw usageError(fmt ? 'audio.noData' : 'audio.truncatedHeader', { file }, 'audio.reRecordHint');
  }
}

function readFmt(bytes: Uint8Array, file: string): Omit<WavFormat, 'dataOffset' | 'dataBytes' | 'sizeRepaired'> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let tag = v.getUint16(0, true);
  const channels = v.getUint16(2, true);
  const sampleRate = v.getUint32(4, true);
  const blockAlign = v.getUint16(12, true);
  const bitsPerSample = v.getUint16(14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (bytes.length < 26) throw usageError('audio.truncatedHeader', { file }, 'audio.reRecordHint');
    tag = v.getUint16(24, true); // first two bytes of the sub-format GUID
  }
  const encoding: SampleEncoding | null = tag === FORMAT_PCM ? 'pcm' : tag === FORMAT_FLOAT ? 'float' : null;
  if (!encoding)
    throw usageError('audio.unsupportedEncoding', { file, tag: `0x${tag.toString(16)}` }, 'audio.convertHint');
  const supportedBits = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
  if (!supportedBits.includes(bitsPerSample)) {
    throw usageError('audio.unsupportedBits', { file, bits: bitsPerSample, encoding }, 'audio.convertHint');
  }
  if (
    channels < 1 ||
    channels > MAX_CHANNELS ||
    sampleRate < MIN_SAMPLE_RATE ||
    sampleRate > MAX_SAMPLE_RATE ||
    blockAlign !== channels * (bitsPerSample / 8)
  ) {
    throw usageError(
      'audio.absurdHeader',
      { file, channels, rate: sampleRate, bits: bitsPerSample },
      'audio.reRecordHint',
    );
  }
  return { encoding, channels, sampleRate, bitsPerSample, blockAlign };
}

/**
 * Decodes whole frames to mono floats in [-1, 1] (channels averaged). `bytes` must hold a whole number
 * of frames. Writes into `out` when it is large enough, to spare the garbage collector on long files.
 */
export function decodeFrames(
  bytes: Uint8Array,
  format: Pick<WavFormat, 'encoding' | 'channels' | 'bitsPerSample' | 'blockAlign'>,
  out?: Float32Array,
): Float32Array {
  const { channels, blockAlign } = format;
  const frames = Math.floor(bytes.length / blockAlign);
  const mono = out && out.length >= frames ? out.subarray(0, frames) : new Float32Array(frames);
  if (format.encoding === 'pcm' && format.bitsPerSample === 16 && LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) {
    // The common case (our own recordings): read through a typed view, ~5× faster than a DataView.
    mixPcm16(new Int16Array(bytes.buffer, bytes.byteOffset, frames * channels), channels, mono);
    return mono;
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  mixGeneric(sampleReader(format, bytes, v), format.bitsPerSample / 8, channels, blockAlign, mono);
  return mono;
}

// The loops live in their own functions so V8 optimises them whole on the first chunk.
function mixPcm16(pcm: Int16Array, channels: number, mono: Float32Array): void {
  const scale = 1 / (32768 * channels);
  if (channels === 1) {
    for (let f = 0; f < mono.length; f++) mono[f] = pcm[f]! * scale;
    return;
  }
  for (let f = 0, at = 0; f < mono.length; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += pcm[at++]!;
    mono[f] = sum * scale;
  }
}

function mixGeneric(
  read: (at: number) => number,
  step: number,
  channels: number,
  blockAlign: number,
  mono: Float32Array,
): void {
  const scale = 1 / channels;
  for (let f = 0, at = 0; f < mono.length; f++, at += blockAlign) {
    let sum = 0;
    for (let c = 0, p = at; c < channels; c++, p += step) sum += read(p);
    mono[f] = sum * scale;
  }
}

function sampleReader(
  format: Pick<WavFormat, 'encoding' | 'bitsPerSample'>,
  b: Uint8Array,
  v: DataView,
): (at: number) => number {
  if (format.encoding === 'float') {
    // NaN or infinities in a float file would poison every sum downstream: they read as silence / full scale.
    return format.bitsPerSample === 32
      ? (at) => clampFloat(v.getFloat32(at, true))
      : (at) => clampFloat(v.getFloat64(at, true));
  }
  switch (format.bitsPerSample) {
    case 8:
      return (at) => (b[at]! - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return (at) => v.getInt16(at, true) / 32768;
    case 24:
      return (at) => (((b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) << 8) >> 8) / 8388608;
    default:
      return (at) => v.getInt32(at, true) / 2147483648;
  }
}

function clampFloat(x: number): number {
  if (x > 1) return 1;
  if (x < -1) return -1;
  return Number.isNaN(x) ? 0 : x;
}

/**
 * The header fields to rewrite so a WAV whose writer died mid-way describes the bytes really on disk:
 * [offset, value] pairs for the RIFF size and the data size (uint32 little-endian), empty when it is fine.
 */
export function headerRepairs(source: ByteSource): Array<[offset: number, value: number]> {
  const head = source.read(0, 12);
  if (!looksLikeWav(head) || ascii(head, 0) !== 'RIFF') return [];
  let pos = 12;
  while (pos + 8 <= source.size) {
    const chunkHead = source.read(pos, 8);
    const id = ascii(chunkHead, 0);
    const size = new DataView(chunkHead.buffer, chunkHead.byteOffset, 8).getUint32(4, true);
    if (id === 'data') {
      const available = source.size - pos - 8;
      // Only a size that cannot be right is touched: a valid file may carry chunks after its data.
      const dataBytes = UNKNOWN_SIZES.has(size) || size > available ? available : size;
      const fixes: Array<[number, number]> = [];
      if (dataBytes !== size) fixes.push([pos + 4, dataBytes]);
      const riffDeclared = new DataView(head.buffer, head.byteOffset, 12).getUint32(4, true);
      if (UNKNOWN_SIZES.has(riffDeclared) || riffDeclared > source.size - 8 || fixes.length) {
        const riffSize = Math.max(pos + dataBytes, Math.min(riffDeclared, source.size - 8));
        if (riffSize !== riffDeclared) fixes.unshift([4, riffSize]);
      }
      return fixes;
    }
    pos += 8 + size + (size % 2);
  }
  return [];
}

/** A canonical 44-byte header for 16-bit PCM, for writing test audio and tools. */
export function pcm16Header(sampleRate: number, channels: number, dataBytes: number): Uint8Array {
  const header = new Uint8Array(44);
  const v = new DataView(header.buffer);
  header.set([0x52, 0x49, 0x46, 0x46], 0); // RIFF
  v.setUint32(4, 36 + dataBytes, true);
  header.set([0x57, 0x41, 0x56, 0x45, 0x66, 0x6d, 0x74, 0x20], 8); // WAVEfmt_
  v.setUint32(16, 16, true);
  v.setUint16(20, FORMAT_PCM, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * channels * 2, true);
  v.setUint16(32, channels * 2, true);
  v.setUint16(34, 16, true);
  header.set([0x64, 0x61, 0x74, 0x61], 36); // data
  v.setUint32(40, dataBytes, true);
  return header;
}
