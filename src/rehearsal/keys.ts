import type { KeyMap } from '../core/keymap.js';

export type LiveAction = 'split' | 'undo' | 'skip' | 'pause' | 'stop' | 'help' | 'abort';

/** The rehearsal's live screen. */
export const LIVE_KEYS: KeyMap<LiveAction> = {
  bindings: [
    { action: 'split', keys: ['space', 'return', 'enter', 'right'], footer: 'live.key.split', help: 'live.help.split' },
    { action: 'undo', keys: ['backspace', 'left'], footer: 'live.key.undo', help: 'live.help.undo' },
    { action: 'skip', keys: ['s'], footer: 'live.key.skip', help: 'live.help.skip' },
    { action: 'pause', keys: ['p'], footer: 'live.key.pause', help: 'live.help.pause' },
    { action: 'stop', keys: ['q', 'escape'], footer: 'live.key.stop', help: 'live.help.stop' },
    { action: 'help', keys: ['?'], footer: 'live.key.help' },
    { action: 'abort', keys: ['C-c'], help: 'live.help.abort' },
  ],
};

export type ConfirmStopAction = 'keep' | 'discard' | 'abort';

/** "Keep or discard?" after q/Esc during a run. */
export const CONFIRM_STOP_KEYS: KeyMap<ConfirmStopAction> = {
  lead: 'live.confirmStop',
  bindings: [
    { action: 'keep', keys: ['k', 'return', 'enter'], footer: 'live.key.keep' },
    { action: 'discard', keys: ['d'], footer: 'live.key.discard' },
    { action: 'abort', keys: ['C-c'], help: 'live.help.abort' },
  ],
};
