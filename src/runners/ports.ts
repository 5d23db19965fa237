import type { KeyPress } from '../core/keymap.js';

/**
 * A full-screen interactive loop as a runner describes it: a pure state machine fed with keys and
 * clock ticks. The shell's screen port runs it on the terminal (ui/live-loop.ts) and draws each state.
 */
export interface LiveSpec<S> {
  initial: S;
  onKey(state: S, key: KeyPress, now: number): S;
  onTick(state: S, now: number): S;
  isDone(state: S): boolean;
  /** True when the transition deserves a terminal bell (the target was just passed). */
  ring(previous: S, next: S): boolean;
}

export interface LiveEnd<S> {
  state: S;
  /** Set when a signal (SIGTERM, SIGHUP) ended the loop rather than a key. */
  signal: NodeJS.Signals | null;
}

/** Time and chance, injected: runners never read a clock or a random source of their own. */
export interface ClockPorts {
  /** Monotonic milliseconds (performance.now in real life): what split times are measured on. */
  clock(): number;
  /** Wall-clock time, for what is saved. */
  now(): Date;
  /** Uniform in [0, 1). */
  rng(): number;
}
