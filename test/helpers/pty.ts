import pty from '@lydell/node-pty';
import { afterEach } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { BIN, ROOT } from './cli.js';

export interface PtySession {
  /** Everything printed so far, escape codes stripped. */
  text(): string;
  /** Raw output, escape codes included. */
  raw(): string;
  write(keys: string): void;
  /** Resolves when `pattern` appears in the output printed after offset `since` (default: from the start). */
  waitFor(pattern: RegExp | string, timeoutMs?: number, since?: number): Promise<void>;
  /** Length of the stripped output so far: pass it to waitFor to look only at what comes next. */
  mark(): number;
  /** Types `keys`, then waits for `pattern` in what is printed after them. */
  press(keys: string, pattern: RegExp | string, timeoutMs?: number): Promise<void>;
  exited: Promise<{ exitCode: number; signal?: number | undefined }>;
  kill(signal?: string): void;
  /**
   * Closes the terminal itself, as a closed window or a dropped SSH link does: the master side of the
   * pseudo-terminal goes, and what pitch gets is what the system then gives it (reads end, writes fail
   * with EIO, SIGHUP from the kernel) — no signal is sent by the test.
   */
  hangUp(): void;
  /** Resizes the terminal, as a user dragging the window does (SIGWINCH to the program). */
  resize(cols: number, rows: number): void;
  pid: number;
}

export const KEYS = {
  space: ' ',
  enter: '\r',
  left: '\x1b[D',
  right: '\x1b[C',
  backspace: '\x7f',
  escape: '\x1b',
  ctrlC: '\x03',
  down: '\x1b[B',
  up: '\x1b[A',
} as const;

/**
 * The rating prompt drops keys pressed within 300 ms of appearing (src/ui/prompts.ts): a test that
 * means to rate waits this long after the prompt shows, as a person reading it would.
 */
export function afterRatingGuard(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 400));
}

/**
 * Terminals still open when a test ends are killed and awaited, so no pitch process outlives its test
 * (the shell wrapper alone lingers 0.3 s after pitch exits) and none is left running when vitest tears
 * the file's worker down. A worker that dies anyway loses its file: .ci/run counts files for that.
 */
const open = new Set<{ kill(signal?: string): void; exited: Promise<unknown> }>();
afterEach(async () => {
  const left = [...open];
  open.clear();
  for (const p of left) p.kill('SIGKILL');
  await Promise.all(left.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 5000))])));
});

/** Runs the built CLI in a real pseudo-terminal (keys in, screen out). */
export function spawnPitch(
  args: string[],
  /** Variables for pitch; `undefined` removes one (FORCE_COLOR, set by default, for instance). */
  env: Record<string, string | undefined>,
  size = { cols: 110, rows: 40 },
  options: { lingerMs?: number } = { lingerMs: 300 },
): PtySession {
  let raw = '';
  // A long output printed just before exiting can be lost by the pty when the process closes it at once
  // (node-pty stops reading at exit); lingering keeps the terminal open a moment after pitch exits, with
  // its exit status kept. Tests that signal pitch itself pass { lingerMs: 0 }: no shell in between.
  const [file, argv] = options.lingerMs
    ? [
        '/bin/sh',
        ['-c', `"$0" "$@"; status=$?; sleep ${options.lingerMs / 1000}; exit $status`, process.execPath, BIN, ...args],
      ]
    : [process.execPath, [BIN, ...args]];
  const childEnv = cleanEnv({ LANG: 'fr_FR.UTF-8', FORCE_COLOR: '1', ...env });
  const child = pty.spawn(file, argv, {
    // The terminal type is what env.TERM says when a test sets it (TERM=dumb), else a colour xterm.
    name: env.TERM ?? 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: ROOT,
    env: childEnv,
  });
  child.onData((d) => (raw += d));
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit((e) => resolve(e)));
  const handle = { kill: (signal?: string) => child.kill(signal), exited };
  open.add(handle);
  void exited.then(() => open.delete(handle));
  const text = () => stripVTControlCharacters(raw);
  return {
    text,
    raw: () => raw,
    write: (keys) => child.write(keys),
    mark: () => text().length,
    press(keys, pattern, timeoutMs = 10_000) {
      const since = text().length;
      child.write(keys);
      return this.waitFor(pattern, timeoutMs, since);
    },
    pid: child.pid,
    exited,
    kill: (signal) => child.kill(signal),
    // node-pty's destroy() would also send SIGHUP itself: only the master's stream is closed here.
    hangUp: () => (child as unknown as { _socket: { destroy(): void } })._socket.destroy(),
    resize: (cols, rows) => child.resize(cols, rows),
    waitFor(pattern, timeoutMs = 10_000, since = 0) {
      const test = () => {
        const t = text().slice(since);
        return typeof pattern === 'string' ? t.includes(pattern) : pattern.test(t);
      };
      return new Promise((resolve, reject) => {
        if (test()) return resolve();
        const started = Date.now();
        const poll = setInterval(() => {
          if (test()) {
            clearInterval(poll);
            resolve();
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(new Error(`timed out waiting for ${String(pattern)}; screen so far:\n${text().slice(-3000)}`));
          }
        }, 20);
      });
    },
  };
}

/** The parent's environment without variables that would change the child's output, plus `extra`. */
function cleanEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !['NO_COLOR', 'CI', 'LC_ALL', 'PITCH_LANG', 'PITCH_FILE', 'COLUMNS'].includes(k)) env[k] = v;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
