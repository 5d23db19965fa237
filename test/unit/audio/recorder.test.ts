import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectRecorder,
  probeRecorder,
  recordingSeconds,
  requireRecorder,
  startRecording,
  type RecorderInfo,
} from '../../../src/audio/recorder.js';
import { analyzeAudioFile } from '../../../src/audio/analyze-file.js';
import { findExecutable } from '../../../src/audio/tools.js';
import { parseWavHeader } from '../../../src/audio/wav.js';
import { openFileSource } from '../../../src/audio/file-source.js';
import { PitchError } from '../../../src/core/errors.js';
import { AUDIO_FIXTURES } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'pitch-recorder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const fresh = (name: string) => join(work, `${++counter}-${name}`);

/** A directory holding stub executables with the given names, to stand for an installed PATH. */
function fakePath(...names: string[]): string {
  const dir = fresh('bin');
  mkdirSync(dir);
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

const FAKE = join(AUDIO_FIXTURES, 'fake-recorder.mjs');
const fake = (...flags: string[]): RecorderInfo => ({
  kind: 'sox',
  label: 'fake-rec',
  command: process.execPath,
  args: [FAKE, ...flags, 'OUTPUT'],
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until the process is gone (a test failure after 8 s, not a timing assertion). */
async function waitGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 160 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !alive(pid);
}

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
}

function wavOk(file: string) {
  const source = openFileSource(file);
  try {
    return parseWavHeader(source, file);
  } finally {
    source.close();
  }
}

const errorOf = async (promise: Promise<unknown>): Promise<PitchError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PitchError) return error;
    throw error;
  }
  throw new Error('expected a PitchError');
};

describe('detectRecorder: what the system has', () => {
  it('prefers sox rec, then sox -d, then arecord, then ffmpeg', () => {
    expect(detectRecorder({ PATH: fakePath('rec', 'sox', 'arecord', 'ffmpeg') }, 'linux')).toMatchObject({
      kind: 'sox',
      label: 'rec (sox)',
    });
    const soxOnly = detectRecorder({ PATH: fakePath('sox', 'arecord') }, 'linux')!;
    expect(soxOnly.kind).toBe('sox');
    expect(soxOnly.args).toContain('-d');
    expect(detectRecorder({ PATH: fakePath('arecord', 'ffmpeg') }, 'linux')).toMatchObject({ kind: 'arecord' });
    const ffmpeg = detectRecorder({ PATH: fakePath('ffmpeg') }, 'linux')!;
    expect(ffmpeg.args.join(' ')).toContain('-f alsa -i default');
    expect(ffmpeg.args.join(' ')).toContain('-ac 1 -ar 16000 -c:a pcm_s16le');
  });

  it('on macOS: no arecord, ffmpeg listens through avfoundation', () => {
    expect(detectRecorder({ PATH: fakePath('arecord') }, 'darwin')).toBeNull();
    expect(detectRecorder({ PATH: fakePath('ffmpeg') }, 'darwin')!.args.join(' ')).toContain('-f avfoundation');
  });

  it('records 16 kHz mono 16-bit WAV whatever the recorder', () => {
    const path = fakePath('rec', 'arecord', 'ffmpeg');
    const sox = detectRecorder({ PATH: path, PITCH_RECORDER: 'sox' }, 'linux')!.args.join(' ');
    expect(sox).toContain('-r 16000 -c 1 -b 16 -e signed-integer -t wav OUTPUT');
    expect(detectRecorder({ PATH: path, PITCH_RECORDER: 'arecord' }, 'linux')!.args.join(' ')).toContain(
      '-f S16_LE -r 16000 -c 1 -t wav OUTPUT',
    );
  });

  it('PITCH_RECORDER picks one or none; Windows has none', () => {
    const path = fakePath('rec', 'ffmpeg');
    expect(detectRecorder({ PATH: path, PITCH_RECORDER: 'ffmpeg' }, 'linux')!.kind).toBe('ffmpeg');
    expect(detectRecorder({ PATH: path, PITCH_RECORDER: 'none' }, 'linux')).toBeNull();
    expect(detectRecorder({ PATH: path, PITCH_RECORDER: 'arecord' }, 'linux')).toBeNull();
    expect(detectRecorder({ PATH: path }, 'win32')).toBeNull();
  });

  it('nothing installed: one usage error naming what to install, for the platform', () => {
    const empty = { PATH: fakePath() };
    for (const [platform, hint] of [
      ['linux', 'recorder.installHintLinux'],
      ['darwin', 'recorder.installHintMac'],
    ] as const) {
      try {
        requireRecorder(empty, platform);
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ kind: 'usage', key: 'recorder.noRecorder', hint });
      }
    }
  });
});

describe('a recording from start to stop (stand-in recorder, real processes)', () => {
  it('records a valid WAV, stops once however often stop() is called, and leaves no process behind', async () => {
    const file = join(fresh('rec'), 'take.wav');
    const pidfile = fresh('pid');
    const before = performance.now();
    const recording = await startRecording(fake('--latency', '100', '--pidfile', pidfile), file);
    expect(recording.startedAt).toBeGreaterThanOrEqual(before);
    await waitFor(pidfile);
    await new Promise((r) => setTimeout(r, 1200));
    const [first, second] = await Promise.all([recording.stop(), recording.stop()]);
    const elapsed = (performance.now() - recording.startedAt) / 1000;
    expect(second).toBe(first);
    expect(await recording.stop()).toBe(first);
    expect(first.exitCode).toBe(0);
    expect(first.headerRepaired).toBe(false);
    expect(first.durationSeconds).toBeGreaterThan(0.5);
    expect(first.durationSeconds).toBeLessThanOrEqual(elapsed);
    expect(first.latencySeconds).toBeGreaterThanOrEqual(0);
    expect(first.latencySeconds).toBeLessThanOrEqual(0.5);
    expect(wavOk(file)).toMatchObject({ sampleRate: 16000, channels: 1, bitsPerSample: 16, sizeRepaired: false });
    expect(recording.stopped).toBe(true);
    expect(await waitGone(Number(readFileSync(pidfile, 'utf8')))).toBe(true);
    expect(await waitGone(recording.pid)).toBe(true);
    // The stand-in plays a tone switched every 0.5 s: the analysis hears it from the first second.
    const analysis = await analyzeAudioFile(file);
    expect(analysis.segments[0]!.start).toBeLessThan(0.05);
    expect(analysis.segments[0]!.end).toBeCloseTo(0.5, 1);
  });

  it('a recorder that dies at once (no microphone) is a usage error with its reason, and no file is left', async () => {
    const file = join(fresh('rec'), 'take.wav');
    // A long settle time: the stand-in is a Node script, slow to start on a busy machine.
    const error = await errorOf(
      startRecording(fake('--fail', 'Sorry, there is no default audio device configured'), file, { settleMs: 10_000 }),
    );
    expect(error).toMatchObject({ kind: 'usage', key: 'recorder.noDevice', hint: 'recorder.noDeviceHint' });
    expect(error.params).toEqual({
      recorder: 'fake-rec',
      reason: 'Sorry, there is no default audio device configured',
    });
    expect(existsSync(file)).toBe(false);
  });

  it('a recorder that leaves its header unfinished gets it repaired', async () => {
    const file = join(fresh('rec'), 'take.wav');
    const pidfile = fresh('pid');
    const recording = await startRecording(fake('--no-finalize', '--pidfile', pidfile), file);
    await waitFor(pidfile);
    await new Promise((r) => setTimeout(r, 700));
    const result = await recording.stop();
    expect(result.headerRepaired).toBe(true);
    expect(wavOk(file).sizeRepaired).toBe(false);
    expect(result.durationSeconds).toBeGreaterThan(0.2);
  });

  it('a recorder that ignores SIGTERM is killed, header repaired, nothing left running', async () => {
    const file = join(fresh('rec'), 'take.wav');
    const pidfile = fresh('pid');
    const recording = await startRecording(fake('--ignore-term', '--pidfile', pidfile), file);
    await waitFor(pidfile);
    const result = await recording.stop();
    expect(result.exitCode).toBeNull();
    expect(result.headerRepaired).toBe(true);
    expect(await waitGone(Number(readFileSync(pidfile, 'utf8')))).toBe(true);
  }, 15_000);

  it('a recorder that dies mid-recording (microphone unplugged) is noticed, and its file still repaired', async () => {
    const file = join(fresh('rec'), 'take.wav');
    const recording = await startRecording(fake('--die-after', '600'), file);
    expect(await recording.ended).toBe(2);
    expect(recording.stopped).toBe(true);
    const result = await recording.stop();
    expect(result).toMatchObject({ exitCode: 2, headerRepaired: true });
    expect(wavOk(file).sizeRepaired).toBe(false);
  });

  it('a recorder that stays up but never delivers sound is declared broken, and stopped', async () => {
    const dir = fresh('silent');
    mkdirSync(dir);
    const pidfile = join(dir, 'pid');
    const error = await errorOf(
      startRecording(fake('--latency', '60000', '--pidfile', pidfile), join(dir, 'take.wav')),
    );
    expect(error.key).toBe('recorder.noDevice');
    expect(error.params.reason).toBe('no sound received');
    expect(await waitGone(Number(readFileSync(pidfile, 'utf8')))).toBe(true);
    expect(existsSync(join(dir, 'take.wav'))).toBe(false);
  });

  it('recordingSeconds puts a rehearsal-clock moment on the WAV timeline', () => {
    expect(recordingSeconds({ startedAt: 1000, latencySeconds: 0.2 }, 3500)).toBeCloseTo(2.3, 9);
    expect(recordingSeconds({ startedAt: 1000, latencySeconds: 0.2 }, 1100)).toBe(0);
  });
});

describe('when pitch itself dies mid-recording', () => {
  /** Runs a child pitch-like process that starts a recording then dies as told. */
  async function dieWhileRecording(how: 'throw' | 'sigkill' | 'exit'): Promise<{ file: string; recorderPid: number }> {
    const dir = fresh('crash');
    mkdirSync(dir);
    const file = join(dir, 'take.wav');
    const pidfile = join(dir, 'pid');
    const script = join(dir, 'child.mts');
    const recorderModule = new URL('../../../src/audio/recorder.ts', import.meta.url).href;
    writeFileSync(
      script,
      `import { startRecording, stopOnExit } from ${JSON.stringify(recorderModule)};
const r = await startRecording(${JSON.stringify(fake('--pidfile', pidfile))}, ${JSON.stringify(file)});
stopOnExit(r);
const { existsSync } = await import('node:fs');
while (!existsSync(${JSON.stringify(pidfile)})) await new Promise((ok) => setTimeout(ok, 20));
process.stdout.write('recording\\n');
setTimeout(() => {
  if (${JSON.stringify(how)} === 'throw') throw new Error('boom');
  if (${JSON.stringify(how)} === 'exit') process.exit(3);
  process.kill(process.pid, 'SIGKILL');
}, 600);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: join(AUDIO_FIXTURES, '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(out, out).toContain('recording');
    expect(code).not.toBe(0);
    await waitFor(pidfile);
    return { file, recorderPid: Number(readFileSync(pidfile, 'utf8')) };
  }

  it.each(['throw', 'exit', 'sigkill'] as const)(
    '%s: the recorder stops by itself and its WAV is valid',
    async (how) => {
      const { file, recorderPid } = await dieWhileRecording(how);
      expect(await waitGone(recorderPid)).toBe(true);
      expect(wavOk(file)).toMatchObject({ sizeRepaired: false, sampleRate: 16000 });
    },
    20_000,
  );
});

const soundCards = (() => {
  try {
    return !readFileSync('/proc/asound/cards', 'utf8').includes('no soundcards');
  } catch {
    return false;
  }
})();

describe.skipIf(!findExecutable('rec') || soundCards)('the real sox on a machine without a sound card', () => {
  it('probeRecorder says no device, in sox’s words, before anything starts', async () => {
    const info = detectRecorder({ ...process.env, PITCH_RECORDER: 'sox' })!;
    const error = await errorOf(probeRecorder(info));
    expect(error.key).toBe('recorder.noDevice');
    expect(error.params.reason).toMatch(/no default audio device configured/);
  });
});

describe.skipIf(!findExecutable('ffmpeg') || soundCards || process.platform !== 'linux')(
  'the real ffmpeg on a machine without a sound card',
  () => {
    it('probeRecorder says it cannot open the device', async () => {
      const error = await errorOf(probeRecorder(detectRecorder({ ...process.env, PITCH_RECORDER: 'ffmpeg' })!));
      expect(error.key).toBe('recorder.noDevice');
      expect(error.params.reason).toMatch(/cannot open audio device|Input\/output error|No such/);
    });
  },
);
