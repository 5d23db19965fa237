/**
 * The split timer, a pure state machine over an injected monotonic clock (milliseconds, e.g.
 * performance.now()). Elapsed time is always derived from the clock and the pause total — never
 * accumulated from ticks — so it cannot drift however often (or rarely) the screen redraws.
 */

export type TimerPhase = 'countdown' | 'running' | 'paused' | 'finished' | 'stopped';

/** The end of a split: the elapsed clock time when it was closed, and whether it was skipped. */
export interface SplitMark {
  atMs: number;
  skipped: boolean;
}

export interface TimerState {
  readonly phase: TimerPhase;
  readonly splitCount: number;
  /** Clock time the countdown ends and the run begins (null once running, or without countdown). */
  readonly countdownEndsAt: number | null;
  /** Clock time the run began; null while counting down (and if stopped during the countdown). */
  readonly startedAt: number | null;
  /** Paused time already over (ms). */
  readonly pausedMs: number;
  /** Clock time of the current pause's start. */
  readonly pausedAt: number | null;
  readonly marks: readonly SplitMark[];
  /** Elapsed time frozen at finish or stop. */
  readonly endMs: number | null;
  /** Clock time the target was first passed (for the one bell); set by `tick`. */
  readonly overtimeAt: number | null;
}

export function createTimer(splitCount: number, now: number, countdownMs = 0): TimerState {
  if (!Number.isInteger(splitCount) || splitCount < 1) throw new RangeError('a rehearsal needs at least one split');
  const counting = countdownMs > 0;
  return {
    phase: counting ? 'countdown' : 'running',
    splitCount,
    countdownEndsAt: counting ? now + countdownMs : null,
    startedAt: counting ? null : now,
    pausedMs: 0,
    pausedAt: null,
    marks: [],
    endMs: null,
    overtimeAt: null,
  };
}

/** Moves a finished countdown into the run. Call it before reading or changing the state. */
export function settle(state: TimerState, now: number): TimerState {
  if (state.phase === 'countdown' && state.countdownEndsAt !== null && now >= state.countdownEndsAt) {
    return { ...state, phase: 'running', startedAt: state.countdownEndsAt, countdownEndsAt: null };
  }
  return state;
}

/** Milliseconds on the clock (pauses excluded). */
export function elapsedMs(state: TimerState, now: number): number {
  const s = settle(state, now);
  if (s.endMs !== null) return s.endMs;
  if (s.startedAt === null) return 0;
  const pausing = s.pausedAt !== null ? now - s.pausedAt : 0;
  return Math.max(0, now - s.startedAt - s.pausedMs - pausing);
}

/** Seconds left in the countdown (3, 2, 1), or 0. */
export function countdownLeft(state: TimerState, now: number): number {
  return state.phase === 'countdown' && state.countdownEndsAt !== null
    ? Math.max(0, Math.ceil((state.countdownEndsAt - now) / 1000))
    : 0;
}

/** Index of the split being said (splitCount once finished). */
export function currentSplit(state: TimerState): number {
  return state.marks.length;
}

export type TimerEvent = 'split' | 'skip' | 'undo' | 'pause' | 'resume' | 'togglePause' | 'stop';

/** Applies one event. Events that make no sense in the current phase leave the state unchanged. */
export function applyEvent(state: TimerState, event: TimerEvent, now: number): TimerState {
  const s = settle(state, now);
  switch (event) {
    case 'split':
    case 'skip': {
      if (s.phase !== 'running') return s;
      const last = s.marks.length === s.splitCount - 1;
      if (event === 'skip' && last) return s; // the last split ends the run: it cannot be skipped
      const marks = [...s.marks, { atMs: elapsedMs(s, now), skipped: event === 'skip' }];
      return last ? { ...s, marks, phase: 'finished', endMs: marks[marks.length - 1]!.atMs } : { ...s, marks };
    }
    case 'undo': {
      if ((s.phase !== 'running' && s.phase !== 'finished') || !s.marks.length) return s;
      // Undoing the final split resumes the run: the time since then counts again.
      return { ...s, marks: s.marks.slice(0, -1), phase: 'running', endMs: null };
    }
    case 'pause':
      return s.phase === 'running' ? { ...s, phase: 'paused', pausedAt: now } : s;
    case 'resume':
      return s.phase === 'paused' && s.pausedAt !== null
        ? { ...s, phase: 'running', pausedMs: s.pausedMs + (now - s.pausedAt), pausedAt: null }
        : s;
    case 'togglePause':
      return applyEvent(s, s.phase === 'paused' ? 'resume' : 'pause', now);
    case 'stop': {
      if (s.phase === 'finished' || s.phase === 'stopped') return s;
      return { ...s, endMs: elapsedMs(s, now), phase: 'stopped', pausedAt: null, countdownEndsAt: null };
    }
  }
}

/** Notes the first moment the elapsed time passes `targetMs` (the UI rings the bell once). */
export function tick(state: TimerState, now: number, targetMs: number): TimerState {
  const s = settle(state, now);
  if (s.overtimeAt === null && s.phase === 'running' && elapsedMs(s, now) > targetMs) return { ...s, overtimeAt: now };
  return s;
}

/**
 * Seconds of each split: the time between its end and the previous split's end; null for a skipped
 * split and for splits not reached. A split after a skipped one is timed from the skip.
 */
export function segmentSeconds(state: TimerState): Array<number | null> {
  return Array.from({ length: state.splitCount }, (_, i) => {
    const mark = state.marks[i];
    if (!mark || mark.skipped) return null;
    const prev = i > 0 ? state.marks[i - 1]!.atMs : 0;
    return round1((mark.atMs - prev) / 1000);
  });
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
