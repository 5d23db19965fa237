import type { TimerState } from './timer.js';
import { applyEvent, settle } from './timer.js';
import { actionOf, type KeyPress } from '../core/keymap.js';
import { CONFIRM_STOP_KEYS, LIVE_KEYS } from './keys.js';

export type { KeyPress } from '../core/keymap.js';

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

/** Keys → timer events and screen modes, as the screens' key tables say (rehearsal/keys.ts). Pure. */
export function pressKey(state: SessionState, key: KeyPress, now: number): SessionState {
  if (state.outcome) return state;
  if (state.mode === 'confirmStop') {
    const action = actionOf(CONFIRM_STOP_KEYS, key);
    if (action === 'abort') return { ...state, timer: applyEvent(state.timer, 'stop', now), outcome: 'abort' };
    const timer = settle(state.timer, now);
    if (action === 'keep') return { ...state, timer, outcome: 'keep' };
    if (action === 'discard') return { ...state, timer, outcome: 'discard' };
    return { ...state, timer };
  }
  const action = actionOf(LIVE_KEYS, key);
  if (action === 'abort') return { ...state, timer: applyEvent(state.timer, 'stop', now), outcome: 'abort' };
  const timer = settle(state.timer, now);
  // The help is read, then any key closes it (and does nothing else).
  if (state.mode === 'help') return { ...state, timer, mode: 'live' };
  if (action === 'stop') {
    const stopped = applyEvent(timer, 'stop', now);
    // Nothing was timed yet (stopped during the countdown, or before the first split): nothing to keep.
    if (timer.phase === 'countdown' || timer.marks.length === 0)
      return { ...state, timer: stopped, outcome: 'discard' };
    return { ...state, timer: stopped, mode: 'confirmStop' };
  }
  if (timer.phase === 'countdown') return { ...state, timer };
  if (action === 'help') return { ...state, timer, mode: 'help' };
  let next = timer;
  if (action === 'split') next = applyEvent(timer, 'split', now);
  else if (action === 'undo') next = applyEvent(timer, 'undo', now);
  else if (action === 'skip') next = applyEvent(timer, 'skip', now);
  else if (action === 'pause') next = applyEvent(timer, 'togglePause', now);
  return { ...state, timer: next, outcome: next.phase === 'finished' ? 'finished' : null };
}
