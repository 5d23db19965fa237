import { usageError } from '../core/errors.js';
import type { MessageKey } from '../i18n/index.js';
import { parseDuration } from '../pitch/duration.js';
import { PROMPT_LEVELS, type PromptLevel } from '../rehearsal/prompt-levels.js';
import { QUIZ_MODES, type QuizMode } from '../quiz/types.js';

/**
 * Option values checked once, at the edge: commander runs these as each option's argParser, so a command
 * receives numbers and known words, never raw text. Each throws the usage error the user has always seen
 * for that option (exit 2, one sentence and a hint). Defaults stay in the commands: commander does not
 * parse them.
 */

/** A duration ("90s", "2m", "1m30", "2:00") in seconds, within [min, max]. */
export function durationOption(
  bad: MessageKey,
  hint: MessageKey,
  range: { min: number; max: number } = { min: 0, max: Number.POSITIVE_INFINITY },
) {
  return (value: string): number => {
    const seconds = parseDuration(value);
    if (seconds === null || seconds < range.min || seconds > range.max) throw usageError(bad, { value }, hint);
    return seconds;
  };
}

/** A whole number written with at most `digits` digits, within [min, max]. */
export function countOption(
  bad: MessageKey,
  hint: MessageKey,
  range: { min: number; max: number; digits: number },
  hintParams: Record<string, string | number> = {},
) {
  const whole = new RegExp(`^\\s*\\d{1,${range.digits}}\\s*$`);
  return (value: string): number => {
    const n = whole.test(value) ? Number(value) : Number.NaN;
    if (!(n >= range.min && n <= range.max)) throw usageError(bad, { value, max: range.max }, hint, hintParams);
    return n;
  };
}

/** --prompt: a cue level, or auto (the fading rule). */
export function promptOption(value: string): PromptLevel | 'auto' {
  if (value !== 'auto' && !(PROMPT_LEVELS as readonly string[]).includes(value))
    throw usageError('rehearse.badPrompt', { value }, 'rehearse.badPromptHint');
  return value as PromptLevel | 'auto';
}

/** --mode: a kind of question, case and spaces ignored. */
export function modeOption(value: string): QuizMode {
  const mode = value.trim().toLowerCase();
  if (!(QUIZ_MODES as readonly string[]).includes(mode))
    throw usageError('quiz.badMode', { value }, 'quiz.modeHint', { list: QUIZ_MODES.join(', ') });
  return mode as QuizMode;
}
