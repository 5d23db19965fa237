import { describe, expect, it } from 'vitest';
import { interrupted, PitchError } from '../../../src/core/errors.js';
import { runQuiz, type QuizPlan, type QuizPorts } from '../../../src/runners/quiz.js';
import type { CardState } from '../../../src/quiz/schedule.js';
import type { QuizSessionRecord } from '../../../src/quiz/types.js';
import { makeQuestion, makeTopic, seeded } from '../quiz/helpers.js';

const T0 = Date.parse('2026-11-26T09:00:00Z');
const spark = makeTopic('spark', [
  makeQuestion({ id: 's1', kind: 'flash' }),
  makeQuestion({ id: 's2', kind: 'cloze', answers: ['200'] }),
  makeQuestion({ id: 's3', kind: 'mcq', options: ['oui', 'non'], answers: ['oui'] }),
]);
const plan = (over: Partial<QuizPlan> = {}): QuizPlan => ({
  topics: [spark],
  all: false,
  count: 10,
  newCap: 10,
  mode: 'mixed',
  ...over,
});

/** Ports over a card state in memory; the user answers right, rates with the suggestion, and wants to cram. */
function fakes(o: { cram?: boolean; failOn?: 'ask' | 'save' | 'history'; state?: CardState } = {}) {
  const state: CardState = o.state ?? { cards: {}, reviews: [] };
  const log: string[] = [];
  const quizzes: QuizSessionRecord[] = [];
  let clock = T0;
  let asked = 0;
  const ports: QuizPorts = {
    now: () => new Date((clock += 2000)),
    rng: seeded(3),
    newId: () => 'session-1',
    cards: {
      read: () => structuredClone(state.cards),
      update: (change) => {
        if (o.failOn === 'save') throw new Error('disk full');
        return change(state);
      },
    },
    history: {
      addQuiz: (record) => {
        if (o.failOn === 'history') throw new Error('history unwritable');
        quizzes.push(record);
      },
    },
    screen: {
      namePitch: async () => void log.push('pitch'),
      offerCram: async (topics, next) => (log.push(`offer ${topics} ${next}`), o.cram ?? true),
      declined: () => void log.push('declined'),
      starting: ({ cram, count, due }) => void log.push(`start cram=${cram} ${count} due=${due}`),
      async ask(item) {
        if (o.failOn === 'ask' && asked === 1) throw interrupted('SIGTERM');
        asked++;
        const q = item.question;
        if (q.kind === 'mcq') return { kind: 'choice', chosen: [item.shown!.options.indexOf('oui')] };
        if (q.kind === 'cloze') return { kind: 'text', text: '200' };
        return { kind: 'revealed' };
      },
      showGrade: (item, grade) => void log.push(`grade ${item.question.id} ${grade.correct}`),
      async rate(item, request, preview) {
        log.push(`rate ${item.question.id} ${preview ? 'preview' : 'no preview'}`);
        return request.suggestion;
      },
      showUndone: () => {},
    },
  };
  return { ports, state, log, quizzes };
}

describe('runQuiz: the quiz as a runner', () => {
  it('new cards: asked, each rating saved as one change of the card states, the session recorded and summarized', async () => {
    const f = fakes();
    const outcome = await runQuiz(f.ports, plan());
    expect(outcome.kind).toBe('done');
    expect(f.log[0]).toBe('start cram=false 3 due=0');
    expect(f.log.filter((l) => l.startsWith('rate'))).toHaveLength(3);
    expect(f.log.filter((l) => l.startsWith('rate')).every((l) => l.endsWith(' preview'))).toBe(true);
    expect(Object.keys(f.state.cards).sort()).toEqual(['s1', 's2', 's3']);
    expect(f.quizzes).toHaveLength(1);
    expect(f.quizzes[0]).toMatchObject({ id: 'session-1', topics: ['spark'], mode: 'mixed' });
    expect(f.quizzes[0]!.reviews).toHaveLength(3);
    if (outcome.kind === 'done') expect(outcome.summary.questions).toBe(3);
  });

  it('every topic asked for: the record names none', async () => {
    const f = fakes();
    await runQuiz(f.ports, plan({ all: true }));
    expect(f.quizzes[0]!.topics).toEqual([]);
  });

  it('nothing due: the cram offer names the next due card; declined, nothing is asked or written', async () => {
    const first = fakes();
    await runQuiz(first.ports, plan());
    const f = fakes({ cram: false, state: first.state });
    const before = JSON.stringify(f.state);
    expect(await runQuiz(f.ports, plan())).toEqual({ kind: 'declined' });
    expect(f.log[0]).toMatch(/^offer spark 2026-\d\d-\d\dT/);
    expect(f.log.slice(1)).toEqual(['declined']);
    expect(JSON.stringify(f.state)).toBe(before);
    expect(f.quizzes).toEqual([]);
  });

  it('a cram session: no preview of the schedule, no card moves, the session still recorded', async () => {
    const first = fakes();
    await runQuiz(first.ports, plan());
    const f = fakes({ state: first.state });
    const before = JSON.stringify(f.state);
    const outcome = await runQuiz(f.ports, plan());
    expect(outcome.kind).toBe('done');
    expect(f.log).toContain('start cram=true 3 due=0');
    expect(f.log.filter((l) => l.startsWith('rate')).every((l) => l.endsWith('no preview'))).toBe(true);
    expect(JSON.stringify(f.state)).toBe(before);
    expect(f.quizzes[0]).toMatchObject({ cram: true });
  });

  it('--new 0 with nothing reviewed: the offer says no card is due ever', async () => {
    const f = fakes({ cram: false });
    await runQuiz(f.ports, plan({ newCap: 0 }));
    expect(f.log[0]).toBe('offer spark null');
  });

  it('interrupted: what was rated is saved and recorded, the signal handed back', async () => {
    const f = fakes({ failOn: 'ask' });
    expect(await runQuiz(f.ports, plan())).toEqual({ kind: 'interrupted', rated: 1, signal: 'SIGTERM' });
    expect(f.quizzes[0]).toMatchObject({ interrupted: true });
    expect(Object.keys(f.state.cards)).toHaveLength(1);
  });

  it('a rating that cannot be saved ends the session with its error, after the record of what was saved', async () => {
    const f = fakes({ failOn: 'save' });
    await expect(runQuiz(f.ports, plan())).rejects.toThrow('disk full');
    expect(f.quizzes).toEqual([]); // nothing was rated
  });

  it('a history that cannot be written: its error', async () => {
    const f = fakes({ failOn: 'history' });
    await expect(runQuiz(f.ports, plan())).rejects.toThrow('history unwritable');
  });

  it('the pitch topic in play: the shell names the pitch before the session starts', async () => {
    const pitch = makeTopic('pitch', [makeQuestion({ id: 'p1', kind: 'flash' })]);
    const f = fakes();
    await runQuiz(f.ports, plan({ topics: [pitch] }));
    expect(f.log.slice(0, 2)).toEqual(['pitch', 'start cram=false 1 due=0']);
  });

  it('usage errors before anything is shown: an empty bank, no question of the mode', async () => {
    const empty = makeTopic('empty', []);
    const f = fakes();
    await expect(runQuiz(f.ports, plan({ topics: [empty], all: true }))).rejects.toMatchObject({
      key: 'quiz.emptyBank',
    });
    await expect(runQuiz(f.ports, plan({ mode: 'open' }))).rejects.toBeInstanceOf(PitchError);
    expect(f.log).toEqual([]);
  });
});
