import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Question, StoredCard, Topic } from '../../../src/quiz/types.js';
import { followUpsFor, selectInterviewQuestions, sameSubject } from '../../../src/interview/select.js';
import {
  answerDone,
  keyPointsTicked,
  pitchDone,
  rated,
  startInterview,
  stopInterview,
  suggestRating,
  answerBand,
  bandOf,
} from '../../../src/interview/state.js';
import { buildInterviewReport } from '../../../src/interview/report.js';
import { seededRandom } from '../../helpers/random.js';

const NOW = new Date('2026-11-26T10:00:00Z');
function q(topic: string, n: number, subject: string, kind: Question['kind'] = 'open'): Question {
  return {
    id: `${topic}-${subject}-${n}`,
    topic,
    kind,
    difficulty: 2,
    subject,
    prompt: `${topic} ${subject} ${n} ?`,
    keyPoints:
      kind === 'open'
        ? [
            { point: 'a', accept: ['a'] },
            { point: 'b', accept: ['b'] },
          ]
        : undefined,
    modelAnswer: 'm',
    origin: `${topic}.yaml:1`,
  };
}
function topic(id: string, subjects: string[], perSubject = 2): Topic {
  return {
    id,
    title: id,
    aliases: [],
    synonyms: [],
    questions: subjects
      .flatMap((s) => Array.from({ length: perSubject }, (_, i) => q(id, i, s)))
      .concat(q(id, 9, 'mcq-only', 'mcq')),
  };
}
const card = (due: string, lapses = 0, state = 2): StoredCard => ({
  due,
  stability: 5,
  difficulty: 5,
  elapsed_days: 3,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 4,
  lapses,
  state,
  last_review: '2026-11-20T10:00:00Z',
});

const spark = topic('spark', ['aqe', 'shuffle', 'skew']);
const argo = topic('argo', ['retry', 'dag']);
const behavioral = topic('behavioral', ['incident', 'conflict']);

describe('choosing interview questions', () => {
  it('mixes topics, asks only spoken (open) questions, closes with one behavioural question', () => {
    const picked = selectInterviewQuestions({
      topics: [spark, argo],
      behavioral,
      cards: {},
      now: NOW,
      count: 5,
      rng: seededRandom(1),
    });
    expect(picked).toHaveLength(5);
    expect(new Set(picked.slice(0, 4).map((x) => x.topic))).toEqual(new Set(['spark', 'argo']));
    expect(picked[4]!.topic).toBe('behavioral');
    expect(picked.every((x) => x.kind === 'open')).toBe(true);
  });

  it('opens with one or two follow-ups on the pitch, then the stack, then the behavioural close', () => {
    const followUps = topic('pitch-followups', ['tuning', 'gitops', 'incident']).questions;
    const counts = new Map<number, number>();
    for (let seed = 1; seed <= 100; seed++) {
      const picked = selectInterviewQuestions({
        topics: [spark, argo],
        behavioral,
        cards: {},
        now: NOW,
        count: 5,
        rng: seededRandom(seed),
        followUps,
      });
      expect(picked).toHaveLength(5);
      const n = picked.filter((x) => x.topic === 'pitch-followups').length;
      counts.set(n, (counts.get(n) ?? 0) + 1);
      // Follow-ups first, never after a stack question; the behavioural one still closes.
      expect(picked.slice(0, n).every((x) => x.topic === 'pitch-followups')).toBe(true);
      expect(picked.slice(n, 4).every((x) => x.topic === 'spark' || x.topic === 'argo')).toBe(true);
      expect(picked[4]!.topic).toBe('behavioral');
    }
    expect([...counts.keys()].sort()).toEqual([1, 2]);
    // A short interview gets one; a single question stays a stack question.
    const short = { topics: [spark], behavioral: null, cards: {}, now: NOW, followUps };
    expect(selectInterviewQuestions({ ...short, count: 3, rng: seededRandom(3) })[0]!.topic).toBe('pitch-followups');
    expect(selectInterviewQuestions({ ...short, count: 1, rng: seededRandom(3) })[0]!.topic).toBe('spark');
  });

  it('the same seed draws the same interview, follow-ups included', () => {
    const followUps = topic('pitch-followups', ['tuning', 'gitops']).questions;
    const draw = () =>
      selectInterviewQuestions({
        topics: [spark, argo],
        behavioral,
        cards: {},
        now: NOW,
        count: 6,
        rng: seededRandom(42),
        followUps,
      }).map((x) => x.id);
    expect(draw()).toEqual(draw());
  });

  it('keeps only the follow-ups that fit the pitch delivered', () => {
    const ask = (id: string, pitchRef: string | undefined, origin = 'pitch-followups.yaml:3'): Question => ({
      ...q('pitch-followups', 1, id),
      id,
      pitchRef,
      origin,
    });
    const pack: Topic = {
      id: 'pitch-followups',
      title: 't',
      aliases: [],
      synonyms: [],
      questions: [
        ask('a', '2.3.1'),
        ask('b', '9'),
        ask('c', undefined),
        { ...ask('d', '1'), kind: 'flash', keyPoints: undefined },
        ask('e', '1', '/home/me/questions/mine.yaml:4'),
      ],
    };
    const sections = new Set(['1', '2', '2.3', '2.3.1']);
    expect(followUpsFor(pack, sections, true).map((x) => x.id)).toEqual(['a', 'e']);
    // A pitch of one's own: the bundled follow-ups speak of another pitch; one's own packs still count.
    expect(followUpsFor(pack, sections, false).map((x) => x.id)).toEqual(['e']);
    expect(followUpsFor(undefined, sections, true)).toEqual([]);
  });

  it('never repeats a question nor asks two of the same narrow subject in a row (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 12 }), (seed, count) => {
        const picked = selectInterviewQuestions({
          topics: [spark, argo],
          behavioral,
          cards: {},
          now: NOW,
          count,
          rng: seededRandom(seed),
        });
        expect(new Set(picked.map((x) => x.id)).size).toBe(picked.length);
        for (let i = 1; i < picked.length; i++) expect(sameSubject(picked[i]!, picked[i - 1]!)).toBe(false);
      }),
    );
  });

  it('favours due and weak cards', () => {
    const due = spark.questions.find((x) => x.subject === 'skew')!;
    const cards = { [due.id]: card('2026-11-20T10:00:00Z', 3) };
    let hits = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const picked = selectInterviewQuestions({
        topics: [spark],
        behavioral: null,
        cards,
        now: NOW,
        count: 1,
        rng: seededRandom(seed),
      });
      if (picked[0]!.id === due.id) hits++;
    }
    // 6 open questions: uniform would pick it ~33 times in 200; weighting makes it a clear favourite.
    expect(hits).toBeGreaterThan(100);
  });
});

describe('the interview state machine', () => {
  const questions = [spark.questions[0]!, argo.questions[0]!];
  it('goes pitch → answer → review → rate for each question → done', () => {
    let s = startInterview(questions, true);
    expect(s.phase).toBe('pitch');
    s = pitchDone(s, 'att-1');
    expect(s).toMatchObject({ phase: 'answer', index: 0, pitchAttemptId: 'att-1' });
    s = answerDone(s, 62.34);
    expect(s.answers[0]!.seconds).toBe(62.3);
    s = keyPointsTicked(s, [true, true]);
    expect(s.answers[0]!.suggested).toBe(4);
    s = rated(s, 3);
    expect(s).toMatchObject({ phase: 'answer', index: 1 });
    s = answerDone(s, 20);
    s = keyPointsTicked(s, [true, false]);
    expect(s.answers[1]!.suggested).toBe(2);
    s = rated(s, 2);
    expect(s.phase).toBe('done');
    expect(s.interrupted).toBe(false);
  });

  it('ignores events out of order and keeps finished answers on stop', () => {
    let s = startInterview(questions, false);
    expect(rated(s, 3)).toBe(s);
    s = answerDone(s, 50);
    s = stopInterview(s);
    expect(s).toMatchObject({ phase: 'done', interrupted: true });
    expect(s.answers[0]!.seconds).toBe(50);
    expect(s.answers[0]!.rating).toBeNull();
  });

  it('suggests a rating from the key points covered and the answer length', () => {
    expect(suggestRating([true, true, true], 60)).toBe(4);
    expect(suggestRating([true, true, true], 20)).toBe(3);
    expect(suggestRating([true, true, false], 60)).toBe(2);
    expect(suggestRating([true, false, false], 60)).toBe(1);
    expect(suggestRating([], 60)).toBe(3);
  });
});

describe('answer length against the answer clock', () => {
  it('with --answer-time 30s: a 20 s answer is the right length, a 36 s one too long, 10 s too short', () => {
    const band = answerBand(30);
    expect(band).toEqual({ min: 12, max: 30 });
    expect([10, 20, 36].map((x) => bandOf(x, band))).toEqual(['short', 'good', 'long']);
  });
  it('with the default 1:30 clock: 1:38.6 is too long, 40 s the right length, 30 s too short', () => {
    expect([98.6, 40, 30].map((x) => bandOf(x))).toEqual(['long', 'good', 'short']);
  });
  it('shows the usual 45–120 s guide only with the default clock', () => {
    expect(buildInterviewReport(null, null, [], {}).guide).toEqual({ min: 45, max: 120 });
    expect(buildInterviewReport(null, null, [], {}, answerBand(30)).guide).toBeNull();
  });
});

describe('the interview report', () => {
  it('gives each answer its band, coverage, the weakest topic and the next review', () => {
    let s = startInterview([spark.questions[0]!, argo.questions[0]!, argo.questions[2]!], false);
    for (const [secs, cov, r] of [
      [30, [true, true], 3],
      [130, [false, false], 1],
      [70, [true, false], 2],
    ] as const) {
      s = rated(keyPointsTicked(answerDone(s, secs), cov as unknown as boolean[]), r);
    }
    const cards = {
      [argo.questions[0]!.id]: card('2026-11-27T10:00:00Z'),
      [spark.questions[0]!.id]: card('2026-11-30T10:00:00Z'),
    };
    const pitch = {
      id: 'a',
      startedAt: NOW.toISOString(),
      sectionId: '1',
      sectionTitle: 'P',
      targetSeconds: 120,
      promptLevel: 'none' as const,
      kind: 'complete' as const,
      totalSeconds: 131.5,
      splits: [],
      words: 240,
    };
    const r = buildInterviewReport(pitch, 125, s.answers, cards);
    expect(r.pitch).toMatchObject({ deltaSeconds: 11.5, personalBest: 125 });
    expect(r.answers.map((a) => a.band)).toEqual(['short', 'long', 'good']);
    expect(r.answers[1]!.missed).toEqual(['a', 'b']);
    expect(r.coverage).toBeCloseTo(3 / 6);
    expect(r.weakestTopic).toBe('argo');
    expect(r.nextDue).toBe('2026-11-27T10:00:00Z');
  });
});
