import { describe, expect, it } from 'vitest';
import { PitchError } from '../../../src/core/errors.js';
import { buildItems, runSession, type Answer, type SessionItem, type SessionPorts } from '../../../src/quiz/session.js';
import { applyReview, revertReview, type CardState, type UndoToken } from '../../../src/quiz/schedule.js';
import type { RatingValue } from '../../../src/quiz/types.js';
import { makeQuestion, seeded } from './helpers.js';

const T0 = new Date('2026-11-26T09:00:00Z');

const questions = [
  makeQuestion({ id: 'q1', kind: 'mcq', options: ['right', 'wrong'], answers: ['right'] }),
  makeQuestion({
    id: 'q2',
    kind: 'open',
    keyPoints: [
      { point: 'Le réseau', accept: ['réseau'] },
      { point: 'Le disque', accept: ['disque'] },
    ],
  }),
  makeQuestion({ id: 'q3', kind: 'flash' }),
  makeQuestion({ id: 'q4', kind: 'cloze', answers: ['200'] }),
];

interface Script {
  /** What the user answers, per question id. */
  answers: Record<string, (item: SessionItem) => Answer | Promise<Answer>>;
  /** The ratings (or 'undo') the user gives, in order, per question id. */
  ratings: Record<string, Array<RatingValue | 'undo'>>;
  cram?: boolean;
}

/** Ports that answer by question id (never by call order), save into a real card state, and record what happened. */
function scripted(script: Script) {
  const state: CardState = { cards: {}, reviews: [] };
  let clock = T0.getTime();
  const log: string[] = [];
  const asked: string[] = [];
  const queues = Object.fromEntries(Object.entries(script.ratings).map(([id, list]) => [id, [...list]]));
  const ports: SessionPorts = {
    now: () => new Date((clock += 2000)),
    async ask(item) {
      asked.push(item.question.id);
      return script.answers[item.question.id]!(item);
    },
    showGrade(item, grade) {
      log.push(`grade ${item.question.id} ${grade.correct} ${grade.suggested}`);
    },
    async rate(item, request) {
      const next = queues[item.question.id]!.shift();
      if (next === undefined) throw new Error(`no rating scripted for ${item.question.id}`);
      log.push(`rate ${item.question.id}${request.again ? ' again' : ''} canUndo=${request.canUndo} → ${next}`);
      return next;
    },
    showUndone(item) {
      log.push(`undone ${item.question.id}`);
    },
    save(item, rating, seconds) {
      log.push(`save ${item.question.id} ${rating}`);
      return applyReview(state, {
        questionId: item.question.id,
        topic: 't',
        kind: item.question.kind,
        rating,
        seconds,
        session: 's',
        now: new Date(clock),
      });
    },
    unsave(token) {
      log.push(`unsave ${(token as UndoToken).questionId}`);
      revertReview(state, token as UndoToken);
    },
  };
  return { ports, state, log, asked };
}

const pickRight = (item: SessionItem): Answer => ({ kind: 'choice', chosen: item.shown!.right });
const allAnswers: Script['answers'] = {
  q1: pickRight,
  q2: () => ({ kind: 'text', text: 'ça passe par le réseau' }),
  q3: () => ({ kind: 'revealed' }),
  q4: () => ({ kind: 'text', text: '200' }),
};
const run = (script: Script) => {
  const s = scripted(script);
  return {
    ...s,
    result: runSession(buildItems(questions, seeded(4)), s.ports, { cram: script.cram ?? false, synonyms: () => [] }),
  };
};

describe('a session', () => {
  it('asks, grades, rates and saves each question in turn', async () => {
    const { result, log, state } = run({ answers: allAnswers, ratings: { q1: [3], q2: [2], q3: [4], q4: [3] } });
    const r = await result;
    expect(r).toMatchObject({ interrupted: false, cram: false });
    expect(r.rated.map((i) => [i.question.id, i.rating])).toEqual([
      ['q1', 3],
      ['q2', 2],
      ['q3', 4],
      ['q4', 3],
    ]);
    expect(log.filter((l) => l.startsWith('grade'))).toEqual([
      'grade q1 true 4',
      'grade q2 false 2',
      'grade q3 null 3',
      'grade q4 true 4',
    ]);
    expect(Object.keys(state.cards)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(state.reviews.map((e) => e.rating)).toEqual([3, 2, 4, 3]);
    // Saved as given: each save comes right after its rating, before the next question.
    expect(log.filter((l) => !l.startsWith('grade'))).toEqual([
      'rate q1 canUndo=false → 3',
      'save q1 3',
      'rate q2 canUndo=true → 2',
      'save q2 2',
      'rate q3 canUndo=true → 4',
      'save q3 4',
      'rate q4 canUndo=true → 3',
      'save q4 3',
    ]);
  });

  it('u takes back the previous rating: the card returns to its exact state, the question is rated again, not asked again', async () => {
    const undone = run({ answers: allAnswers, ratings: { q1: [4, 2], q2: ['undo', 3], q3: [3], q4: [3] } });
    const r = await undone.result;
    const straight = run({ answers: allAnswers, ratings: { q1: [2], q2: [3], q3: [3], q4: [3] } });
    await straight.result;
    expect(undone.asked).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(undone.log.filter((l) => !l.startsWith('grade'))).toEqual([
      'rate q1 canUndo=false → 4',
      'save q1 4',
      'rate q2 canUndo=true → undo',
      'unsave q1',
      'undone q1',
      'rate q1 again canUndo=false → 2',
      'save q1 2',
      'rate q2 again canUndo=true → 3',
      'save q2 3',
      'rate q3 canUndo=true → 3',
      'save q3 3',
      'rate q4 canUndo=true → 3',
      'save q4 3',
    ]);
    expect(r.rated.map((i) => [i.question.id, i.rating])).toEqual([
      ['q1', 2],
      ['q2', 3],
      ['q3', 3],
      ['q4', 3],
    ]);
    expect(undone.state.reviews.map((e) => [e.questionId, e.rating])).toEqual([
      ['q1', 2],
      ['q2', 3],
      ['q3', 3],
      ['q4', 3],
    ]);
    // Same ratings, same clock ticks for the saves that remain → same card states as if never undone, up to timing.
    expect(Object.keys(undone.state.cards)).toEqual(Object.keys(straight.state.cards));
    expect(undone.state.cards.q1!.reps).toBe(1);
  });

  it('undo can walk back several ratings', async () => {
    const { result, state } = run({
      answers: allAnswers,
      ratings: { q1: [3, 1], q2: [3, 'undo', 2], q3: ['undo', 4], q4: [3] },
    });
    const r = await result;
    expect(r.rated.map((i) => [i.question.id, i.rating])).toEqual([
      ['q1', 1],
      ['q2', 2],
      ['q3', 4],
      ['q4', 3],
    ]);
    expect(state.reviews.map((e) => [e.questionId, e.rating])).toEqual([
      ['q1', 1],
      ['q2', 2],
      ['q3', 4],
      ['q4', 3],
    ]);
    expect(state.cards.q2!.reps).toBe(1);
  });

  it('Ctrl-C mid-session ends it with the ratings already given, all saved', async () => {
    const { result, state, log } = run({
      answers: {
        ...allAnswers,
        q3: () => {
          throw new PitchError('interrupted', 'error.interrupted');
        },
      },
      ratings: { q1: [3], q2: [2] },
    });
    const r = await result;
    expect(r.interrupted).toBe(true);
    expect(r.rated.map((i) => i.question.id)).toEqual(['q1', 'q2']);
    expect(Object.keys(state.cards)).toEqual(['q1', 'q2']);
    expect(log.at(-1)).toBe('save q2 2');
  });

  it('any other error is not swallowed', async () => {
    const { result } = run({
      answers: {
        ...allAnswers,
        q1: () => {
          throw new Error('disk full');
        },
      },
      ratings: {},
    });
    await expect(result).rejects.toThrow('disk full');
  });

  it('a cram session never touches the schedule, undo included', async () => {
    const { result, state, log } = run({
      answers: allAnswers,
      ratings: { q1: [3, 4], q2: ['undo', 1], q3: [3], q4: [3] },
      cram: true,
    });
    const r = await result;
    expect(r).toMatchObject({ cram: true, interrupted: false });
    expect(r.rated.map((i) => i.rating)).toEqual([4, 1, 3, 3]);
    expect(state).toEqual({ cards: {}, reviews: [] });
    expect(log.some((l) => l.startsWith('save') || l.startsWith('unsave'))).toBe(false);
  });

  it('mcq options are shuffled once, when the session is built, by the injected random source', () => {
    const [a] = buildItems(questions, seeded(11));
    const [b] = buildItems(questions, seeded(11));
    expect(a!.shown).toEqual(b!.shown);
    expect(a!.shown!.options[a!.shown!.right[0]!]).toBe('right');
  });
});

describe('what the rating prompt is told', () => {
  const open = makeQuestion({
    id: 'o1',
    kind: 'open',
    prompt: 'Pourquoi le shuffle coûte-t-il cher ?',
    keyPoints: [
      { point: 'Écriture disque', accept: ['écrit sur disque'] },
      { point: 'Transfert réseau', accept: ['passe par le réseau'], contradicts: ['reste en mémoire'] },
    ],
  });
  const preselectFor = async (text: string) => {
    let seen: boolean | undefined;
    await runSession(
      buildItems([open], seeded(1)),
      {
        now: () => T0,
        ask: async () => ({ kind: 'text', text }),
        showGrade: () => {},
        rate: async (_item, request) => {
          seen = request.preselect;
          return 3;
        },
        showUndone: () => {},
        save: () => null,
        unsave: () => {},
      },
      { cram: false, synonyms: () => [] },
    );
    return seen;
  };

  it('pre-selects the suggestion when the grader is sure, not when the answer contradicts itself or evidence is thin', async () => {
    expect(await preselectFor('Le shuffle écrit sur disque puis tout passe par le réseau.')).toBe(true);
    expect(await preselectFor('Il écrit sur disque, et tout reste en mémoire.')).toBe(false);
    expect(await preselectFor('disque')).toBe(true); // nothing earned (a lone word matches no phrasing): Again, surely
  });
});
