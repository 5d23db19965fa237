import { interrupted, PitchError, usageError } from '../core/errors.js';
import type { Section } from '../pitch/model.js';
import type { PromptLevel } from '../rehearsal/cues.js';
import { planRehearsal } from '../rehearsal/plan.js';
import { elapsedMs, tick } from '../rehearsal/timer.js';
import type { Attempt } from '../rehearsal/types.js';
import { cardOf, previewDue, type ReviewInput } from '../quiz/schedule.js';
import type { Question, RatingValue, StoredCard, Topic } from '../quiz/types.js';
import { selectInterviewQuestions } from '../interview/select.js';
import { pressAnswerKey, startAnswer, type AnswerState } from '../interview/answer.js';
import {
  answerBand,
  answerDone,
  bandOf,
  keyPointsTicked,
  pitchDone,
  rated,
  startInterview,
  stopInterview,
  type InterviewState,
} from '../interview/state.js';
import { buildInterviewReport, type InterviewReport } from '../interview/report.js';
import type { InterviewAnswer, InterviewRecord } from '../interview/types.js';
import type { PitchIdentity } from '../rehearsal/identity.js';
import type { PitchLang } from '../pitch/language.js';
import { sectionDuration } from '../pitch/targets.js';
import type { ClockPorts, LiveEnd, LiveSpec } from './ports.js';
import { runRehearsal, type RehearsalPorts } from './rehearsal.js';
import { stopAndAnalyse, type RecorderPort, type TakeResult } from './take.js';

export interface InterviewOptions {
  /** Technical topics asked in turn, and the behavioural topic that closes (null: none). */
  stack: readonly Topic[];
  behavioral: Topic | null;
  /** Follow-ups on the pitch delivered, asked right after it (interview/select.ts). */
  followUps?: readonly Question[];
  count: number;
  answerSeconds: number;
  /** The pitch part ("tell me about yourself"), or null with --no-pitch. */
  pitch: {
    section: Section;
    prompt: PromptLevel | 'auto';
    countdownMs: number;
    /** The pitch file and its language, as for `pitch rehearse`. */
    identity?: PitchIdentity | null | undefined;
    lang?: PitchLang | undefined;
  } | null;
}

/** What the answer screen shows besides the clock. */
export interface AnswerView {
  n: number;
  total: number;
  topic: string;
  prompt: string;
  answerSeconds: number;
}

export interface InterviewScreen {
  intro(info: { withPitch: boolean; count: number; answerSeconds: number }): void;
  /** Waits for the user to be ready for the pitch, then for question n. */
  readyForPitch(): Promise<void>;
  readyForQuestion(n: number, total: number): Promise<void>;
  /** The question is being read aloud (--speak). */
  speaking(): void;
  /** `r` was pressed: question n starts over, this is take number `take`. */
  retrying(n: number, take: number): void;
  /** Runs the answer clock until Space, q or Ctrl-C. */
  answer(spec: LiveSpec<AnswerState>, view: AnswerView): Promise<LiveEnd<AnswerState>>;
  speech(take: TakeResult): void | Promise<void>;
  spoke(seconds: number, band: ReturnType<typeof bandOf>): void;
  modelAnswer(text: string): void;
  /** Indexes of the key points the user says they covered. */
  tick(keyPoints: readonly string[]): Promise<number[]>;
  /** The rating confirmed, the suggestion pre-selected; `due` is when each rating would bring it back. */
  rate(suggestion: RatingValue, due: Record<RatingValue, Date>, now: Date): Promise<RatingValue>;
  report(report: InterviewReport, interrupted: boolean): void;
}

export interface InterviewPorts extends ClockPorts {
  screen: InterviewScreen;
  /** The pitch part runs as a rehearsal, with these ports. */
  rehearsal: RehearsalPorts;
  cards: { read(): Readonly<Record<string, StoredCard>>; review(input: ReviewInput): void };
  interviews: { add(record: InterviewRecord): void };
  recorder: RecorderPort | null;
  /** Reads a question aloud (--speak). */
  speak: ((text: string) => Promise<void>) | null;
  newId(): string;
}

export interface InterviewResult {
  record: InterviewRecord;
  /** Ctrl-C (or the signal that stood for it) ended the interview: the shell exits 130. */
  aborted: boolean;
  signal: NodeJS.Signals | null;
}

/**
 * A mock interview driven by the pure state machine of interview/state.ts: the pitch (a rehearsal run),
 * then for each question the answer clock, the key points ticked and the rating confirmed — each rating
 * saved as it is given. Whatever ends it, what was finished is saved to history and reported.
 */
export async function runInterview(ports: InterviewPorts, o: InterviewOptions): Promise<InterviewResult> {
  const startedAt = ports.now();
  const questions = selectInterviewQuestions({
    topics: o.stack,
    behavioral: o.behavioral,
    cards: ports.cards.read(),
    now: startedAt,
    count: o.count,
    rng: ports.rng,
    followUps: o.followUps,
  });
  if (!questions.length) throw usageError('interview.noQuestions', {}, 'interview.noQuestionsHint');
  ports.screen.intro({ withPitch: o.pitch !== null, count: questions.length, answerSeconds: o.answerSeconds });
  let state = startInterview(questions, o.pitch !== null);
  const pitch: { attempt: Attempt | null; pbBefore: number | null } = { attempt: null, pbBefore: null };
  try {
    if (o.pitch) state = await askPitch(ports, state, o.pitch, pitch);
    while (state.phase === 'answer') {
      const next = await askQuestion(ports, state, o, startedAt);
      if (next === null) break; // q: stop the interview, keep what is finished
      state = next;
    }
  } catch (error) {
    if (!(error instanceof PitchError && error.kind === 'interrupted')) throw error;
    const record = finish(ports, stopInterview(state), startedAt, o.answerSeconds, pitch);
    return { record, aborted: true, signal: error.signal ?? null };
  }
  const record = finish(
    ports,
    state.phase === 'done' ? state : stopInterview(state),
    startedAt,
    o.answerSeconds,
    pitch,
  );
  return { record, aborted: false, signal: null };
}

async function askPitch(
  ports: InterviewPorts,
  state: InterviewState,
  o: NonNullable<InterviewOptions['pitch']>,
  out: { attempt: Attempt | null; pbBefore: number | null },
): Promise<InterviewState> {
  await ports.screen.readyForPitch();
  const plan = planRehearsal(o.section, sectionDuration(o.section)!);
  const run = await runRehearsal(ports.rehearsal, {
    section: o.section,
    plan,
    first: 0,
    count: plan.splits.length,
    practice: false,
    prompt: o.prompt,
    countdownMs: o.countdownMs,
    identity: o.identity,
    lang: o.lang,
  });
  out.attempt = run.attempt;
  out.pbBefore = run.records.personalBest?.totalSeconds ?? null;
  if (run.outcome === 'abort') throw interrupted(run.signal);
  return pitchDone(state, run.attempt?.id ?? null);
}

/** One question: answer, key points, rating. Null when the user stopped the interview during the answer. */
async function askQuestion(
  ports: InterviewPorts,
  state: InterviewState,
  o: InterviewOptions,
  startedAt: Date,
): Promise<InterviewState | null> {
  const { screen } = ports;
  const question = state.questions[state.index]!;
  const n = state.index + 1;
  await screen.readyForQuestion(n, state.questions.length);
  if (ports.speak) {
    screen.speaking();
    await ports.speak(question.prompt);
  }
  const band = answerBand(o.answerSeconds);
  const retries: NonNullable<InterviewAnswer['retries']> = [];
  let answer: AnswerState;
  let seconds: number;
  let speech: TakeResult | null;
  // `r` starts the answer over: the take just given is kept aside (and in the report), the clock restarts.
  for (;;) {
    const takeNo = retries.length + 1;
    const suffix = takeNo > 1 ? `-take${takeNo}` : '';
    const take = ports.recorder
      ? await ports.recorder.start(`recordings/interview-${startedAt.getTime()}-q${n}${suffix}.wav`)
      : null;
    const ended = await screen.answer(
      {
        initial: startAnswer(ports.clock()),
        onKey: pressAnswerKey,
        onTick: (s, now) => ({ ...s, timer: tick(s.timer, now, o.answerSeconds * 1000) }),
        isDone: (s) => s.outcome !== null,
        ring: (prev, next) => prev.timer.overtimeAt === null && next.timer.overtimeAt !== null,
      },
      {
        n,
        total: state.questions.length,
        topic: question.topic,
        prompt: question.prompt,
        answerSeconds: o.answerSeconds,
      },
    );
    answer = ended.state;
    seconds = elapsedMs(answer.timer, ports.clock()) / 1000;
    speech = take ? await stopAndAnalyse(ports.recorder!, take) : null;
    if (answer.outcome === 'abort') throw interrupted(ended.signal);
    if (answer.outcome !== 'retry') break;
    retries.push({ seconds: Math.round(seconds * 10) / 10, ...(speech ? { speech: speechRecord(speech) } : {}) });
    screen.retrying(n, retries.length + 1);
  }
  if (answer.outcome !== 'finished') {
    if (retries.length) state = withAnswer(state, { retries });
    return null;
  }
  state = answerDone(state, seconds);
  if (retries.length) state = withAnswer(state, { retries });
  if (speech) {
    state = withAnswer(state, { speech: speechRecord(speech) });
    await screen.speech(speech);
  }

  // Reveal the key points; the user ticks what they said, which suggests a rating.
  const current = state.answers[state.index]!;
  screen.spoke(current.seconds ?? 0, bandOf(current.seconds, band));
  if (question.modelAnswer) screen.modelAnswer(question.modelAnswer);
  const ticked = await screen.tick(current.keyPoints);
  state = keyPointsTicked(
    state,
    current.keyPoints.map((_, i) => ticked.includes(i)),
    band,
  );
  const now = ports.now();
  const rating = await screen.rate(
    state.answers[state.index]!.suggested!,
    previewDue(cardOf(ports.cards.read(), question.id), now),
    now,
  );
  ports.cards.review({
    questionId: question.id,
    topic: question.topic,
    kind: question.kind,
    rating,
    seconds: current.seconds ?? 0,
    session: `interview-${startedAt.getTime()}`,
    now: ports.now(),
  });
  return rated(state, rating);
}

/** What a take's recording leaves on the answer: its figures, or only its file when the analysis failed. */
function speechRecord(take: TakeResult): Record<string, unknown> {
  return 'summary' in take ? { file: take.file, ...take.summary } : { file: take.file };
}

/** The current answer with some fields changed. */
function withAnswer(state: InterviewState, change: Partial<InterviewAnswer>): InterviewState {
  const answers = [...state.answers];
  answers[state.index] = { ...answers[state.index]!, ...change };
  return { ...state, answers };
}

/** Saves the interview to history and reports it. */
function finish(
  ports: InterviewPorts,
  state: InterviewState,
  startedAt: Date,
  answerSeconds: number,
  pitch: { attempt: Attempt | null; pbBefore: number | null },
): InterviewRecord {
  const record: InterviewRecord = {
    id: ports.newId(),
    startedAt: startedAt.toISOString(),
    endedAt: ports.now().toISOString(),
    pitchAttemptId: state.pitchAttemptId ?? pitch.attempt?.id ?? null,
    answerSeconds,
    answers: state.answers,
    interrupted: state.interrupted,
  };
  ports.interviews.add(record);
  ports.screen.report(
    buildInterviewReport(pitch.attempt, pitch.pbBefore, state.answers, ports.cards.read(), answerBand(answerSeconds)),
    state.interrupted,
  );
  return record;
}
