import type { MessageKey } from '../i18n/index.js';

/** A key as the terminal reports it (node:readline keypress). */
export interface KeyPress {
  name?: string | undefined;
  sequence?: string | undefined;
  ctrl?: boolean | undefined;
}

/** One action of a screen, the keys that trigger it, and how the screen tells the user about it. */
export interface KeyBinding<A extends string> {
  action: A;
  /** readline key names ('space', 'return', 'left'), typed characters ('s', '?'), or 'C-c' for Ctrl-C. */
  keys: readonly string[];
  /** Its part of the footer; absent when only the `?` help lists it (Ctrl-C). */
  footer?: MessageKey;
  /** Its line in the `?` help; absent when it needs none (the `?` key itself) or the screen has no help. */
  help?: MessageKey;
}

/**
 * The keys of one screen. The footer, the `?` help and the key handler are all read from this table,
 * so a key that does something is always one the screen shows (test/unit/runners/keys.test.ts).
 */
export interface KeyMap<A extends string> {
  /** Footer template around the keys, with a {keys} slot; absent: the keys alone. */
  lead?: MessageKey;
  bindings: readonly KeyBinding<A>[];
}

/** The table's name for a key press: 'C-c' for Ctrl-C, else readline's name, else the character typed. */
export function keyId(key: KeyPress): string {
  const name = key.name ?? key.sequence ?? '';
  return key.ctrl ? `C-${name}` : name;
}

/** The action a key triggers on a screen, or null: a key missing from the table does nothing. */
export function actionOf<A extends string>(map: KeyMap<A>, key: KeyPress): A | null {
  const id = keyId(key);
  // Some terminals report punctuation with a name; the character typed is what the table holds.
  const typed = !key.ctrl && key.sequence && key.sequence.length === 1 ? key.sequence : null;
  for (const b of map.bindings) if (b.keys.includes(id) || (typed !== null && b.keys.includes(typed))) return b.action;
  return null;
}
