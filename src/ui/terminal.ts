import { fstatSync, type Stats, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The terminal going away mid-session — a closed window, `tmux kill-session`, a dropped SSH link.
 * The kernel sends SIGHUP, reads from the terminal end, and every write to it fails with EIO (EPIPE
 * when the output was a pipe that closed). Unhandled, the first failed write crashed pitch before it
 * saved anything. Here those errors are swallowed and reported once as "the terminal is gone", so the
 * live screen and the prompts end the way a hang-up ends them (finished work saved), and the process
 * ends the way a hung-up process ends: by SIGHUP.
 */

/** What a write or read on a terminal (or pipe) that is no longer there fails with. */
const GONE = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF', 'ECONNRESET', 'ENOTCONN']);

export function isTerminalGoneError(error: unknown): boolean {
  return GONE.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

interface Streams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

let gone = false;
let guarded = false;
/** Which of stdin, stdout, stderr were terminals when pitch started. */
let wasTerminal: boolean[] = [false, false, false];
const watchers = new Set<() => void>();
const ignore = () => {};

/**
 * Swallows the terminal's EIO/EPIPE errors from here on (any other error is thrown as before). Idempotent.
 * Without `streams`, process's own streams are guarded as Node creates them, on first use: a command
 * that never reads stdin (`pitch analyze`) never has it built.
 */
export function guardTerminal(streams?: Streams): void {
  if (guarded) return;
  guarded = true;
  wasTerminal = [0, 1, 2].map((fd) => isTerminal(fd));
  const watch = (stream: NodeJS.ReadStream | NodeJS.WriteStream) =>
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (!isTerminalGoneError(error)) throw error;
      // A pipe closed by its reader (`pitch history | head -1`) only means nobody reads the rest.
      if (stream.isTTY) markTerminalGone();
    });
  const watchInput = (stdin: NodeJS.ReadStream) => {
    watch(stdin);
    // A hung-up terminal reads as end of file.
    if (!stdin.isTTY) return;
    stdin.on('end', markTerminalGone);
    // readline turns raw mode off when its input ends, the EIO that follows is re-emitted on the readline
    // interface, and inquirer's has no listener: the crash came from there. On a terminal that is no longer
    // one there is no mode to set.
    const setRawMode = stdin.setRawMode.bind(stdin);
    const fd = (stdin as unknown as { fd?: number }).fd ?? 0;
    stdin.setRawMode = (mode: boolean) => (isatty(fd) ? setRawMode(mode) : stdin);
  };
  if (streams) {
    watchInput(streams.stdin);
    watch(streams.stdout);
    watch(streams.stderr);
    return;
  }
  whenBuilt('stdin', watchInput);
  whenBuilt('stdout', watch);
  whenBuilt('stderr', watch);
}

/** Calls `then` with process[name] when Node builds it (at once if it is built already). */
function whenBuilt<K extends keyof Streams>(name: K, then: (stream: Streams[K]) => void): void {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (!own?.get || !own.configurable) {
    then(process[name]);
    return;
  }
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: own.enumerable ?? false,
    get() {
      Object.defineProperty(process, name, own);
      const stream = process[name];
      then(stream);
      return stream;
    },
  });
}

let tty: typeof import('node:tty') | undefined;
/** node:tty, loaded when first needed: it brings in Node's network streams (~2.5 ms of a start). */
function isatty(fd: number): boolean {
  tty ??= createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(fd);
}

/**
 * Whether `fd` is a regular file, /dev/null, or (but on Windows) a pipe or a socket: an output Node
 * writes synchronously (a thin SyncWriteStream for the first two; for the others a socket that writes
 * at once when it can), so a writer can do the same without building that stream (ui/streams.ts).
 */
export function writesDirectly(fd: number): boolean {
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch {
    return false;
  }
  if (stat.isFile() || (stat.isCharacterDevice() && stat.rdev === nullDeviceId())) return true;
  return process.platform !== 'win32' && (stat.isFIFO() || stat.isSocket());
}

let nullDevice: number | null | undefined;

/** /dev/null's device number, null where there is none. */
function nullDeviceId(): number | null {
  if (nullDevice === undefined) {
    try {
      nullDevice = statSync('/dev/null').rdev;
    } catch {
      nullDevice = null;
    }
  }
  return nullDevice;
}

/**
 * Whether `fd` is a terminal. What fstat shows is not one (a file, a pipe, a socket, /dev/null: how a
 * benchmark or a script runs pitch) is answered without node:tty; any other character device is asked.
 */
function isTerminal(fd: number): boolean {
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed: not a terminal either
  }
  if (!stat.isCharacterDevice()) return false;
  return stat.rdev === nullDeviceId() ? false : isatty(fd);
}

/**
 * The terminal is gone (or a SIGHUP said it is going): from now on further SIGHUPs are ignored, so
 * that saving is never cut short by a second one, and whoever watches is told once.
 */
export function markTerminalGone(): void {
  if (gone) return;
  gone = true;
  process.on('SIGHUP', ignore);
  for (const watcher of [...watchers]) watcher();
}

/** Calls `watcher` when the terminal goes (at once if it is gone); returns the way to stop watching. */
export function onTerminalGone(watcher: () => void): () => void {
  if (gone) {
    queueMicrotask(watcher);
    return ignore;
  }
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
}

/** A SIGHUP reached an interactive screen: keep later ones from killing the process while it saves. */
export function holdHangups(): void {
  process.on('SIGHUP', ignore);
}

/** True when a stream that was a terminal no longer is one (isatty fails on a hung-up terminal). */
export function terminalGone(): boolean {
  return gone || wasTerminal.some((was, fd) => was && !isatty(fd));
}

/**
 * Ends a process whose terminal is gone by SIGHUP, as the system would have. Node 20 resets the
 * terminal's mode on a normal exit and aborts when that fails with EIO (node::ResetStdio), which
 * turned a saved session into a core dump; death by the signal skips that reset. Returns when the
 * terminal is still there.
 */
export function exitIfTerminalGone(): void {
  if (!terminalGone()) return;
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}
