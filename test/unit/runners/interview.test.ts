import { describe, expect, it } from 'vitest';
import { runInterview, type InterviewOptions, type InterviewPorts } from '../../../src/runners/interview.js';
import type { RehearsalPorts } from '../../../src/runners/rehearsal.js';
import type { ReviewInput } from '../../../src/quiz/schedule.js';
import type { Question, RatingValue, StoredCard, Topic } from '../../../src/quiz/types.js';
import type { InterviewRecord } from '../../../src/interview/types.js';
import type { Attempt } from '../../../src/rehearsal/types.js';
import { interrupted } from '../../../src/core/errors.js';
import { defaultRehearsalSection } from '../../../src/pitch/lookup.js';
import { analyzeSegments } from '../../../src/audio/metrics.js';
import { bundledPitch } from '../../helpers/pitch.js';
import { CTRL_C, fakeClock, fakeRecorder, HELP, play, Q, SPACE, type Step } from './fakes.js';

const R = { name: 'r', sequence: 'r' };

const question = (topic: string, n: number): Question => ({
  id: `${topic}-${n}`,
  topic,
  kind: 'open',
  difficulty: 2,
  subject: `${topic}-subject-${n}`,
  prompt: `${topic} question ${n}?`,
  keyPoints: [
    { point: 'first point', accept: ['first'] },
    { point: 'second point', accept: ['second'] },
  ],
  modelAnswer: 'the model answer',
  origin: `${topic}.yaml:${n}`,
});
const topic = (id: string): Topic => ({
  id,
  title: id.toUpperCase(),
  aliases: [],
  synonyms: [],
  questions: [question(id, 1), question(id, 2)],
});
const options: InterviewOptions = {
  stack: [topic('spark'), topic('argo')],
  behavioral: null,
  count: 2,
  answerSeconds: 90,
  pitch: null,
};

/**
 * An interview on scripted answers: `answers[i]` are the keys of answer i (clock in ms from its start),
 * `ticks[i]` the key points said covered; ratings take the suggestion. Stores live in memory.
 */
function setup(answers: Step[][], ticks: number[][] = [], extra: Partial<InterviewPorts> = {}) {
  const { clock, ports } = fakeClock();
  const log: string[] = [];
  const reviews: ReviewInput[] = [];
  const interviews: InterviewRecord[] = [];
  const rehearsals: Attempt[] = [];
  const cards: Record<string, StoredCard> = {};
  let answered = 0;
  const rehearsal: RehearsalPorts = {
    ...ports,
    recorder: null,
    history: { rehearsals: () => rehearsals, add: (a) => (rehearsals.push(a), rehearsals), confirm: () => rehearsals },
    screen: {
      levelChanged: () => {},
      keepSuspect: async () => {
        throw new Error('the interview never asks to keep a suspect pitch');
      },
      keptSuspect: () => {},
      run: async (spec) =>
        play(
          spec,
          [[1000, { name: 'space' }], ...Array.from({ length: 9 }, (_, i): Step => [2000 + i * 1000, SPACE])],
          clock,
        ),
      discarded: () => {},
      summary: () => {},
    },
  };
  const full: InterviewPorts = {
    ...ports,
    rehearsal,
    recorder: null,
    speak: null,
    newId: () => 'interview-1',
    cards: { read: () => cards, review: (r) => void reviews.push(r) },
    interviews: { add: (r) => void interviews.push(r) },
    screen: {
      intro: (i) => void log.push(`intro ${i.count} ${i.withPitch}`),
      readyForPitch: async () => void log.push('ready pitch'),
      readyForQuestion: async (n, total) => void log.push(`ready ${n}/${total}`),
      speaking: () => void log.push('speaking'),
      retrying: (n, take) => void log.push(`retry ${n} take ${take}`),
      answer: async (spec, view) => {
        log.push(`answer ${view.n} ${view.topic}`);
        const start = clock.ms;
        return play(
          spec,
          answers[answered++]!.map(([ms, key]) => [start + ms, key] as Step),
          clock,
        );
      },
      speech: (take) => void log.push(`speech ${take.file}`),
      spoke: (s, band) => void log.push(`spoke ${s} ${band}`),
      modelAnswer: (text) => void log.push(`model ${text}`),
      tick: async () => ticks[answered - 1] ?? [],
      rate: async (suggestion: RatingValue) => suggestion,
      report: (r, stopped) => void log.push(`report ${r.answers.length} ${stopped}`),
    },
    ...extra,
  };
  return { ports: full, log, reviews, interviews, rehearsals };
}

describe('the interview runner', () => {
  it('asks each question, times the answer, takes the ticked key points and saves each rating', async () => {
    const s = setup([[[50_000, SPACE]], [[20_000, SPACE]]], [[0, 1], [0]]);
    const result = await runInterview(s.ports, options);
    expect(result.aborted).toBe(false);
    const [a, b] = result.record.answers;
    expect(a).toMatchObject({ seconds: 50, covered: [true, true], suggested: 4, rating: 4 });
    expect(b).toMatchObject({ seconds: 20, covered: [true, false], suggested: 2, rating: 2 });
    expect(s.reviews.map((r) => [r.questionId, r.rating, r.seconds])).toEqual([
      [a!.questionId, 4, 50],
      [b!.questionId, 2, 20],
    ]);
    expect(s.interviews).toEqual([result.record]);
    expect(result.record).toMatchObject({
      id: 'interview-1',
      interrupted: false,
      pitchAttemptId: null,
      answerSeconds: 90,
    });
    expect(s.log).toContain('spoke 50 good');
    expect(s.log).toContain('model the model answer');
    expect(s.log.at(-1)).toBe('report 2 false');
  });

  it('? on the answer screen opens the help; the Space that closes it does not end the answer', async () => {
    const s = setup([
      [
        [1000, HELP],
        [2000, SPACE],
        [30_000, SPACE],
      ],
      [[60_000, SPACE]],
    ]);
    const result = await runInterview(s.ports, options);
    expect(result.record.answers[0]!.seconds).toBe(30);
  });

  it('q during an answer stops the interview: finished answers stay, it is saved as interrupted, no error', async () => {
    const s = setup([[[50_000, SPACE]], [[5_000, Q]]]);
    const result = await runInterview(s.ports, options);
    expect(result.aborted).toBe(false);
    expect(result.record.interrupted).toBe(true);
    expect(result.record.answers.map((x) => x.rating)).toEqual([1, null]);
    expect(s.reviews).toHaveLength(1);
  });

  it('Ctrl-C during an answer saves what was finished and reports an abort', async () => {
    const s = setup([[[5_000, CTRL_C]]]);
    const result = await runInterview(s.ports, options);
    expect(result).toMatchObject({ aborted: true, record: { interrupted: true } });
    expect(s.interviews).toHaveLength(1);
    expect(s.reviews).toHaveLength(0);
  });

  it('Ctrl-C at a prompt (the ready screen) ends it the same way', async () => {
    const s = setup([[[50_000, SPACE]]]);
    let asked = 0;
    s.ports.screen.readyForQuestion = async () => {
      if (asked++ === 1) throw interrupted('SIGTERM');
    };
    const result = await runInterview(s.ports, options);
    expect(result).toMatchObject({ aborted: true, signal: 'SIGTERM', record: { interrupted: true } });
    expect(result.record.answers[0]!.rating).toBe(1); // nothing ticked: Again
  });

  it('with the pitch: the pitch runs as a rehearsal first and is linked to the interview', async () => {
    const section = defaultRehearsalSection(bundledPitch().sections)!;
    const s = setup([[[50_000, SPACE]], [[50_000, SPACE]]]);
    const result = await runInterview(s.ports, { ...options, pitch: { section, prompt: 'full', countdownMs: 0 } });
    expect(s.rehearsals).toHaveLength(1);
    expect(result.record.pitchAttemptId).toBe(s.rehearsals[0]!.id);
    expect(s.log.slice(0, 3)).toEqual(['intro 2 true', 'ready pitch', 'ready 1/2']);
  });

  it('--record and --speak: each question is read, each answer recorded and measured', async () => {
    const analysis = analyzeSegments({ durationSeconds: 30, segments: [{ start: 0.5, end: 20 }] });
    const rec = fakeRecorder(analysis);
    const said: string[] = [];
    const s = setup([[[30_000, SPACE]], [[30_000, SPACE]]], [], {
      recorder: rec.port,
      speak: async (text) => void said.push(text),
    });
    const result = await runInterview(s.ports, options);
    expect(said).toEqual(result.record.answers.map((x) => x.prompt));
    expect(result.record.answers[0]!.speech).toMatchObject({ speechSeconds: 19.5 });
    expect(String(result.record.answers[0]!.speech!.file)).toMatch(/^recordings\/interview-\d+-q1\.wav$/);
    expect(s.log.filter((l) => l.startsWith('speech'))).toHaveLength(2);
  });

  it('no speakable question in the topics chosen: a usage error before anything is asked', async () => {
    const empty: Topic = { ...topic('x'), questions: [] };
    const s = setup([]);
    await expect(runInterview(s.ports, { ...options, stack: [empty] })).rejects.toMatchObject({ kind: 'usage' });
    expect(s.log).toEqual([]);
  });

  it('r starts an answer over: the first take is kept in the report, the second one is rated', async () => {
    const s = setup(
      [[[8_000, R]], [[40_000, SPACE]], [[50_000, SPACE]]],
      [
        [0, 1],
        [0, 1],
      ],
    );
    const result = await runInterview(s.ports, options);
    const [a] = result.record.answers;
    expect(a).toMatchObject({ seconds: 40, retries: [{ seconds: 8 }], rating: 4 });
    expect(s.log).toContain('retry 1 take 2');
    expect(s.log.filter((l) => l.startsWith('answer 1'))).toHaveLength(2);
    expect(s.reviews).toHaveLength(2);
  });

  it('judges answer length against the clock chosen: with 30 s, 20 s is right and 36 s too long', async () => {
    const s = setup(
      [[[20_000, SPACE]], [[36_000, SPACE]]],
      [
        [0, 1],
        [0, 1],
      ],
    );
    const result = await runInterview(s.ports, { ...options, answerSeconds: 30 });
    expect(s.log).toContain('spoke 20 good');
    expect(s.log).toContain('spoke 36 long');
    // All key points and the right length: Easy; all key points but too long: Good.
    expect(result.record.answers.map((x) => x.suggested)).toEqual([4, 3]);
  });
});
