import type { TimerState } from './timer.js';
import { applyEvent, settle } from './timer.js';

/** A key as the terminal reports it (node:readline keypress). */
export interface KeyPress {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
}

/** What ended the session: the last split, a kept or discarded stop, or Ctrl-C. */
export type Outcome = 'finished' | 'keep' | 'discard' | 'abort';

export interface SessionState {
  timer: TimerState;
  /** live: the run; confirmStop: "keep or discard?" after q/Esc; help: the key list over the run. */
  mode: 'live' | 'confirmStop' | 'help';
  outcome: Outcome | null;
}

export function startSession(timer: TimerState): SessionState {
  return { timer, mode: 'live', outcome: null };
}

const SPLIT_KEYS = new Set(['space', 'return', 'enter', 'right']);
const UNDO_KEYS = new Set(['backspace', 'left']);

/** Keys → timer events and screen modes. Pure: the terminal driver only forwards keys and the clock. */
export function pressKey(state: SessionState, key: KeyPress, now: number): SessionState {
  if (state.outcome) return state;
  if (key.ctrl && key.name === 'c') return { ...state, timer: applyEvent(state.timer, 'stop', now), outcome: 'abort' };
  const timer = settle(state.timer, now);
  const name = key.name ?? key.sequence ?? '';
  if (state.mode === 'confirmStop') {
    if (name === 'k' || name === 'return' || name === 'enter') return { ...state, timer, outcome: 'keep' };
    if (name === 'd') return { ...state, timer, outcome: 'discard' };
    return { ...state, timer };
  }
  if (state.mode === 'help') return { ...state, timer, mode: 'live' };
  if (name === 'q' || name === 'escape') {
    const stopped = applyEvent(timer, 'stop', now);
    // Nothing was timed yet (stopped during the countdown, or before the first split): nothing to keep.
    if (timer.phase === 'countdown' || timer.marks.length === 0)
      return { ...state, timer: stopped, outcome: 'discard' };
    return { ...state, timer: stopped, mode: 'confirmStop' };
  }
  if (timer.phase === 'countdown') return { ...state, timer };
  if (name === '?' || key.sequence === '?') return { ...state, timer, mode: 'help' };
  let next = timer;
  if (SPLIT_KEYS.has(name)) next = applyEvent(timer, 'split', now);
  else if (UNDO_KEYS.has(name)) next = applyEvent(timer, 'undo', now);
  else if (name === 's') next = applyEvent(timer, 'skip', now);
  else if (name === 'p') next = applyEvent(timer, 'togglePause', now);
  return { ...state, timer: next, outcome: next.phase === 'finished' ? 'finished' : null };
}
