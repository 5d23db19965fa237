import { isatty } from 'node:tty';

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

/** Swallows the terminal's EIO/EPIPE errors from here on (any other error is thrown as before). Idempotent. */
export function guardTerminal(streams: Streams = process): void {
  if (guarded) return;
  guarded = true;
  wasTerminal = [0, 1, 2].map((fd) => isatty(fd));
  const watch = (stream: NodeJS.ReadStream | NodeJS.WriteStream) =>
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (!isTerminalGoneError(error)) throw error;
      // A pipe closed by its reader (`pitch history | head -1`) only means nobody reads the rest.
      if (stream.isTTY) markTerminalGone();
    });
  watch(streams.stdin);
  watch(streams.stdout);
  watch(streams.stderr);
  // A hung-up terminal reads as end of file.
  if (streams.stdin.isTTY) {
    const stdin = streams.stdin;
    stdin.on('end', markTerminalGone);
    // readline turns raw mode off when its input ends, the EIO that follows is re-emitted on the readline
    // interface, and inquirer's has no listener: the crash came from there. On a terminal that is no longer
    // one there is no mode to set.
    const setRawMode = stdin.setRawMode.bind(stdin);
    const fd = (stdin as unknown as { fd?: number }).fd ?? 0;
    stdin.setRawMode = (mode: boolean) => (isatty(fd) ? setRawMode(mode) : stdin);
  }
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
