import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { actionOf, type KeyMap, type KeyPress } from '../../../src/core/keymap.js';
import { CONFIRM_STOP_KEYS, LIVE_KEYS } from '../../../src/rehearsal/keys.js';
import { ANSWER_KEYS, pressAnswerKey, startAnswer, type AnswerState } from '../../../src/interview/answer.js';
import { pressKey, startSession, type SessionState } from '../../../src/rehearsal/session.js';
import { createTimer } from '../../../src/rehearsal/timer.js';
import { renderKeyFooter, renderKeyHelp } from '../../../src/ui/render/keymap.js';
import { renderAnswerScreen } from '../../../src/ui/render/interview.js';
import { renderLive } from '../../../src/ui/render/live-view.js';
import { translator } from '../../../src/i18n/index.js';

const chalk = new Chalk({ level: 0 });
const t = translator('fr');

/** Every key a terminal can send that a screen might react to: letters, digits, punctuation, named keys. */
const ALL_KEYS: KeyPress[] = [
  ...'abcdefghijklmnopqrstuvwxyz0123456789'.split('').map((c) => ({ name: c, sequence: c })),
  ...'?!/.,;:-+*'.split('').map((c) => ({ sequence: c })),
  ...[
    'space',
    'return',
    'enter',
    'tab',
    'escape',
    'backspace',
    'delete',
    'left',
    'right',
    'up',
    'down',
    'home',
    'end',
  ].map((name) => ({ name })),
  { name: 'c', ctrl: true },
  { name: 'd', ctrl: true },
];
const idOf = (k: KeyPress) => (k.ctrl ? `C-${k.name}` : (k.name ?? k.sequence!));

const answerScreen = (s: AnswerState) =>
  renderAnswerScreen({
    n: 1,
    total: 2,
    topicTitle: 'Spark',
    prompt: 'Pourquoi ?',
    elapsedSeconds: 3,
    answerSeconds: 90,
    help: s.mode === 'help',
    width: 200,
    rows: 40,
    t,
    chalk,
  });
const split = { key: 'a', title: 'A', units: [], words: 10, budgetSeconds: 10 };
const liveScreen = (s: SessionState) =>
  renderLive({
    sectionTitle: 'S',
    splits: [split, { ...split, key: 'b', title: 'B' }],
    firstNumber: 1,
    session: s,
    now: 1000,
    targetSeconds: 20,
    level: 'full',
    bestSegments: {},
    pbCumulative: [null, null],
    attemptNumber: 1,
    practice: false,
    width: 200,
    rows: 40,
    t,
    chalk,
  });

describe.each([
  ['rehearsal live screen', LIVE_KEYS],
  ['rehearsal stop confirmation', CONFIRM_STOP_KEYS],
  ['interview answer screen', ANSWER_KEYS],
] as Array<[string, KeyMap<string>]>)('%s: one key table feeds footer, help and handler', (_, map) => {
  it('every key that acts is shown in the footer or the help', () => {
    for (const b of map.bindings) expect(b.footer ?? b.help, b.action).toBeDefined();
    const footer = renderKeyFooter(map, t);
    const help = renderKeyHelp(map, t, chalk).join('\n');
    for (const b of map.bindings) {
      if (b.footer) expect(footer).toContain(t(b.footer));
      if (b.help) expect(help).toContain(t(b.help));
    }
  });
  it('a key maps to at most one action, and keys outside the table to none', () => {
    const ids = map.bindings.flatMap((b) => b.keys);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of ALL_KEYS) {
      const inTable = map.bindings.find((b) => b.keys.includes(idOf(k)));
      expect(actionOf(map, k), idOf(k)).toBe(inTable?.action ?? null);
    }
  });
});

describe('the handlers do what their tables say, and nothing else', () => {
  it('rehearsal: a key outside the table leaves the run as it was', () => {
    const running = pressKey(startSession(createTimer(2, 0)), { name: 'space' }, 500);
    for (const k of ALL_KEYS.filter((k) => actionOf(LIVE_KEYS, k) === null)) {
      const after = pressKey(running, k, 800);
      expect(after, idOf(k)).toEqual(running);
    }
  });
  it('rehearsal: the footer drawn is the table’s, in live mode and in the stop confirmation', () => {
    let s = pressKey(startSession(createTimer(2, 0)), { name: 'space' }, 500);
    expect(liveScreen(s)).toContain(renderKeyFooter(LIVE_KEYS, t));
    expect(liveScreen(s)).toContain('Espace/Entrée/→ étape · ←/⌫ annuler · s passer · p pause · q arrêter · ? aide');
    s = pressKey(s, { name: 'q' }, 600);
    expect(liveScreen(s)).toContain('Arrêter : k ou Entrée = garder comme incomplète · d = jeter cette tentative');
    s = pressKey(startSession(createTimer(2, 0)), { sequence: '?' }, 500);
    expect(liveScreen(s)).toContain(t('live.help.split'));
  });
  it('answer screen: each key of the table does its action', () => {
    const s = startAnswer(0);
    expect(pressAnswerKey(s, { name: 'space' }, 2000)).toMatchObject({ outcome: 'finished' });
    expect(pressAnswerKey(s, { name: 'q' }, 2000)).toMatchObject({ outcome: 'stopped' });
    expect(pressAnswerKey(s, { name: 'escape' }, 2000)).toMatchObject({ outcome: 'stopped' });
    expect(pressAnswerKey(s, { name: 'c', ctrl: true }, 2000)).toMatchObject({ outcome: 'abort' });
    expect(pressAnswerKey(s, { sequence: '?' }, 2000)).toMatchObject({ outcome: null, mode: 'help' });
  });
  it('answer screen: keys it does not show (Enter, →, s, p…) do nothing', () => {
    const s = startAnswer(0);
    for (const k of ALL_KEYS.filter((k) => actionOf(ANSWER_KEYS, k) === null))
      expect(pressAnswerKey(s, k, 2000), idOf(k)).toEqual(s);
  });
  it('answer screen: ? shows the help on screen; the next key closes it, and Space then ends the answer', () => {
    let s = pressAnswerKey(startAnswer(0), { sequence: '?' }, 1000);
    const screen = answerScreen(s);
    expect(screen).toContain(t('interview.help.done'));
    expect(screen).toContain(t('live.help.close'));
    expect(screen).not.toContain(renderKeyFooter(ANSWER_KEYS, t));
    s = pressAnswerKey(s, { name: 'space' }, 1500);
    expect(s).toMatchObject({ mode: 'live', outcome: null });
    expect(answerScreen(s)).toContain(
      'Répondez à voix haute · Espace : réponse terminée · r : recommencer · q : arrêter l’entretien · ? : aide',
    );
    s = pressAnswerKey(s, { name: 'space' }, 2000);
    expect(s.outcome).toBe('finished');
  });
});
