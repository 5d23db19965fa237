import type { ChalkInstance } from 'chalk';
import { wrapAnsi as wrapNarrow } from 'fast-wrap-ansi';
import type { Inline } from '../pitch/model.js';
import { sanitize } from './sanitize.js';

/**
 * The one text-layout module every renderer goes through. Widths are display columns (string-width:
 * an accent is one column whether precomposed or combining, a CJK character or an emoji two,
 * a zero-width character none); wrapping is wrap-ansi at word boundaries, styles kept across lines.
 * A word, a URL or a command is never cut: a token longer than the line goes on a line of its own
 * (the terminal soft-wraps it, so copy-paste still gets it whole). Only `fitLine`, for screens that
 * must not scroll, ever cuts a token, and only one that is wider than the whole line.
 */

/**
 * Text whose every character is one column and a grapheme of its own: printable ASCII, Latin letters
 * (precomposed accents), punctuation (’ « » — …, the narrow no-break space of French numbers), arrows, maths, box drawing, blocks
 * and geometric shapes (▶ ● marks, but not the two emoji squares ◽◾ at its end), and the few dingbats
 * our screens use (✓ ✔ ✗ ✘ ⚠ ❮ ❯: one column each in their text form; followed by the emoji variation
 * selector they would be two, and that selector is outside the set) — nearly all we draw. string-width (and wrap-ansi, built on it) compiles Unicode-property regular expressions and an
 * Intl.Segmenter when its module is evaluated, 20–40 ms of every text command's start-up
 * (docs/performance.md), so it is loaded only for text outside this set (a combining accent, CJK, an
 * emoji, a soft hyphen). test/unit/ui/text-layout.test.ts checks the set against string-width.
 */
const NARROW =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u202f-\u205e\u2190-\u22ff\u2500-\u259f\u25a0-\u25fc\u2713\u2714\u2717\u2718\u26a0\u276e\u276f]*$/;
// Our colours (SGR codes) take no column; any other escape goes to string-width.
const SGR = /\x1b\[[0-9;]*m/g;

/** The text without its colours when the rest is narrow (one column per code unit), else null. */
function narrowText(text: string): string | null {
  const plain = text.includes('\x1b') ? text.replace(SGR, '') : text;
  return NARROW.test(plain) ? plain : null;
}

/** Display width of a string, escape codes ignored. */
export function visibleWidth(text: string): number {
  return narrowText(text)?.length ?? wideLibraries().stringWidth(text);
}

interface WideLibraries {
  stringWidth: typeof import('string-width').default;
  wrapAnsi: typeof import('wrap-ansi').default;
}
let wide: WideLibraries | undefined;

/** string-width and wrap-ansi, evaluated on first use (the bundler turns these requires into lazy module inits). */
function wideLibraries(): WideLibraries {
  wide ??= {
    stringWidth: (require('string-width') as typeof import('string-width')).default,
    wrapAnsi: (require('wrap-ansi') as typeof import('wrap-ansi')).default,
  };
  return wide;
}

/**
 * wrap-ansi's wrapping. Narrow text goes through fast-wrap-ansi, which wraps it the same way (a property
 * test compares them) without string-width's start-up — except coloured text cut hard (fitLine), where
 * the two close the colours differently.
 */
function wrapAnsi(text: string, columns: number, options: { hard: boolean; trim: boolean; wordWrap: boolean }): string {
  const plain = narrowText(text);
  return plain !== null && (!options.hard || plain === text)
    ? wrapNarrow(text, columns, options)
    : wideLibraries().wrapAnsi(text, columns, options);
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(text))) + text;
}

/** Splits a string into grapheme clusters (an accent stays with its letter, an emoji sequence stays whole). */
function graphemes(text: string): string[] {
  if (NARROW.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
let segmenter: Intl.Segmenter | undefined;

/** The longest prefix of plain `text` that fits in `width` columns, cut between graphemes. */
function cutToWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = visibleWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return out;
}

/**
 * Shortens plain text to `width` columns with an ellipsis, at a word boundary: « Bonjour, je m’appelle… »
 * rather than « Bonjour, je m’app… ». When not even the first word fits, the ellipsis stands alone:
 * a word is never shown cut.
 */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 0) return '';
  const room = width - 1;
  const head = cutToWidth(text, room);
  // At a boundary when the next character is a space; otherwise back up to the last space.
  const next = text.slice(head.length, head.length + 1);
  const atBoundary = /\s/u.test(next);
  const lastSpace = head.search(/\s\S*$/u);
  const kept = atBoundary ? head : lastSpace > 0 ? head.slice(0, lastSpace) : '';
  return `${kept.trimEnd()}…`;
}

/** One line of styled text cut to `width` at a word boundary, styles closed (for screens that must not scroll). */
export function fitLine(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  // trim: false keeps a line's indentation; only the spaces before the cut go.
  const first = (wrapAnsi(text, width - 1, { hard: true, trim: false, wordWrap: true }).split('\n')[0] ?? '').replace(
    / +((?:\x1b\[[0-9;]*m)*)$/,
    '$1',
  );
  return `${first}…`;
}

/**
 * Wraps styled text (our own colours; user text must be sanitized first) to `width` columns.
 * `first` prefixes the first line (« • »), `rest` the following ones (hanging indent).
 */
export function wrapStyled(text: string, width: number, first = '', rest = first): string[] {
  const indent = Math.max(visibleWidth(first), visibleWidth(rest));
  const room = Math.max(1, width - indent);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const wrapped = wrapAnsi(paragraph.replace(/\t/g, ' '), room, { hard: false, trim: true, wordWrap: true });
    for (const line of wrapped.split('\n')) lines.push((lines.length === 0 ? first : rest) + line);
  }
  return lines;
}

/** Wraps plain text from anywhere (sanitized here) to `width` columns; see wrapStyled. */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  return wrapStyled(sanitize(text), width, first, rest);
}

/**
 * Wraps formatted runs to `width` columns, keeping bold/italic/code on each word. A word glued to
 * the next run (« **Ibrahim**. ») stays with it, so a line never starts with « . » or « , ».
 */
export function wrapInlines(
  inlines: readonly Inline[],
  width: number,
  chalk: ChalkInstance,
  first = '',
  rest = first,
): string[] {
  return wrapStyled(inlines.map((inline) => paint(sanitize(inline.text), inline, chalk)).join(''), width, first, rest);
}

function paint(text: string, inline: Inline, chalk: ChalkInstance): string {
  // Style word by word: a style never spans a space, so every wrapped line opens and closes its own codes.
  return text.replace(/\S+/gu, (word) => {
    let out = word;
    if (inline.code) out = chalk.cyan(out);
    if (inline.bold) out = chalk.bold(out);
    if (inline.italic) out = chalk.italic(out);
    return out;
  });
}

/**
 * A footer of keys (« Espace étape · q arrêter · ? aide ») on as many lines as it needs, never
 * splitting one key's entry, so every key stays visible on a narrow terminal (two lines below ~70 columns).
 */
export function foldKeys(text: string, width: number, separator = ' · '): string[] {
  const items = text.split(separator);
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && visibleWidth(line) + visibleWidth(separator) + visibleWidth(item) > width) {
      lines.push(line);
      line = item;
    } else line = line ? `${line}${separator}${item}` : item;
  }
  if (line) lines.push(line);
  return lines.flatMap((l) => (visibleWidth(l) > width ? wrapStyled(l, width) : [l]));
}
