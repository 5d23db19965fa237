import { Chalk } from 'chalk';
import fc from 'fast-check';
import { wrapAnsi as fastWrapAnsi } from 'fast-wrap-ansi';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  fitLine,
  foldKeys,
  padEnd,
  truncate,
  visibleWidth,
  wrapInlines,
  wrapStyled,
  wrapText,
} from '../../../src/ui/text-layout.js';
import wrapAnsi from 'wrap-ansi';

const chalk = new Chalk({ level: 3 });
const tokens = (text: string) => stripVTControlCharacters(text).normalize().split(/\s+/u).filter(Boolean);

// Words as people write them: accents (precomposed and combining), wide characters, URLs, commands.
const word = fc.oneof(
  fc.constantFrom('été', 'e\u0301te\u0301', 'l’écosystème', 'Bâle', 'IV', '日本語', '🙂', 'N2/N3', 'full‑stack'),
  fc.constantFrom('https://spark.apache.org/docs/latest/', 'pitch', 'rehearse', '--only', '5', '«', '»'),
  fc.stringMatching(/^[a-zà-ÿ]{1,12}$/),
);
const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((w) => w.join(' '));

describe('display width', () => {
  it('counts columns, not code units: accents, combining marks, wide and zero-width characters', () => {
    expect(visibleWidth('été')).toBe(3);
    expect(visibleWidth('e\u0301te\u0301')).toBe(3);
    expect(visibleWidth('日本')).toBe(4);
    expect(visibleWidth('a\u200bb')).toBe(2);
    expect(visibleWidth(chalk.bold('gras'))).toBe(4);
    expect(visibleWidth(padEnd('日本', 6))).toBe(6);
  });
});

describe('wrapping', () => {
  it('never cuts a word and never exceeds the width when every word fits', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 42, max: 120 }), (text, width) => {
        const lines = wrapText(text, width, '  ', '    ');
        expect(tokens(lines.join('\n'))).toEqual(tokens(text));
        for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('puts a token longer than the line on a line of its own, whole', () => {
    const url = 'https://spark.apache.org/docs/latest/rdd-programming-guide.html#rdd-operations';
    const lines = wrapText(`Source : ${url} pour la suite`, 40);
    expect(lines).toContain(url);
    expect(lines[0]).toBe('Source :');
  });

  it('keeps a command together: « pitch rehearse 1 --only 5 » is never split inside a token', () => {
    const lines = wrapText('Essayez pitch rehearse 1 --only 5 pour reprendre cette étape précise', 24);
    for (const token of ['pitch', 'rehearse', '--only']) expect(lines.some((l) => l.includes(token))).toBe(true);
    expect(tokens(lines.join(' '))).toEqual(
      tokens('Essayez pitch rehearse 1 --only 5 pour reprendre cette étape précise'),
    );
  });

  it('keeps styles on wrapped lines and punctuation glued to its word', () => {
    const lines = wrapInlines(
      [
        { text: 'Je m’appelle ', bold: false, italic: false, code: false },
        { text: 'Ibrahim', bold: true, italic: false, code: false },
        { text: '. Je travaille sur la plateforme de calcul des risques.', bold: false, italic: false, code: false },
      ],
      20,
      chalk,
    );
    expect(lines.join('\n')).toContain(chalk.bold('Ibrahim'));
    expect(stripVTControlCharacters(lines.join('\n'))).toContain('Ibrahim.');
    for (const line of lines) expect(stripVTControlCharacters(line)).not.toMatch(/^[.,]/);
  });

  it('styled text wraps by its visible width', () => {
    const lines = wrapStyled(`${chalk.red('rouge')} ${chalk.green('vert')} `.repeat(10), 20);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(20);
  });
});

describe('shortening', () => {
  it('cuts at a word boundary, with an ellipsis, within the width', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 12, max: 60 }), (text, width) => {
        const out = truncate(text, width);
        expect(visibleWidth(out)).toBeLessThanOrEqual(width);
        const kept = tokens(out.replace(/…$/u, ''));
        const source = tokens(text);
        // Every kept word is whole, except a single first word too wide for the room.
        if (kept.length > 1 || source[0] === kept[0]) expect(source.slice(0, kept.length)).toEqual(kept);
      }),
    );
    expect(truncate('Bonjour, je m’appelle Ibrahim. Aujourd’hui', 36)).toBe('Bonjour, je m’appelle Ibrahim.…');
  });

  it('fitLine keeps styles and whole words', () => {
    const out = fitLine(`${chalk.bold('Pitch court')} ${chalk.dim('aide : mots-clés · tentative n° 4')}`, 24);
    expect(visibleWidth(out)).toBeLessThanOrEqual(24);
    expect(stripVTControlCharacters(out)).toBe('Pitch court aide :…');
  });
});

describe('footers', () => {
  const keys = 'Espace/Entrée/→ étape · ←/⌫ annuler · s passer · p pause · q arrêter · ? aide';

  it('stay on one line when they fit', () => {
    expect(foldKeys(keys, 100)).toEqual([keys]);
  });

  it.each([40, 60, 69])('fold below 70 columns without losing a key (%i columns)', (width) => {
    const lines = foldKeys(keys, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
    const joined = lines.join(' · ');
    for (const entry of keys.split(' · ')) expect(joined).toContain(entry);
  });
});

describe('narrow text without string-width', () => {
  // What text-layout.ts measures as one column per character (and wraps with fast-wrap-ansi).
  const narrowChars = [
    [0x20, 0x7e],
    [0xa0, 0xac],
    [0xae, 0x2ff],
    [0x2010, 0x2027],
    [0x202f, 0x205e],
    [0x2190, 0x22ff],
    [0x2500, 0x259f],
    [0x25a0, 0x25fc],
    [0x2713, 0x2714],
    [0x2717, 0x2718],
    [0x26a0, 0x26a0],
    [0x276e, 0x276f],
  ].flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, k) => String.fromCodePoint(from! + k)));
  const narrowWord = fc.array(fc.constantFrom(...narrowChars.filter((c) => c !== ' ')), {
    minLength: 1,
    maxLength: 14,
  });
  const narrowSentence = fc
    .array(fc.tuple(narrowWord, fc.constantFrom(' ', ' ', '  ', '\u00a0'), fc.constantFrom('plain', 'bold', 'red')), {
      minLength: 1,
      maxLength: 30,
    })
    .map((parts) =>
      parts
        .map(([w, gap, style]) => {
          const text = w.join('');
          return (style === 'plain' ? text : chalk[style](text)) + gap;
        })
        .join(''),
    );

  it('gives every character of the set the width string-width gives it, alone and in strings', () => {
    for (const c of narrowChars) expect(visibleWidth(c), c).toBe(stringWidth(c));
    fc.assert(fc.property(narrowSentence, (text) => visibleWidth(text) === stringWidth(text)));
  });

  it('leaves the soft hyphen, combining accents, wide characters and emoji to string-width', () => {
    expect(visibleWidth('co\u00adop')).toBe(4);
    expect(visibleWidth('e\u0301')).toBe(1);
    expect(visibleWidth('日本語 ok')).toBe(9);
    expect(visibleWidth('🙂 ok')).toBe(5);
    // A dingbat of the narrow set in its emoji form (the variation selector after it) is two columns.
    expect(visibleWidth('\u26a0\ufe0f ok')).toBe(stringWidth('\u26a0\ufe0f ok'));
  });

  it('wraps as wrap-ansi does: plain or coloured (wrapStyled), plain and cut hard (fitLine)', () => {
    const soft = { hard: false, trim: true, wordWrap: true };
    const hard = { hard: true, trim: false, wordWrap: true };
    fc.assert(
      fc.property(narrowSentence, fc.integer({ min: 1, max: 70 }), (text, columns) => {
        expect(fastWrapAnsi(text, columns, soft)).toBe(wrapAnsi(text, columns, soft));
        const plain = stripVTControlCharacters(text);
        expect(fastWrapAnsi(plain, columns, hard)).toBe(wrapAnsi(plain, columns, hard));
      }),
      { numRuns: 2000 },
    );
  });
});
