import type { ChalkInstance } from 'chalk';
import type { Inline } from '../pitch/model.js';
import { sanitize } from './sanitize.js';

/** Visible width of a string without escape codes (one column per code point; good enough for Latin text). */
export function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleWidth(text))) + text;
}

/** Cuts a plain string to `width` columns with an ellipsis. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : chars.slice(0, width - 1).join('') + '…';
}

/** A word with its style; `glued` when it touched the previous word without a space ("**Ibrahim**."). */
type StyledWord = { text: string; inline: Inline; glued: boolean };

/**
 * Wraps formatted runs to `width` columns, keeping bold/italic/code on each word.
 * `first` prefixes the first line ("• "), `rest` the following ones (hanging indent).
 */
export function wrapInlines(
  inlines: readonly Inline[],
  width: number,
  chalk: ChalkInstance,
  first = '',
  rest = first,
): string[] {
  const paragraphs: StyledWord[][] = [[]];
  let spaceBefore = true;
  for (const inline of inlines) {
    const parts = sanitize(inline.text).split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        paragraphs.push([]);
        spaceBefore = true;
      }
      for (const m of part.matchAll(/(\s*)(\S+)/gu)) {
        const glued = !spaceBefore && m[1] === '';
        paragraphs[paragraphs.length - 1]!.push({ text: m[2]!, inline, glued });
        spaceBefore = false;
      }
      if (/\s$/u.test(part)) spaceBefore = true;
    });
  }
  const lines: string[] = [];
  for (const words of paragraphs) {
    // Glued words travel together so a line never starts with "." or ",".
    const groups: StyledWord[][] = [];
    for (const w of words) {
      if (w.glued && groups.length) groups[groups.length - 1]!.push(w);
      else groups.push([w]);
    }
    let line: string[] = [];
    let used = 0;
    const flush = () => {
      lines.push((lines.length === 0 ? first : rest) + line.join(' '));
      line = [];
      used = 0;
    };
    for (const group of groups) {
      const w = group.reduce((n, x) => n + visibleWidth(x.text), 0);
      const limit = Math.max(10, width - visibleWidth(lines.length === 0 ? first : rest));
      if (line.length && used + 1 + w > limit) flush();
      used += (line.length ? 1 : 0) + w;
      line.push(group.map((x) => paint(x, chalk)).join(''));
    }
    if (line.length) flush();
  }
  return lines;
}

function paint(word: StyledWord, chalk: ChalkInstance): string {
  let out = word.text;
  if (word.inline.code) out = chalk.cyan(out);
  if (word.inline.bold) out = chalk.bold(out);
  if (word.inline.italic) out = chalk.italic(out);
  return out;
}

/** Wraps plain text (sanitized) to width. */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  for (const paragraph of sanitize(text).split('\n')) {
    const words = paragraph.split(/\s+/u).filter(Boolean);
    let line = '';
    const limit = () => Math.max(10, width - visibleWidth(lines.length ? rest : first));
    for (const word of words) {
      if (line && visibleWidth(line) + 1 + visibleWidth(word) > limit()) {
        lines.push((lines.length ? rest : first) + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push((lines.length ? rest : first) + line);
  }
  return lines;
}
