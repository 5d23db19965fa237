import { actionOf, type KeyMap, type KeyPress } from '../core/keymap.js';
import { applyEvent, createTimer, settle, type TimerState } from '../rehearsal/timer.js';

export type AnswerAction = 'done' | 'retry' | 'stop' | 'help' | 'abort';

/**
 * The answer screen's keys. Only Space ends an answer: Enter starts the question on the screen before,
 * and a second Enter must not end the answer it just started.
 */
export const ANSWER_KEYS: KeyMap<AnswerAction> = {
  lead: 'interview.answer.keys',
  bindings: [
    { action: 'done', keys: ['space'], footer: 'interview.key.done', help: 'interview.help.done' },
    { action: 'retry', keys: ['r'], footer: 'interview.key.retry', help: 'interview.help.retry' },
    { action: 'stop', keys: ['q', 'escape'], footer: 'interview.key.stop', help: 'interview.help.stop' },
    { action: 'help', keys: ['?'], footer: 'interview.key.help' },
    { action: 'abort', keys: ['C-c'], help: 'interview.help.abort' },
  ],
};

/** What ended an answer: Space, r (start the answer over), q/Esc (stop the interview, keep what is finished) or Ctrl-C. */
export type AnswerOutcome = 'finished' | 'retry' | 'stopped' | 'abort';

/** The answer clock: the rehearsal timer with one split, and the `?` help over it. */
export interface AnswerState {
  timer: TimerState;
  mode: 'live' | 'help';
  outcome: AnswerOutcome | null;
}

export function startAnswer(now: number): AnswerState {
  return { timer: createTimer(1, now), mode: 'live', outcome: null };
}

/** Keys → the answer clock, as ANSWER_KEYS says. Pure. */
export function pressAnswerKey(state: AnswerState, key: KeyPress, now: number): AnswerState {
  if (state.outcome) return state;
  const action = actionOf(ANSWER_KEYS, key);
  if (action === 'abort') return { ...state, timer: applyEvent(state.timer, 'stop', now), outcome: 'abort' };
  const timer = settle(state.timer, now);
  // The help is read, then any key closes it (and does nothing else).
  if (state.mode === 'help') return { ...state, timer, mode: 'live' };
  if (action === 'help') return { ...state, timer, mode: 'help' };
  if (action === 'done') return { ...state, timer: applyEvent(timer, 'split', now), outcome: 'finished' };
  if (action === 'retry') return { ...state, timer: applyEvent(timer, 'stop', now), outcome: 'retry' };
  if (action === 'stop') return { ...state, timer: applyEvent(timer, 'stop', now), outcome: 'stopped' };
  return { ...state, timer };
}
