/**
 * The only module that runs a recorder. It finds what the system has (sox `rec` / `sox -d`, `arecord`,
 * ffmpeg), checks the microphone works before a rehearsal starts, records 16 kHz mono 16-bit WAV, and
 * stops the recorder on every exit path with a valid header.
 *
 * How "never an orphan" holds even if pitch is killed with SIGKILL: the recorder runs under a tiny
 * /bin/sh watchdog in its own process group whose stdin is a pipe from pitch. Stopping = closing that
 * pipe; and when pitch dies for any reason the kernel closes it too. The watchdog then sends SIGTERM,
 * on which sox, arecord and ffmpeg all finish their WAV header, reaps the recorder and exits.
 * A recorder that ignores SIGTERM is killed by pitch's stop() (SIGTERM, then SIGKILL after 1 s).
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { usageError } from '../core/errors.js';
import { findExecutable, lastErrorLine } from './tools.js';
import { openFileSource } from './file-source.js';
import { headerRepairs, parseWavHeader } from './wav.js';

export type RecorderKind = 'sox' | 'arecord' | 'ffmpeg';

/** A recorder found on this system, as plain data: the command and its arguments. */
export interface RecorderInfo {
  kind: RecorderKind;
  /** Short name for messages: "rec (sox)", "arecord", "ffmpeg". */
  label: string;
  command: string;
  /** Arguments; the literal OUTPUT is replaced by the WAV path. */
  args: string[];
}

/** A recording in progress. */
export interface Recording {
  readonly file: string;
  readonly recorder: RecorderInfo;
  /** performance.now() just before the recorder was started: the clock split times are taken on. */
  readonly startedAt: number;
  /** pid of the watchdog (leader of the recorder's process group). */
  readonly pid: number;
  /** True once the recorder has exited (asked to, or on its own). */
  readonly stopped: boolean;
  /**
   * Settles with the recorder's exit status when it exits, asked to or not: race it during a rehearsal
   * to tell the user at once that a microphone was unplugged.
   */
  readonly ended: Promise<number | null>;
  /** Stops the recorder and makes the WAV header right. Idempotent: later calls return the same result. */
  stop(): Promise<RecordingResult>;
  /** Synchronous last resort for process 'exit' handlers: signals the recorder, cannot wait for it. */
  kill(): void;
}

export interface RecordingResult {
  file: string;
  /** Audio actually in the file, from its sample count. */
  durationSeconds: number;
  startedAt: number;
  /**
   * Estimated delay between startedAt and the first sample (opening the device takes ~0.1 s):
   * recording time of a moment = (performance.now() at it − startedAt) / 1000 − latencySeconds.
   */
  latencySeconds: number;
  /** The recorder's exit status as its watchdog saw it, null when pitch had to kill the recorder. */
  exitCode: number | null;
  /** The header's size fields were rewritten because the recorder did not finish them. */
  headerRepaired: boolean;
}

/**
 * Where a moment taken on the rehearsal clock (performance.now(), ms) falls in the recording, in
 * seconds from the start of the WAV: what splitEnds must hold.
 */
export function recordingSeconds(result: Pick<RecordingResult, 'startedAt' | 'latencySeconds'>, atMs: number): number {
  return Math.max(0, (atMs - result.startedAt) / 1000 - result.latencySeconds);
}

const OUTPUT = 'OUTPUT';
/** How long a recorder may take to deliver its first sound before it is declared broken. */
const MAX_START_MS = 5000;

/** True once the WAV holds more than its 44-byte header: sound is flowing. */
function hasAudio(path: string): boolean {
  try {
    return statSync(path).size > 44;
  } catch {
    return false;
  }
}
const WAV_ARGS_SOX = ['-q', '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'wav', OUTPUT];
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null >/dev/null &',
  'pid=$!',
  // Only now: the recorder must not inherit the ignored signals. The watchdog outlives its recorder
  // so that it reaps it (in a container without an init, an orphan would stay a zombie).
  "trap '' TERM HUP INT",
  'echo "$pid"',
  // Reads until pitch writes a line or goes away (EOF), then asks the recorder to finish its file.
  '( trap - TERM; read -r _ <&3; kill -TERM "$pid" 2>/dev/null ) &',
  'watcher=$!',
  'wait "$pid"; status=$?',
  'kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null',
  'exit $status',
].join('\n');

/**
 * The recorder to use, or null when none is installed. PITCH_RECORDER=sox|arecord|ffmpeg picks one
 * (when installed), PITCH_RECORDER=none pretends there is none. Windows is not supported (no /bin/sh).
 */
export function detectRecorder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): RecorderInfo | null {
  if (platform === 'win32') return null;
  const wanted = env.PITCH_RECORDER?.trim().toLowerCase();
  if (wanted === 'none') return null;
  const allow = (kind: RecorderKind) => !wanted || wanted === kind;
  if (allow('sox')) {
    const rec = findExecutable('rec', env);
    if (rec) return { kind: 'sox', label: 'rec (sox)', command: rec, args: WAV_ARGS_SOX };
    const sox = findExecutable('sox', env);
    if (sox) return { kind: 'sox', label: 'sox', command: sox, args: ['-q', '-d', ...WAV_ARGS_SOX.slice(1)] };
  }
  if (allow('arecord') && platform === 'linux') {
    const arecord = findExecutable('arecord', env);
    if (arecord)
      return {
        kind: 'arecord',
        label: 'arecord',
        command: arecord,
        args: ['-q', '-f', 'S16_LE', '-r', '16000', '-c', '1', '-t', 'wav', OUTPUT],
      };
  }
  if (allow('ffmpeg')) {
    const ffmpeg = findExecutable('ffmpeg', env);
    const input = platform === 'darwin' ? ['-f', 'avfoundation', '-i', ':default'] : ['-f', 'alsa', '-i', 'default'];
    if (ffmpeg) {
      return {
        kind: 'ffmpeg',
        label: 'ffmpeg',
        command: ffmpeg,
        args: [
          '-hide_banner',
          '-loglevel',
          'error',
          '-nostdin',
          ...input,
          '-ac',
          '1',
          '-ar',
          '16000',
          '-c:a',
          'pcm_s16le',
          '-f',
          'wav',
          '-y',
          OUTPUT,
        ],
      };
    }
  }
  return null;
}

/** detectRecorder, or the usage error naming what to install. */
export function requireRecorder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): RecorderInfo {
  const info = detectRecorder(env, platform);
  if (info) return info;
  throw usageError(
    'recorder.noRecorder',
    {},
    platform === 'darwin' ? 'recorder.installHintMac' : 'recorder.installHintLinux',
  );
}

export interface StartOptions {
  /** How long the recorder must stay up before the recording counts as started (ms). */
  settleMs?: number;
  /** The monotonic clock (injected in tests). */
  now?: () => number;
}

/**
 * Starts recording into `wavPath` (its directory is created). Resolves once the recorder has stayed up
 * for settleMs; rejects with a usage error naming the device problem when it dies before that.
 */
export async function startRecording(
  info: RecorderInfo,
  wavPath: string,
  options: StartOptions = {},
): Promise<Recording> {
  const now = options.now ?? (() => performance.now());
  mkdirSync(dirname(wavPath), { recursive: true, mode: 0o700 });
  const args = info.args.map((a) => (a === OUTPUT ? wavPath : a));
  const startedAt = now();
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'pitch-recorder', info.command, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so a Ctrl-C in the terminal reaches pitch alone, which decides.
    detached: true,
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < 20_000) stderr += chunk.toString('utf8');
  });
  child.stdout!.on('data', (chunk: Buffer) => {
    if (stdout.length < 100) stdout += chunk.toString('utf8');
  });
  // A pipe error (the watchdog already gone) must not crash pitch.
  child.stdin!.on('error', () => {});
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  // Started means: still running after settleMs AND sound reaching the file. A recorder slow to start
  // (ffmpeg on a busy machine) is waited for, up to MAX_START_MS, instead of being taken as started.
  const settleMs = options.settleMs ?? 400;
  const deadline = startedAt + Math.max(settleMs, MAX_START_MS);
  let early = await Promise.race([exited.then(() => true), delay(settleMs).then(() => false)]);
  while (!early && !hasAudio(wavPath) && now() < deadline) {
    early = await Promise.race([exited.then(() => true), delay(25).then(() => false)]);
  }
  if (early || !hasAudio(wavPath)) {
    if (!early) {
      child.stdin!.end(); // the watchdog stops the recorder
      await Promise.race([exited, delay(2000)]);
    }
    rmSync(wavPath, { force: true });
    const reason = lastErrorLine(stderr) || (early ? `exit ${exitCode}` : 'no sound received');
    throw usageError('recorder.noDevice', { recorder: info.label, reason }, 'recorder.noDeviceHint');
  }
  // A recording left running must not keep pitch from exiting (the watchdog stops the recorder when
  // pitch is gone); stop() takes the references back while it waits.
  setReferenced(child, false);
  const recorderPid = Number.parseInt(stdout, 10);
  return createRecording(
    info,
    wavPath,
    child,
    Number.isInteger(recorderPid) ? recorderPid : null,
    exited,
    startedAt,
    now,
    () => exitCode !== undefined,
  );
}

function createRecording(
  recorder: RecorderInfo,
  file: string,
  child: ChildProcess,
  recorderPid: number | null,
  exited: Promise<number | null>,
  startedAt: number,
  now: () => number,
  hasExited: () => boolean,
): Recording {
  let result: Promise<RecordingResult> | null = null;
  const signal = (pid: number | null, name: NodeJS.Signals) => {
    if (pid === null) return;
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  return {
    file,
    recorder,
    startedAt,
    pid: child.pid!,
    get stopped() {
      return hasExited();
    },
    ended: exited,
    stop() {
      result ??= (async () => {
        const stopAt = now();
        setReferenced(child, true);
        child.stdin!.end();
        let code = await withTimeout(exited, 3000);
        let forced = false;
        if (code === undefined) {
          // A recorder deaf to SIGTERM: once more, then no more asking.
          forced = true;
          signal(recorderPid, 'SIGTERM');
          code = await withTimeout(exited, 1000);
          if (code === undefined) {
            signal(recorderPid, 'SIGKILL');
            code = await withTimeout(exited, 2000);
          }
          if (code === undefined) {
            signal(-child.pid!, 'SIGKILL'); // the watchdog itself is stuck: the whole group goes
            await exited;
          }
        }
        const headerRepaired = repairWavHeader(file);
        const durationSeconds = wavDurationSeconds(file);
        const wall = (stopAt - startedAt) / 1000;
        return {
          file,
          durationSeconds,
          startedAt,
          latencySeconds: Math.round(Math.min(0.5, Math.max(0, wall - durationSeconds)) * 1000) / 1000,
          exitCode: forced ? null : (code ?? null),
          headerRepaired,
        };
      })();
      return result;
    },
    kill() {
      if (hasExited()) return;
      child.stdin!.destroy();
      signal(recorderPid, 'SIGTERM');
    },
  };
}

/**
 * Makes sure a recorder is installed and the microphone opens: records a moment into a temporary
 * file and throws the usage error naming the problem (nothing to install / no device) otherwise.
 */
export async function probeRecorder(info: RecorderInfo, options: StartOptions = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pitch-probe-'));
  try {
    const recording = await startRecording(info, join(dir, 'probe.wav'), options);
    await recording.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Stops the recording if pitch exits without doing so (an exception, process.exit). The watchdog
 * covers harder deaths; this makes the ordinary ones immediate. Returns the function that unregisters.
 */
export function stopOnExit(recording: Recording): () => void {
  const onExit = () => recording.kill();
  process.once('exit', onExit);
  return () => process.removeListener('exit', onExit);
}

/** Rewrites a WAV header whose size fields do not match the file (a recorder that was killed). */
export function repairWavHeader(file: string): boolean {
  let fixes: Array<[number, number]>;
  try {
    const source = openFileSource(file);
    try {
      fixes = headerRepairs(source);
    } finally {
      source.close();
    }
  } catch {
    return false; // no file (the recorder died before writing one): nothing to repair
  }
  if (!fixes.length) return false;
  const fd = openSync(file, 'r+');
  try {
    for (const [offset, value] of fixes) {
      const bytes = Buffer.alloc(4);
      bytes.writeUInt32LE(value, 0);
      writeSync(fd, bytes, 0, 4, offset);
    }
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Seconds of audio in a WAV file (0 when unreadable). */
function wavDurationSeconds(file: string): number {
  try {
    const source = openFileSource(file);
    try {
      const format = parseWavHeader(source, file);
      return format.dataBytes / format.blockAlign / format.sampleRate;
    } finally {
      source.close();
    }
  } catch {
    return 0;
  }
}

function setReferenced(child: ChildProcess, referenced: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as Array<{
    ref?(): void;
    unref?(): void;
  } | null>) {
    if (referenced) handle?.ref?.();
    else handle?.unref?.();
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
