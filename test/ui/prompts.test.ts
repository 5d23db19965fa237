// The prompts adapter driven by real keystrokes through @inquirer/testing: what the user sees and what each key does.
import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { askAnswer, askChoice, askChoices, askConfirm, askRating, askReveal } from '../../src/ui/prompts.js';
import { translator } from '../../src/i18n/index.js';
import { PitchError } from '../../src/core/errors.js';

const common = { t: translator('fr'), chalk: new Chalk({ level: 0 }) };
const options = ['Immédiatement', 'À la première action', 'Au démarrage'];
const ctrlC = { name: 'c', ctrl: true };

describe('askChoice (one right answer)', () => {
  it('shows numbered options and answers at once on a digit', async () => {
    const { answer, events, getScreen } = await render(askChoice, { ...common, message: 'Votre réponse', options });
    expect(getScreen()).toContain('? Votre réponse (1–3, ou ↑↓ puis Entrée)');
    expect(getScreen()).toContain('❯ 1. Immédiatement');
    expect(getScreen()).toContain('  2. À la première action');
    events.keypress('2');
    await expect(answer).resolves.toBe(1);
    expect(getScreen()).toBe('✔ Votre réponse 2. À la première action');
  });

  it('arrows move (and wrap), Enter chooses', async () => {
    const { answer, events, getScreen } = await render(askChoice, { ...common, message: 'Votre réponse', options });
    events.keypress('up');
    expect(getScreen()).toContain('❯ 3. Au démarrage');
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
  });

  it('a digit beyond the options does nothing', async () => {
    const { answer, events } = await render(askChoice, { ...common, message: 'Votre réponse', options });
    events.keypress('7');
    events.keypress('3');
    await expect(answer).resolves.toBe(2);
  });

  it('Ctrl-C becomes the one "interrupted" error', async () => {
    const { answer, events } = await render(askChoice, { ...common, message: 'Votre réponse', options });
    events.keypress(ctrlC);
    await expect(answer).rejects.toMatchObject({ kind: 'interrupted', key: 'error.interrupted' });
    await expect(answer).rejects.toBeInstanceOf(PitchError);
  });
});

describe('askChoices (several right answers)', () => {
  it('digits and Space tick, Enter sends the ticked ones in order', async () => {
    const { answer, events, getScreen } = await render(askChoices, { ...common, message: 'Vos réponses', options });
    events.keypress('3');
    events.keypress('1');
    expect(getScreen()).toContain('◉ 1. Immédiatement');
    expect(getScreen()).toContain('◯ 2. À la première action');
    events.keypress('down');
    events.keypress('space');
    events.keypress('space');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([0, 2]);
  });

  it('Enter with nothing ticked asks for one', async () => {
    const { answer, events, getScreen } = await render(askChoices, { ...common, message: 'Vos réponses', options });
    events.keypress('enter');
    expect(getScreen()).toContain('Cochez au moins une réponse.');
    events.keypress('2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual([1]);
  });
});

/** Typed text is drawn once per chunk of input, on the next turn of the event loop. */
const redrawn = () => new Promise((resolve) => setImmediate(resolve));

describe('askAnswer (typed answers)', () => {
  it('several lines; Enter on an empty line sends', async () => {
    const { answer, events, getScreen } = await render(askAnswer, {
      ...common,
      message: 'Votre réponse',
      multiline: true,
    });
    expect(getScreen()).toContain('Entrée sur une ligne vide : valider');
    events.type('le shuffle redistribue');
    events.keypress('enter');
    events.type('et écrit sur disque');
    await redrawn();
    expect(getScreen()).toContain('  le shuffle redistribue\n› et écrit sur disque');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('le shuffle redistribue\net écrit sur disque');
    expect(getScreen()).toBe('✔ Votre réponse\n  le shuffle redistribue\n  et écrit sur disque');
  });

  it('Backspace on an empty line goes back up to the line before', async () => {
    const { answer, events, getScreen } = await render(askAnswer, {
      ...common,
      message: 'Votre réponse',
      multiline: true,
    });
    events.type('première');
    events.keypress('enter');
    events.keypress('backspace');
    await redrawn();
    expect(getScreen()).toContain('› première');
    events.keypress('backspace');
    events.type('e!');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe('première!');
  });

  it('Enter straight away sends an empty answer ("I do not know")', async () => {
    const { answer, events, getScreen } = await render(askAnswer, {
      ...common,
      message: 'Votre réponse',
      multiline: true,
    });
    events.keypress('enter');
    await expect(answer).resolves.toBe('');
    expect(getScreen()).toContain('(pas de réponse)');
  });

  it('a 100 KB paste is taken whole, and only its end is drawn while typing', async () => {
    const { answer, events, getScreen } = await render(askAnswer, {
      ...common,
      message: 'Votre réponse',
      multiline: true,
    });
    let pasted = '';
    for (let i = 0; pasted.length < 100_000; i++) pasted += `mot${i} `;
    events.type(pasted);
    await redrawn();
    const screen = getScreen();
    expect(screen.length).toBeLessThan(1000);
    expect(screen).toContain(`…`);
    expect(screen).toContain(pasted.slice(-50).trim());
    events.keypress('enter');
    events.type('deuxième ligne');
    events.keypress('enter');
    events.keypress('enter');
    await expect(answer).resolves.toBe(`${pasted}\ndeuxième ligne`);
  });

  it('editing keeps working at the far end of a long line: Backspace and ← reach text typed long before', async () => {
    const { answer, events } = await render(askAnswer, {
      ...common,
      message: 'Le mot manquant',
      multiline: false,
    });
    events.type(`${'x'.repeat(600)}yz`);
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    // Back over 300 characters, then one typed there.
    for (let i = 0; i < 300; i++) events.keypress('left');
    events.type('Q');
    events.keypress('enter');
    await expect(answer).resolves.toBe(`${'x'.repeat(299)}Q${'x'.repeat(300)}`);
  });

  it('Backspace deletes one character at a time across the point where the line was split', async () => {
    const { answer, events } = await render(askAnswer, {
      ...common,
      message: 'Le mot manquant',
      multiline: false,
    });
    const typed = Array.from({ length: 700 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    events.type(typed);
    for (let i = 0; i < 450; i++) events.keypress('backspace');
    events.keypress('enter');
    await expect(answer).resolves.toBe(typed.slice(0, 250));
  });

  it('one line for a blank: Enter sends', async () => {
    const { answer, events, getScreen } = await render(askAnswer, {
      ...common,
      message: 'Le mot manquant',
      multiline: false,
    });
    events.type(' 200 ');
    await redrawn();
    expect(getScreen()).toContain('? Le mot manquant ›  200');
    events.keypress('enter');
    await expect(answer).resolves.toBe('200');
  });

  it('Ctrl-C while typing is an interruption', async () => {
    const { answer, events } = await render(askAnswer, { ...common, message: 'Votre réponse', multiline: true });
    events.type('à moitié');
    events.keypress(ctrlC);
    await expect(answer).rejects.toMatchObject({ kind: 'interrupted' });
  });
});

describe('askRating', () => {
  const intervals = { 1: '1 min', 2: '6 min', 3: '10 min', 4: '8 j' };
  /** A clock already past the guard for every key: each reading is a second later than the one before. */
  const later = () => {
    let ms = 0;
    return () => (ms += 1000);
  };
  const rating = { ...common, clock: later() };

  it('shows the four ratings with their intervals; Enter takes the suggestion', async () => {
    const { answer, events, getScreen } = await render(askRating, {
      ...common,
      clock: later(),
      suggestion: 2,
      canUndo: false,
      intervals,
      width: 120,
    });
    expect(getScreen()).toContain('1 À revoir (1 min)');
    expect(getScreen()).toContain('[2 Difficile (6 min)]');
    expect(getScreen()).toContain('Entrée = 2 Difficile');
    expect(getScreen()).not.toContain('u : annuler');
    events.keypress('enter');
    await expect(answer).resolves.toBe(2);
    expect(getScreen()).toBe('✔ Note 2 Difficile');
  });

  it('on a narrow terminal the intervals go, so the four ratings stay on one line', async () => {
    const { answer, events, getScreen } = await render(askRating, {
      ...common,
      clock: later(),
      suggestion: 3,
      canUndo: false,
      intervals,
      width: 60,
    });
    expect(getScreen().split('\n')[0]!.trimEnd()).toBe('? Note  1 À revoir   2 Difficile  [3 Bien]  4 Facile');
    events.keypress('enter');
    await answer;
  });

  it('keys 1–4 rate at once; arrows move the choice', async () => {
    const first = await render(askRating, { ...common, clock: later(), suggestion: 3, canUndo: false });
    first.events.keypress('4');
    await expect(first.answer).resolves.toBe(4);
    const second = await render(askRating, { ...common, clock: later(), suggestion: 3, canUndo: false });
    second.events.keypress('left');
    second.events.keypress('left');
    second.events.keypress('left');
    second.events.keypress('enter');
    await expect(second.answer).resolves.toBe(1);
  });

  it('u takes back the previous rating when there is one', async () => {
    const { answer, events, getScreen } = await render(askRating, {
      ...common,
      clock: later(),
      suggestion: 3,
      canUndo: true,
    });
    expect(getScreen()).toContain('u : annuler la note précédente');
    events.keypress('u');
    await expect(answer).resolves.toBe('undo');
    expect(getScreen()).toBe('↶ Retour à la question précédente');
  });

  it('u with nothing to undo says so and keeps waiting', async () => {
    const { answer, events, getScreen } = await render(askRating, {
      ...common,
      clock: later(),
      suggestion: 3,
      canUndo: false,
    });
    events.keypress('u');
    expect(getScreen()).toContain('Aucune note à annuler.');
    events.keypress('1');
    await expect(answer).resolves.toBe(1);
  });

  it('ignores keys pressed within 300 ms of the prompt appearing: a double Enter cannot rate', async () => {
    let now = 5000;
    const { answer, events, getScreen } = await render(askRating, {
      ...common,
      suggestion: 3,
      canUndo: false,
      clock: () => now,
    });
    now += 120;
    events.keypress('enter');
    events.keypress('1');
    expect(getScreen()).toContain('[3 Bien]');
    now += 250;
    events.keypress('2');
    await expect(answer).resolves.toBe(2);
  });

  it('when the grader is unsure nothing is pre-selected: Enter asks for a choice, the first arrow lands on the suggestion', async () => {
    const { answer, events, getScreen } = await render(askRating, {
      ...rating,
      suggestion: 2,
      canUndo: false,
      preselect: false,
    });
    expect(getScreen()).not.toContain('[');
    expect(getScreen()).toContain('1–4 pour noter');
    events.keypress('enter');
    expect(getScreen()).toContain('Choisissez une note : 1 à 4.');
    events.keypress('right');
    expect(getScreen()).toContain('[2 Difficile]');
    events.keypress('right');
    expect(getScreen()).toContain('[3 Bien]');
    events.keypress('enter');
    await expect(answer).resolves.toBe(3);
  });
});

describe('askConfirm and askReveal', () => {
  it('o/y say yes, n says no, Enter takes the default', async () => {
    const yes = await render(askConfirm, { ...common, message: 'Réviser quand même ?', default: false });
    expect(yes.getScreen()).toBe('? Réviser quand même ? (o/N)');
    yes.events.keypress('o');
    await expect(yes.answer).resolves.toBe(true);
    const no = await render(askConfirm, { ...common, message: 'Réviser quand même ?', default: true });
    no.events.keypress('n');
    await expect(no.answer).resolves.toBe(false);
    const dflt = await render(askConfirm, { ...common, message: 'Réviser quand même ?', default: true });
    dflt.events.keypress('enter');
    await expect(dflt.answer).resolves.toBe(true);
  });

  it('reveal waits for Enter', async () => {
    const { answer, events, getScreen } = await render(askReveal, {
      ...common,
      message: 'Entrée pour voir la réponse',
    });
    expect(getScreen()).toBe('? Entrée pour voir la réponse');
    let done = false;
    void answer.then(() => (done = true));
    events.keypress('x');
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    events.keypress('enter');
    await expect(answer).resolves.toBeUndefined();
  });
});

it('text from packs is shown without its escape sequences', async () => {
  const { answer, events, getScreen } = await render(askChoice, {
    ...common,
    message: 'Q',
    options: ['safe', 'evil\x1b]52;c;aGk=\x07 option'],
  });
  expect(getScreen({ raw: true })).not.toContain('\x1b]52');
  expect(getScreen()).toContain('2. evil option');
  events.keypress('1');
  await answer;
});
