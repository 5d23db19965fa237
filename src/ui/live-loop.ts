import { emitKeypressEvents } from 'node:readline';
import type { OutStream } from './streams.js';
import type { KeyPress } from '../rehearsal/session.js';
import { holdHangups, onTerminalGone } from './terminal.js';

export interface LiveLoopOptions<S> {
  stdin: NodeJS.ReadStream;
  stdout: OutStream;
  /** Monotonic clock in ms (performance.now in real life). */
  clock: () => number;
  initial: S;
  onKey(state: S, key: KeyPress, now: number): S;
  onTick(state: S, now: number): S;
  render(state: S, now: number, size: { columns: number; rows: number }): string;
  isDone(state: S): boolean;
  /** True when the transition deserves a terminal bell (e.g. the target was just passed). */
  ring(previous: S, next: S): boolean;
  /** Redraw period: 100 ms = at most 10 redraws a second. */
  intervalMs?: number;
  /**
   * A terminal that cannot move its cursor (TERM=dumb): no alternate screen, no redrawing in place —
   * of each frame, the lines that were not in the frame before (the running clock and bar aside) are
   * printed one after the other.
   */
  lineMode?: boolean;
}

/** Whether a terminal understands cursor movement: TERM=dumb (Emacs shells, some IDE consoles) and no TERM do not. */
export function isLineTerminal(env: NodeJS.ProcessEnv): boolean {
  return !env.TERM || env.TERM === 'dumb';
}

/** A line as line mode compares it: running clocks and progress bars do not make it new. */
const steady = (line: string) => line.replace(/\d+:\d\d(?:\.\d)?/g, '#').replace(/[█░▏▎▍▌▋▊▉]+/g, '=');

export interface LiveLoopResult<S> {
  state: S;
  /** Set when a signal (SIGTERM, SIGHUP) ended the loop rather than a key. */
  signal: NodeJS.Signals | null;
}

const ENTER_SCREEN = '\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J';
const LEAVE_SCREEN = '\x1b[?25h\x1b[?1049l';

/**
 * Runs an interactive full-screen loop: raw keys in, a frame out (only when it changed, so nothing
 * flickers), on the alternate screen. The terminal is always restored — raw mode off, cursor shown,
 * alternate screen left — whether the loop ends by a key, a signal or an exception.
 * Ctrl-C arrives as a key in raw mode; SIGTERM and SIGHUP are turned into a Ctrl-C key so the
 * state machine saves what it has.
 */
export function runLiveLoop<S>(o: LiveLoopOptions<S>): Promise<LiveLoopResult<S>> {
  return new Promise((resolve, reject) => {
    let state = o.initial;
    let lastFrame = '';
    let signal: NodeJS.Signals | null = null;
    let closed = false;
    const size = () => ({ columns: Math.max(40, o.stdout.columns || 80), rows: Math.max(12, o.stdout.rows || 24) });

    let printed = new Set<string>();
    const draw = (force = false) => {
      const frame = o.render(state, o.clock(), size());
      if (!force && frame === lastFrame) return;
      lastFrame = frame;
      if (o.lineMode) {
        const lines = frame.split('\n');
        const fresh = lines.filter((line) => line.trim() !== '' && !printed.has(steady(line)));
        printed = new Set(lines.map(steady));
        if (fresh.length) o.stdout.write(`${fresh.join('\n')}\n`);
        return;
      }
      o.stdout.write('\x1b[H' + frame.split('\n').join('\x1b[K\n') + '\x1b[K\x1b[J');
    };
    const step = (next: S) => {
      if (o.ring(state, next)) o.stdout.write('\x07');
      state = next;
      if (o.isDone(state)) finish();
      else draw();
    };
    const onKeypress = (_: string, key: KeyPress | undefined) => {
      const now = o.clock();
      try {
        step(o.onKey(state, key ?? {}, now));
      } catch (error) {
        finish(error);
      }
    };
    const onSignal = (sig: NodeJS.Signals) => {
      if (closed) return;
      if (sig === 'SIGHUP') holdHangups();
      signal = sig;
      onKeypress('', { name: 'c', ctrl: true });
    };
    // A terminal that went away ends the loop like the SIGHUP that comes with it, whichever is first.
    const stopWatching = onTerminalGone(() => onSignal('SIGHUP'));
    // A resize clears the whole screen before the next frame: a terminal that reflowed the old, wider
    // frame would otherwise keep its fragments around the new one.
    const onResize = () => {
      o.stdout.write('\x1b[H\x1b[2J');
      draw(true);
    };
    const restore = () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      stopWatching();
      o.stdin.off('keypress', onKeypress);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      process.off('SIGINT', onSignal);
      process.off('exit', restore);
      (o.stdout as NodeJS.WriteStream).off?.('resize', onResize);
      // On a terminal that is gone these fail: what matters then is saving, which comes after.
      try {
        if (o.stdin.isTTY) o.stdin.setRawMode(false);
        o.stdin.pause();
        if (!o.lineMode) o.stdout.write(LEAVE_SCREEN);
      } catch {}
    };
    const finish = (error?: unknown) => {
      restore();
      if (error) reject(error);
      else resolve({ state, signal });
    };

    emitKeypressEvents(o.stdin);
    if (o.stdin.isTTY) o.stdin.setRawMode(true);
    o.stdin.on('keypress', onKeypress);
    o.stdin.resume();
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    process.on('SIGINT', onSignal);
    process.on('exit', restore);
    (o.stdout as NodeJS.WriteStream).on?.('resize', onResize);
    if (!o.lineMode) o.stdout.write(ENTER_SCREEN);
    const timer = setInterval(() => {
      try {
        step(o.onTick(state, o.clock()));
      } catch (error) {
        finish(error);
      }
    }, o.intervalMs ?? 100);
    draw(true);
  });
}
