/**
 * The one prompts adapter: every question the program asks goes through these domain verbs.
 * Built on @inquirer/core only (the ready-made @inquirer/prompts bundle costs ~70 ms to import and
 * lacks the keys a drill wants: digits to answer, 1–4 to rate, u to undo, multi-line answers).
 *
 * One cancellation policy: Ctrl-C (or the terminal closing), SIGTERM and SIGHUP reject with a PitchError
 * of kind 'interrupted' (carrying the signal); the caller saves what it has and main() exits 130 (143, 129).
 */
import type { ChalkInstance } from 'chalk';
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  useEffect,
  useKeypress,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import type { Translate } from '../i18n/index.js';
import type { RatingValue } from '../quiz/types.js';
import { interrupted } from '../core/errors.js';
import { sanitize, sanitizeLine } from './sanitize.js';
import { holdHangups, isTerminalGoneError, markTerminalGone, onTerminalGone } from './terminal.js';
import { visibleWidth, wrapStyled, wrapText } from './text-layout.js';

/** The width @inquirer/core draws at: the terminal's columns, else 80. */
const terminalWidth = () => process.stdout.columns || 80;

/** Where a prompt reads keys and draws (the process's terminal unless a test gives others). */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
}

interface Common {
  t: Translate;
  chalk: ChalkInstance;
}

export interface ChoiceConfig extends Common {
  message: string;
  /** Terminal width (default: the output's columns, else 80). */
  width?: number | undefined;
  options: readonly string[];
  /** Several options: Enter with none ticked is an answer too (key points of a mock-interview answer). */
  allowNone?: boolean | undefined;
}

export interface AnswerConfig extends Common {
  message: string;
  /** Several lines allowed (open answers); a blank line sends. Otherwise Enter sends (cloze). */
  multiline: boolean;
}

export interface RatingConfig extends Common {
  suggestion: RatingValue;
  canUndo: boolean;
  /**
   * Whether the suggestion is pre-selected so that Enter takes it. When the grader is unsure (thin
   * evidence, a contradiction) it is not: the suggestion is only shown and the user picks.
   */
  preselect?: boolean | undefined;
  /** Milliseconds after the prompt appears during which keys are ignored (a double Enter cannot rate). */
  guardMs?: number | undefined;
  /** Monotonic clock in milliseconds (tests inject one). */
  clock?: (() => number) | undefined;
  /** When each rating would bring the card back ("10 min"), shown next to its key when the line fits. */
  intervals?: Partial<Record<RatingValue, string>> | undefined;
  /** Terminal width (default: the output's columns, else 80). */
  width?: number | undefined;
}

export interface ConfirmConfig extends Common {
  message: string;
  default: boolean;
}

export interface RevealConfig extends Common {
  message: string;
}

const HIDE_CURSOR = '\x1b[?25l';
const RATING_KEYS: Record<RatingValue, 'quiz.rating.1' | 'quiz.rating.2' | 'quiz.rating.3' | 'quiz.rating.4'> = {
  1: 'quiz.rating.1',
  2: 'quiz.rating.2',
  3: 'quiz.rating.3',
  4: 'quiz.rating.4',
};

const digitOf = (key: KeypressEvent): number | null => (/^[0-9]$/.test(key.name) ? Number(key.name) : null);

/**
 * readline passes its input's errors on to itself, and inquirer does not listen: a terminal closing under
 * a prompt (EIO when readline turns raw mode off) crashed the process. Each prompt listens instead.
 */
function useTerminalErrors(): void {
  useEffect((rl) => {
    const events = rl as unknown as NodeJS.EventEmitter;
    const onError = (error: unknown) => {
      if (!isTerminalGoneError(error)) throw error;
      markTerminalGone();
    };
    events.on('error', onError);
    return () => void events.off('error', onError);
  }, []);
}

const choicePrompt = createPrompt<number[], ChoiceConfig & { multiple: boolean }>((config, done) => {
  const { t, chalk, options, multiple } = config;
  useTerminalErrors();
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const finish = (chosen: number[]) => {
    setPicked(chosen);
    setStatus('done');
    done(chosen);
  };
  const toggle = (index: number) => {
    setPicked(picked.includes(index) ? picked.filter((i) => i !== index) : [...picked, index].sort((a, b) => a - b));
    setError(undefined);
  };
  useKeypress((key) => {
    if (status !== 'idle') return;
    const digit = digitOf(key);
    if (isUpKey(key)) setActive((active - 1 + options.length) % options.length);
    else if (isDownKey(key)) setActive((active + 1) % options.length);
    else if (digit !== null && digit >= 1 && digit <= options.length) {
      if (multiple) {
        setActive(digit - 1);
        toggle(digit - 1);
      } else finish([digit - 1]);
    } else if (multiple && isSpaceKey(key)) toggle(active);
    else if (isEnterKey(key)) {
      if (!multiple) finish([active]);
      else if (picked.length || config.allowNone) finish(picked);
      else setError(t('quiz.prompt.pickOne'));
    }
  });
  const mark = status === 'done' ? chalk.green('✔') : chalk.cyan('?');
  const message = chalk.bold(sanitizeLine(config.message));
  // Wrapped here at word boundaries: @inquirer/core would otherwise break long lines inside a word.
  const width = config.width ?? terminalWidth();
  if (status === 'done') {
    const chosen = picked.length ? picked.map((i) => `${i + 1}. ${sanitizeLine(options[i] ?? '')}`).join(' · ') : '—';
    return wrapStyled(`${mark} ${message} ${chalk.cyan(chosen)}`, width, '', '  ').join('\n');
  }
  const hint = chalk.dim(t(multiple ? 'quiz.prompt.choicesHint' : 'quiz.prompt.choiceHint', { max: options.length }));
  const lines = options.flatMap((option, i) => {
    const pointer = i === active ? chalk.cyan('❯') : ' ';
    const box = multiple ? (picked.includes(i) ? chalk.green('◉ ') : '◯ ') : '';
    const number = `${i + 1}. `;
    const indent = ' '.repeat(2 + visibleWidth(box) + number.length);
    const paint = (text: string) => (i === active ? chalk.cyan(text) : text);
    return wrapText(option, width, indent).map((line, k) =>
      k === 0 ? `${pointer} ${box}${paint(number + line.slice(indent.length))}` : paint(line),
    );
  });
  return [
    `${wrapStyled(`${mark} ${message} ${hint}`, width, '', '  ').join('\n')}\n${lines.join('\n')}${HIDE_CURSOR}`,
    error ? chalk.red(error) : undefined,
  ];
});

/** While typing, the current line is drawn from its last this-many characters, and only the last few lines above. */
const SHOWN_CHARS = 240;
const SHOWN_LINES = 6;
/** What the finished answer echoes back (the whole answer is still graded and kept). */
const ECHOED_CHARS = 4000;
/** How much of the committed text ← or Home hands back to readline at a time. */
const HANDED_BACK = 256;

interface AnswerText {
  /** Lines already sent with Enter (open answers). */
  lines: string[];
  /** The current line up to where readline's part starts. */
  committed: string;
  /** What readline held of the current line, and its cursor, after the last key: the state this key found. */
  current: string;
  cursor: number;
  finished: boolean;
  frame: number;
  redraw: ReturnType<typeof setImmediate> | null;
}

/** readline's line and cursor, which the answer prompt moves text in and out of. */
type EditableLine = { line: string; cursor: number };

/**
 * Open and cloze answers, linear in the answer's length. A paste arrives as one keypress per character,
 * and three things made each one cost as much as the text typed so far (a 12 KB paste took 17 s):
 * a state change redraws the whole prompt, readline measures its whole line on every insertion, and
 * inquirer moves the terminal's cursor after each key. So the text lives in a ref, not in state; whatever
 * readline has when its cursor is at the end of its line moves out of it into `committed` (readline's line
 * stays empty while one types at the end, so the cursor does not move either); ← or Home at the start of
 * readline's line hands it text back to edit; and one redraw follows each chunk of input, drawing a
 * bounded tail of the text.
 */
const answerPrompt = createPrompt<string, AnswerConfig>((config, done) => {
  const { t, chalk, multiline } = config;
  useTerminalErrors();
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [, setFrame] = useState(0);
  const [answer, setAnswer] = useState('');
  const text = useRef<AnswerText>({
    lines: [],
    committed: '',
    current: '',
    cursor: 0,
    finished: false,
    frame: 0,
    redraw: null,
  });
  const s = text.current;
  useEffect(
    () => () => {
      if (s.redraw) clearImmediate(s.redraw);
    },
    [],
  );
  const finish = (value: string) => {
    s.finished = true;
    if (s.redraw) clearImmediate(s.redraw);
    setAnswer(value);
    setStatus('done');
    done(value);
  };
  const redrawSoon = () => {
    // Every keypress of one chunk of input is emitted in the same turn: one redraw per chunk.
    s.redraw ??= setImmediate(() => {
      s.redraw = null;
      if (!s.finished) setFrame(++s.frame);
    });
  };
  useKeypress((key, inquirerLine) => {
    if (s.finished) return;
    const rl = inquirerLine as unknown as EditableLine;
    if (isEnterKey(key)) {
      // readline has already taken the line: `current` holds what it had of it.
      const line = s.committed + s.current;
      s.committed = '';
      s.current = '';
      s.cursor = 0;
      if (!multiline) return finish(line.trim());
      if (line.trim() === '') return finish(s.lines.join('\n').trim());
      s.lines.push(line);
      return redrawSoon();
    }
    // readline has handled the key already: whether it met the start of its line is known from before.
    const atStart = s.cursor === 0;
    if (isBackspaceKey(key) && atStart && s.committed === '' && s.current === '' && s.lines.length) {
      // Backspace at the start of an empty line goes back up to the previous line.
      s.committed = s.lines.pop()!;
    } else if (isBackspaceKey(key) && atStart) s.committed = s.committed.slice(0, -1);
    else if (atStart && s.committed && key.name === 'left') {
      // readline stopped at its own start: hand it back the end of the committed text, one step taken.
      const back = s.committed.slice(-HANDED_BACK);
      s.committed = s.committed.slice(0, -back.length);
      rl.line = back + rl.line;
      rl.cursor = back.length - 1;
    } else if (s.committed && (key.name === 'home' || (key.ctrl && key.name === 'a'))) {
      rl.line = s.committed + rl.line;
      rl.cursor = 0;
      s.committed = '';
    } else if (key.ctrl && key.name === 'u') s.committed = '';
    if (rl.cursor === rl.line.length && rl.line) {
      s.committed += rl.line;
      rl.line = '';
      rl.cursor = 0;
    }
    s.current = rl.line;
    s.cursor = rl.cursor;
    redrawSoon();
  });
  const message = chalk.bold(sanitizeLine(config.message));
  if (status === 'done') {
    const echoed = answer.length > ECHOED_CHARS ? `${answer.slice(0, ECHOED_CHARS)}…` : answer;
    const shown = answer
      ? sanitize(echoed)
          .split('\n')
          .map((l) => `  ${chalk.cyan(l)}`)
          .join('\n')
      : `  ${chalk.dim(t('quiz.prompt.noAnswer'))}`;
    return `${chalk.green('✔')} ${message}\n${shown}`;
  }
  const tail = (text: string, cut = text.length > SHOWN_CHARS) =>
    cut ? `${chalk.dim('…')}${sanitizeLine(text.slice(-SHOWN_CHARS))}` : sanitizeLine(text);
  const value = tail(
    `${s.committed.slice(-SHOWN_CHARS)}${s.current}`,
    s.committed.length + s.current.length > SHOWN_CHARS,
  );
  if (!multiline)
    return [`${chalk.cyan('?')} ${message} ${chalk.cyan('›')} ${value}`, chalk.dim(t('quiz.prompt.lineHint'))];
  const above = s.lines.slice(-SHOWN_LINES).map((l) => `  ${tail(l)}`);
  if (s.lines.length > SHOWN_LINES) above.unshift(`  ${chalk.dim('…')}`);
  const previous = above.join('\n');
  return [
    `${chalk.cyan('?')} ${message}\n${previous ? previous + '\n' : ''}${chalk.cyan('›')} ${value}`,
    chalk.dim(t('quiz.prompt.answerHint')),
  ];
});

/** Keys pressed this soon after the rating prompt appears are dropped: they were meant for the previous screen. */
export const RATING_GUARD_MS = 300;

const ratingPrompt = createPrompt<RatingValue | 'undo', RatingConfig>((config, done) => {
  const { t, chalk, suggestion, canUndo, intervals } = config;
  const preselect = config.preselect ?? true;
  const clock = config.clock ?? (() => performance.now());
  const shownAt = useRef<number | null>(null);
  shownAt.current ??= clock();
  useTerminalErrors();
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState<RatingValue | null>(preselect ? suggestion : null);
  const [note, setNote] = useState<string | undefined>(undefined);
  const finish = (rating: RatingValue) => {
    setActive(rating);
    setStatus('done');
    done(rating);
  };
  useKeypress((key) => {
    if (status !== 'idle') return;
    if (clock() - shownAt.current! < (config.guardMs ?? RATING_GUARD_MS)) return;
    const digit = digitOf(key);
    if (digit !== null && digit >= 1 && digit <= 4) finish(digit as RatingValue);
    else if (key.name === 'left' || isUpKey(key)) setActive(Math.max(1, (active ?? suggestion + 1) - 1) as RatingValue);
    else if (key.name === 'right' || isDownKey(key))
      setActive(Math.min(4, (active ?? suggestion - 1) + 1) as RatingValue);
    else if (isEnterKey(key)) {
      if (active === null) setNote(t('quiz.prompt.pickRating'));
      else finish(active);
    } else if (key.name === 'u') {
      if (canUndo) {
        setStatus('done');
        setNote(t('quiz.prompt.undone'));
        done('undo');
      } else setNote(t('quiz.prompt.nothingToUndo'));
    }
  });
  const label = (r: RatingValue) => `${r} ${t(RATING_KEYS[r])}`;
  if (status === 'done') {
    if (note) return chalk.yellow(`↶ ${note}`);
    return `${chalk.green('✔')} ${chalk.bold(t('quiz.prompt.rating'))} ${chalk.cyan(label(active ?? suggestion))}`;
  }
  const ratings = [1, 2, 3, 4] as RatingValue[];
  const plain = (withIntervals: boolean) =>
    ratings.map((r) => ` ${label(r)}${withIntervals && intervals?.[r] ? ` (${intervals[r]})` : ''} `).join(' ').length +
    t('quiz.prompt.rating').length +
    3;
  // Intervals are a bonus: on a narrow terminal the four ratings keep one line without them.
  const showIntervals = Boolean(intervals) && plain(true) < (config.width ?? terminalWidth());
  const choices = ratings.map((r) => {
    const text = label(r) + (showIntervals && intervals?.[r] ? chalk.dim(` (${intervals[r]})`) : '');
    return r === active ? chalk.cyan.bold(`[${text}]`) : ` ${text} `;
  });
  const hint = preselect
    ? t(canUndo ? 'quiz.prompt.ratingHintUndo' : 'quiz.prompt.ratingHint', {
        label: t(RATING_KEYS[suggestion]),
        key: suggestion,
      })
    : t(canUndo ? 'quiz.prompt.ratingHintNoneUndo' : 'quiz.prompt.ratingHintNone');
  const width = config.width ?? terminalWidth();
  return [
    `${wrapStyled(`${chalk.cyan('?')} ${chalk.bold(t('quiz.prompt.rating'))} ${choices.join(' ')}`, width, '', '  ').join('\n')}${HIDE_CURSOR}`,
    [...wrapText(hint, width).map((l) => chalk.dim(l)), note ? chalk.yellow(note) : ''].filter(Boolean).join('\n'),
  ];
});

const confirmPrompt = createPrompt<boolean, ConfirmConfig>((config, done) => {
  const { t, chalk } = config;
  useTerminalErrors();
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [answer, setAnswer] = useState(config.default);
  const finish = (value: boolean) => {
    setAnswer(value);
    setStatus('done');
    done(value);
  };
  useKeypress((key) => {
    if (status !== 'idle') return;
    if (['y', 'o'].includes(key.name)) finish(true);
    else if (key.name === 'n') finish(false);
    else if (isEnterKey(key)) finish(config.default);
  });
  const message = chalk.bold(sanitizeLine(config.message));
  if (status === 'done')
    return `${chalk.green('✔')} ${message} ${chalk.cyan(t(answer ? 'quiz.prompt.yes' : 'quiz.prompt.no'))}`;
  return `${chalk.cyan('?')} ${message} ${chalk.dim(t(config.default ? 'quiz.prompt.yesNoDefaultYes' : 'quiz.prompt.yesNoDefaultNo'))}${HIDE_CURSOR}`;
});

const revealPrompt = createPrompt<void, RevealConfig>((config, done) => {
  const { chalk } = config;
  useTerminalErrors();
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (status !== 'idle') return;
    if (isEnterKey(key) || isSpaceKey(key)) {
      setStatus('done');
      done();
    }
  });
  return `${status === 'done' ? chalk.green('✔') : chalk.cyan('?')} ${chalk.bold(sanitizeLine(config.message))}${status === 'done' ? '' : HIDE_CURSOR}`;
});

/**
 * Ctrl-C, a closed terminal, SIGTERM or SIGHUP all become the one 'interrupted' error.
 * Without our own listeners, @inquirer/core's signal-exit would re-raise SIGTERM/SIGHUP and the
 * process would die mid-prompt, cursor hidden and nothing saved; a listener of ours makes it stand
 * aside, and aborting the prompt lets inquirer restore the cursor before the caller saves.
 */
async function guard<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  let received: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGHUP') holdHangups();
    received = signal;
    abort.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // The terminal going away ends the prompt like the SIGHUP that comes with it.
  const stopWatching = onTerminalGone(() => onSignal('SIGHUP'));
  try {
    return await ask(abort.signal);
  } catch (error) {
    if (error instanceof Error && ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'].includes(error.name))
      throw interrupted(received);
    throw error;
  } finally {
    stopWatching();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

/** One option among several (mcq with one right answer); resolves to its index. Digits answer at once. */
export async function askChoice(config: ChoiceConfig, context?: PromptContext): Promise<number> {
  const [index] = await guard((signal) => choicePrompt({ ...config, multiple: false }, { ...context, signal }));
  return index!;
}

/** Several options (mcq with more than one right answer): digits or Space tick, Enter sends. */
export function askChoices(config: ChoiceConfig, context?: PromptContext): Promise<number[]> {
  return guard((signal) => choicePrompt({ ...config, multiple: true }, { ...context, signal }));
}

/** A typed answer: one line (cloze), or several where a blank line sends (open questions). */
export function askAnswer(config: AnswerConfig, context?: PromptContext): Promise<string> {
  return guard((signal) => answerPrompt(config, { ...context, signal }));
}

/** Again / Hard / Good / Easy on keys 1–4, Enter for the suggestion, u to take back the previous rating. */
export function askRating(config: RatingConfig, context?: PromptContext): Promise<RatingValue | 'undo'> {
  return guard((signal) => ratingPrompt(config, { ...context, signal }));
}

export function askConfirm(config: ConfirmConfig, context?: PromptContext): Promise<boolean> {
  return guard((signal) => confirmPrompt(config, { ...context, signal }));
}

/** Waits for Enter (or Space) before a flash card's answer is shown. */
export async function askReveal(config: RevealConfig, context?: PromptContext): Promise<void> {
  await guard((signal) => revealPrompt(config, { ...context, clearPromptOnDone: true, signal }));
}

type Verb<C, R> = (config: Omit<C, 't' | 'chalk'>) => Promise<R>;

/** The verbs bound to a language, colours and a terminal: what commands receive (and tests replace). */
export interface Prompts {
  askChoice: Verb<ChoiceConfig, number>;
  askChoices: Verb<ChoiceConfig, number[]>;
  askAnswer: Verb<AnswerConfig, string>;
  askRating: Verb<RatingConfig, RatingValue | 'undo'>;
  askConfirm: Verb<ConfirmConfig, boolean>;
  askReveal: Verb<RevealConfig, void>;
}

export function createPrompts(common: Common, context?: PromptContext): Prompts {
  return {
    askChoice: (c) => askChoice({ ...common, ...c }, context),
    askChoices: (c) => askChoices({ ...common, ...c }, context),
    askAnswer: (c) => askAnswer({ ...common, ...c }, context),
    askRating: (c) => askRating({ ...common, ...c }, context),
    askConfirm: (c) => askConfirm({ ...common, ...c }, context),
    askReveal: (c) => askReveal({ ...common, ...c }, context),
  };
}
