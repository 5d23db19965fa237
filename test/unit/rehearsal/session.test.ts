import { describe, expect, it } from 'vitest';
import { pressKey, startSession } from '../../../src/rehearsal/session.js';
import { createTimer } from '../../../src/rehearsal/timer.js';
import { buildAttempt } from '../../../src/rehearsal/attempt.js';
import type { RehearsalPlan } from '../../../src/rehearsal/plan.js';

const plan: RehearsalPlan = {
  sectionId: 's',
  sectionTitle: 'S',
  targetSeconds: 30,
  splits: ['a', 'b', 'c'].map((k, i) => ({ key: `${i + 1}-${k}`, title: k, units: [], words: 10, budgetSeconds: 10 })),
};

describe('keys during a rehearsal', () => {
  it('Space, Enter and → split; ← and Backspace undo; s skips; p pauses', () => {
    let s = startSession(createTimer(3, 0));
    s = pressKey(s, { name: 'space' }, 1000);
    s = pressKey(s, { name: 'left' }, 1500);
    expect(s.timer.marks).toHaveLength(0);
    s = pressKey(s, { name: 'return' }, 2000);
    s = pressKey(s, { name: 's' }, 3000);
    s = pressKey(s, { name: 'p' }, 3500);
    expect(s.timer.phase).toBe('paused');
    s = pressKey(s, { name: 'p' }, 4500);
    s = pressKey(s, { name: 'right' }, 6000);
    expect(s.outcome).toBe('finished');
    const a = buildAttempt({
      id: 'x',
      startedAt: new Date(0),
      plan,
      first: 0,
      count: 3,
      timer: s.timer,
      now: 7000,
      outcome: s.outcome!,
      practice: false,
      promptLevel: 'full',
    });
    // A skipped split: the run reached its end but is not complete.
    expect(a).toMatchObject({ kind: 'incomplete', totalSeconds: 5 });
    expect(a!.splits.map((x) => x.seconds)).toEqual([2, null, 2]);
  });

  it('q asks to keep or discard; k keeps as incomplete, d discards', () => {
    let s = startSession(createTimer(3, 0));
    s = pressKey(s, { name: 'space' }, 1000);
    s = pressKey(s, { name: 'q' }, 2000);
    expect(s.mode).toBe('confirmStop');
    expect(pressKey(s, { name: 'k' }, 3000).outcome).toBe('keep');
    expect(pressKey(s, { name: 'd' }, 3000).outcome).toBe('discard');
    expect(pressKey(s, { name: 'x' }, 3000).outcome).toBeNull();
  });

  it('q before any split discards at once: there is nothing to keep', () => {
    expect(pressKey(startSession(createTimer(3, 0, 3000)), { name: 'escape' }, 500).outcome).toBe('discard');
  });

  it('Ctrl-C aborts with the splits done so far', () => {
    let s = startSession(createTimer(3, 0));
    s = pressKey(s, { name: 'space' }, 1000);
    s = pressKey(s, { name: 'c', ctrl: true }, 1500);
    expect(s.outcome).toBe('abort');
    const a = buildAttempt({
      id: 'x',
      startedAt: new Date(0),
      plan,
      first: 0,
      count: 3,
      timer: s.timer,
      now: 9000,
      outcome: 'abort',
      practice: false,
      promptLevel: 'full',
    });
    expect(a).toMatchObject({ kind: 'aborted', totalSeconds: 1.5 });
  });

  it('? shows the key help, any key closes it without acting', () => {
    let s = startSession(createTimer(3, 0));
    s = pressKey(s, { name: '?', sequence: '?' }, 100);
    expect(s.mode).toBe('help');
    s = pressKey(s, { name: 'space' }, 200);
    expect(s.mode).toBe('live');
    expect(s.timer.marks).toHaveLength(0);
  });

  it('a practice run that reaches the end is saved as practice; a discarded one not at all', () => {
    let s = startSession(createTimer(1, 0));
    s = pressKey(s, { name: 'space' }, 1000);
    expect(
      buildAttempt({
        id: 'x',
        startedAt: new Date(0),
        plan,
        first: 2,
        count: 1,
        timer: s.timer,
        now: 1000,
        outcome: 'finished',
        practice: true,
        promptLevel: 'none',
      }),
    ).toMatchObject({
      kind: 'practice',
      splits: [{ key: '3-c', seconds: 1 }],
    });
    expect(
      buildAttempt({
        id: 'x',
        startedAt: new Date(0),
        plan,
        first: 0,
        count: 1,
        timer: s.timer,
        now: 1000,
        outcome: 'discard',
        practice: false,
        promptLevel: 'none',
      }),
    ).toBeNull();
  });
});
