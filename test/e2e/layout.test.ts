import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import xterm from '@xterm/headless';
import { homesForThisFile, ROOT } from '../helpers/cli.js';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { cardStates, rehearsalHistory, reviewLog } from '../unit/stats/fixture.js';
import { afterRatingGuard, KEYS, spawnPitch, type PtySession } from '../helpers/pty.js';

const freshHome = homesForThisFile();

/**
 * Every word a screen may show: the pitch, the question packs and every message of the UI. A word cut
 * in two (« Aujou », « rehea ») is in none of them. Words are runs of letters, so numbers, clocks and
 * box drawing are not checked here (their width is).
 */
const vocabulary = await (async () => {
  const texts = [
    readFileSync(join(ROOT, 'data', 'pitch.fr.md'), 'utf8'),
    // The stats test's history, and the month and day names a chart's axis shows.
    readFileSync(join(ROOT, 'test', 'unit', 'stats', 'fixture.ts'), 'utf8'),
  ];
  for (const lang of ['fr', 'en'])
    for (let d = 0; d < 366; d += 3) {
      const day = new Date(Date.UTC(2026, 0, 1 + d));
      for (const month of ['short', 'long'] as const) texts.push(day.toLocaleDateString(lang, { month }));
      for (const weekday of ['short', 'long'] as const) texts.push(day.toLocaleDateString(lang, { weekday }));
    }
  const packs = join(ROOT, 'data', 'questions');
  for (const f of readdirSync(packs)) texts.push(readFileSync(join(packs, f), 'utf8'));
  const messages = join(ROOT, 'src', 'i18n', 'messages');
  for (const f of readdirSync(messages)) {
    const mod = (await import(join(messages, f))) as Record<string, Record<string, { fr: string; en: string }>>;
    for (const table of Object.values(mod)) for (const { fr, en } of Object.values(table)) texts.push(fr, en);
  }
  return new Set(texts.flatMap(words));
})();

function words(text: string): string[] {
  return text.normalize().match(/\p{L}+/gu) ?? [];
}

/**
 * The screen a terminal of that size shows after the output so far, one string per row, and the rows
 * that overflowed (the terminal wrapped them). `resizedAt` replays a resize at that point of the output.
 */
async function screenOf(
  p: PtySession,
  cols: number,
  rows: number,
  resizedAt?: { at: number; cols: number; rows: number },
) {
  const term = new xterm.Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const raw = p.raw();
  const write = (data: string) => new Promise<void>((resolve) => term.write(data, resolve));
  if (resizedAt) {
    await write(raw.slice(0, resizedAt.at));
    term.resize(resizedAt.cols, resizedAt.rows);
    await write(raw.slice(resizedAt.at));
  } else await write(raw);
  const buffer = term.buffer.active;
  const lines: string[] = [];
  const wrapped: string[] = [];
  // Rows the terminal wrapped are one line of output: rejoined, so a long URL reads as the one token it is.
  const logicalLines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y)!;
    lines.push(line.translateToString(true));
    // The one line allowed past the edge: a single token wider than the terminal (a long URL), alone
    // on its line and whole, so it can still be copied.
    const previous = buffer.getLine(y - 1)?.translateToString(true) ?? '';
    const logical = `${previous}${line.translateToString(true)}`;
    if (line.isWrapped && !/^\s*\S+$/.test(logical)) wrapped.push(`${previous}⏎${line.translateToString(true)}`);
    if (line.isWrapped && logicalLines.length) logicalLines[logicalLines.length - 1] += line.translateToString(true);
    else logicalLines.push(line.translateToString(true));
  }
  term.dispose();
  return { lines, wrapped, text: logicalLines.join('\n') };
}

function expectNoCutWord(text: string) {
  const unknown = [...new Set(words(text).filter((w) => !vocabulary.has(w)))];
  expect(unknown, `words on screen that are in no source text:\n${text}`).toEqual([]);
}

describe.each([
  [60, 18],
  [100, 32],
])('at %i×%i, no line wider than the terminal, no word cut, every key of the footer visible', (cols, rows) => {
  const size = { cols, rows };

  it('rehearse', async () => {
    const p = spawnPitch(['rehearse', '--no-countdown', '--target', '40s'], { PITCH_HOME: freshHome() }, size);
    await p.waitFor('▶ 1/5');
    await p.press(KEYS.space, '▶ 2/5');
    // The whole frame: its footer is drawn last.
    await p.press(KEYS.space, /▶ 3\/5[\s\S]*\? aide/);
    const screen = await screenOf(p, cols, rows);
    expect(screen.wrapped).toEqual([]);
    expectNoCutWord(screen.text);
    // The cue of the current split is there, not hidden behind the table.
    expect(screen.text).toMatch(/Dans Bâle IV/);
    for (const key of ['étape', 'annuler', 'passer', 'pause', 'arrêter', 'aide']) expect(screen.text).toContain(key);
    p.write(KEYS.ctrlC);
    await p.exited;
  });

  it('quiz', async () => {
    const p = spawnPitch(
      ['quiz', '--topic', 'spark', '--count', '2', '--mode', 'mcq'],
      { PITCH_HOME: freshHome() },
      size,
    );
    await p.waitFor(/Question 1\/2/);
    await p.waitFor(/❯/);
    await p.press('1', /\? Note/);
    await afterRatingGuard();
    await p.press('3', /Question 2\/2[\s\S]*❯/);
    const screen = await screenOf(p, cols, rows);
    expect(screen.wrapped).toEqual([]);
    expectNoCutWord(screen.text);
    p.write(KEYS.ctrlC);
    await p.exited;
  });

  it('interview', async () => {
    const p = spawnPitch(
      ['interview', '--questions', '1', '--no-pitch', '--answer-time', '30s', '--topics', 'argo'],
      { PITCH_HOME: freshHome() },
      size,
    );
    await p.waitFor('Question 1/1 · Entrée');
    await p.press(KEYS.enter, /réponse terminée[\s\S]*arrêter/, 8000);
    const screen = await screenOf(p, cols, rows);
    expect(screen.wrapped).toEqual([]);
    expectNoCutWord(screen.text);
    for (const key of ['Espace', 'réponse terminée', 'arrêter']) expect(screen.text).toContain(key);
    p.write(KEYS.ctrlC);
    await p.exited;
  });

  it('stats', async () => {
    const home = freshHome();
    // A history first, so every part of the report has something to lay out.
    const store = new Store({ home });
    store.update(historySpec, (doc) => void doc.rehearsals.push(...rehearsalHistory()));
    store.update(cardsSpec, (doc) => {
      Object.assign(doc.cards, cardStates());
      doc.reviews.push(...reviewLog());
    });
    const p = spawnPitch(['stats'], { PITCH_HOME: home }, size);
    await p.exited;
    const screen = await screenOf(p, cols, rows);
    expect(screen.text).toContain('Pitch');
    expect(screen.wrapped).toEqual([]);
    expectNoCutWord(screen.text);
  });
});

describe('resize', () => {
  it('repaints the whole live screen: nothing of the wider frame stays, every key still shows', async () => {
    const p = spawnPitch(
      ['rehearse', '--no-countdown', '--target', '40s'],
      { PITCH_HOME: freshHome() },
      { cols: 100, rows: 32 },
    );
    await p.waitFor('▶ 1/5');
    await p.press(KEYS.space, '▶ 2/5');
    const at = p.raw().length;
    const mark = p.mark();
    p.resize(60, 18);
    // The repaint at the new size: its footer folds onto two lines.
    await p.waitFor(/p pause\s*\n\s*q arrêter/, 10_000, mark);
    await p.press(KEYS.space, /▶ 3\/5[\s\S]*q arrêter · \? aide/);
    const screen = await screenOf(p, 100, 32, { at, cols: 60, rows: 18 });
    const visible = screen.lines.slice(-18);
    expect(screen.wrapped).toEqual([]);
    for (const line of visible) expect(line.length).toBeLessThanOrEqual(60);
    const text = visible.join('\n');
    expectNoCutWord(text);
    for (const key of ['étape', 'annuler', 'passer', 'pause', 'arrêter', 'aide']) expect(text).toContain(key);
    p.write(KEYS.ctrlC);
    await p.exited;
  });
});
