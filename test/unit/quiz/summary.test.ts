import { describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { summarizeSession, toSessionRecord } from '../../../src/quiz/summary.js';
import type { SessionResult, SessionItem } from '../../../src/quiz/session.js';
import type { Grade } from '../../../src/quiz/grade.js';
import type { RatingValue, StoredCard } from '../../../src/quiz/types.js';
import { renderSummary } from '../../../src/ui/render/quiz-summary.js';
import { translator } from '../../../src/i18n/index.js';
import { makeQuestion, makeTopic } from './helpers.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const inMinutes = (m: number) => new Date(NOW.getTime() + m * 60_000).toISOString();
const card = (due: string, lapses = 0): StoredCard => ({
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses,
  state: 1,
});

const spark = makeTopic('spark', [
  makeQuestion({ id: 'mcq-ok', kind: 'mcq', prompt: 'Quand Spark lit-il ?' }),
  makeQuestion({ id: 'open-half', kind: 'open', prompt: 'Pourquoi un shuffle coûte ?' }),
]);
const argo = makeTopic('argo', [
  makeQuestion({ id: 'flash', kind: 'flash', prompt: 'Exit handler ?' }),
  makeQuestion({ id: 'cloze-ko', kind: 'cloze', prompt: 'retry___' }),
]);
const item = (topicQ: SessionItem['question'], rating: RatingValue, grade: Grade, seconds = 10): SessionItem => ({
  question: topicQ,
  rating,
  grade,
  seconds,
});

const result: SessionResult = {
  startedAt: new Date(NOW.getTime() - 125_000),
  endedAt: NOW,
  interrupted: false,
  cram: false,
  rated: [
    item(spark.questions[0]!, 3, { kind: 'mcq', correct: true, chosen: [1], right: [1], suggested: 3 }),
    item(spark.questions[1]!, 2, {
      kind: 'open',
      sure: true,
      correct: false,
      hits: 1,
      empty: false,
      misconceptions: [],
      suggested: 2,
      points: [
        { point: 'Réseau', hit: true, matched: 'réseau' },
        { point: 'Disque', hit: false },
      ],
    }),
    item(argo.questions[0]!, 4, { kind: 'flash', correct: null, suggested: 3 }),
    item(argo.questions[1]!, 1, { kind: 'cloze', correct: false, expected: 'Strategy', suggested: 1 }),
  ],
};
const cards = {
  'mcq-ok': card(inMinutes(60 * 24 * 3)),
  'open-half': card(inMinutes(6)),
  flash: card(inMinutes(60 * 24 * 10)),
  'cloze-ko': card(inMinutes(1), 2),
  other: card(inMinutes(60 * 30)),
};

describe('end of session', () => {
  const summary = summarizeSession(result, [spark, argo], cards, NOW);

  it('scores graded answers only, per topic too, and keeps the time', () => {
    expect(summary).toMatchObject({
      questions: 4,
      graded: 3,
      correct: 1,
      seconds: 125,
      ratings: { 1: 1, 2: 1, 3: 1, 4: 1 },
    });
    expect(summary.topics).toEqual([
      { id: 'spark', title: 'SPARK', questions: 2, graded: 2, correct: 1, again: 0 },
      { id: 'argo', title: 'ARGO', questions: 2, graded: 1, correct: 0, again: 1 },
    ]);
  });

  it('lists missed key points and the weakest questions, Again first', () => {
    expect(summary.missed).toEqual([
      { questionId: 'open-half', prompt: 'Pourquoi un shuffle coûte ?', point: 'Disque' },
    ]);
    expect(summary.weakest.map((w) => [w.questionId, w.rating, w.lapses])).toEqual([
      ['cloze-ko', 1, 2],
      ['open-half', 2, 0],
    ]);
  });

  it('says when the next reviews are due', () => {
    expect(summary.next).toEqual({ earliest: inMinutes(1), day: 2, week: 4 });
  });

  it('renders all of it as text', () => {
    const text = stripVTControlCharacters(renderSummary(summary, NOW, 100, translator('fr'), new Chalk({ level: 0 })));
    expect(text).toContain('1/3 juste (33 %) · 4 questions en 2 min 05 s');
    expect(text).toMatch(/SPARK\s+1\/2 juste · 2 questions · 0 à revoir/);
    expect(text).toMatch(/Pourquoi un shuffle coûte \?\n +✘ Disque\n/);
    expect(text).not.toContain('open-half');
    expect(text).toMatch(/À revoir\s+retry___/);
    expect(text).not.toContain('cloze-ko');
    expect(text).toContain('Prochaine révision dans 1 min · 2 cartes dues d’ici 24 h, 4 d’ici 7 jours');
  });

  it('is kept in history with what `pitch history` needs', () => {
    const record = toSessionRecord(result, 'abc', ['spark', 'argo'], 'mixed');
    expect(record).toMatchObject({
      id: 'abc',
      topics: ['spark', 'argo'],
      mode: 'mixed',
      cram: false,
      interrupted: false,
      startedAt: result.startedAt.toISOString(),
    });
    expect(record.reviews).toEqual([
      { questionId: 'mcq-ok', topic: 'spark', kind: 'mcq', rating: 3, correct: true, seconds: 10 },
      {
        questionId: 'open-half',
        topic: 'spark',
        kind: 'open',
        rating: 2,
        correct: false,
        seconds: 10,
        missed: ['Disque'],
      },
      { questionId: 'flash', topic: 'argo', kind: 'flash', rating: 4, correct: null, seconds: 10 },
      { questionId: 'cloze-ko', topic: 'argo', kind: 'cloze', rating: 1, correct: false, seconds: 10 },
    ]);
  });

  it('a cram session says the schedule did not move', () => {
    const cram = summarizeSession({ ...result, cram: true }, [spark, argo], cards, NOW);
    expect(cram.next.earliest).toBeNull();
    const text = stripVTControlCharacters(renderSummary(cram, NOW, 100, translator('en'), new Chalk({ level: 0 })));
    expect(text).toContain('Cram session over');
    expect(text).toContain('Schedule unchanged');
  });
});

describe('history and summary tell one story', () => {
  it('pitch history shows the counts of the session summary (a self-rated flash card is not « right »)', async () => {
    const { renderHistory } = await import('../../../src/ui/render/history.js');
    const summary = summarizeSession(result, [spark, argo], cards, NOW);
    const record = toSessionRecord(result, 'session-1', ['spark', 'argo'], 'mixed');
    const text = stripVTControlCharacters(
      renderHistory({ rehearsals: [], quizzes: [record], interviews: [] }, translator('fr'), new Chalk({ level: 0 }), {
        now: NOW,
        lang: 'fr',
        width: 100,
      }),
    );
    const row = text.split('\n').find((l) => l.includes('spark, argo'))!;
    const [, questions, right, again] = row.match(/spark, argo\s+(\d+)\s+(\d+\/\d+)\s+(\d+)/)!;
    expect(Number(questions)).toBe(summary.questions);
    expect(right).toBe(`${summary.correct}/${summary.graded}`);
    expect(Number(again)).toBe(summary.ratings[1]);
    expect(text).not.toContain('session-1');
  });
});
