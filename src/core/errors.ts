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
  /** For 'interrupted': the signal that caused it, if not Ctrl-C. */
  signal: NodeJS.Signals | null = null;

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

export const usageError = (
  key: MessageKey,
  params: Params = {},
  hint?: MessageKey,
  hintParams: Params = {},
): PitchError => new PitchError('usage', key, params, hint, hintParams);

export const failure = (key: MessageKey, params: Params = {}, hint?: MessageKey, hintParams: Params = {}): PitchError =>
  new PitchError('failure', key, params, hint, hintParams);

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** Ctrl-C → 130; a SIGTERM or SIGHUP that ended an interactive command → 143 / 129 (128 + signal number). */
export function interrupted(signal: NodeJS.Signals | null = null): PitchError {
  const error = new PitchError('interrupted', 'error.interrupted');
  error.signal = signal;
  return error;
}

const SIGNAL_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGTERM: 143 };

export function exitCodeOf(error: PitchError): number {
  if (error.kind === 'interrupted') return (error.signal && SIGNAL_CODES[error.signal]) || EXIT.interrupted;
  return error.kind === 'usage' ? EXIT.usage : EXIT.failure;
}
