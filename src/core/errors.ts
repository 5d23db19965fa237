import type { MessageKey, Params } from '../i18n/index.js';

/** How a failure maps to an exit code: usage → 2, failure → 1, interrupted → 130. */
export type ErrorKind = 'usage' | 'failure' | 'interrupted';

/**
 * The one error type deep code throws. It carries message keys, not sentences,
 * so the top-level handler can speak the user's language.
 */
export class PitchError extends Error {
  readonly kind: ErrorKind;
  readonly key: MessageKey;
  readonly params: Params;
  readonly hint: MessageKey | undefined;
  readonly hintParams: Params;

  constructor(kind: ErrorKind, key: MessageKey, params: Params = {}, hint?: MessageKey, hintParams: Params = {}) {
    super(key);
    this.name = 'PitchError';
    this.kind = kind;
    this.key = key;
    this.params = params;
    this.hint = hint;
    this.hintParams = hintParams;
  }
}

export const usageError = (key: MessageKey, params: Params = {}, hint?: MessageKey, hintParams: Params = {}): PitchError =>
  new PitchError('usage', key, params, hint, hintParams);

export const failure = (key: MessageKey, params: Params = {}, hint?: MessageKey, hintParams: Params = {}): PitchError =>
  new PitchError('failure', key, params, hint, hintParams);

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

export function exitCodeOf(kind: ErrorKind): number {
  return kind === 'usage' ? EXIT.usage : kind === 'interrupted' ? EXIT.interrupted : EXIT.failure;
}
