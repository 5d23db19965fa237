import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { interrupted, PitchError, usageError } from '../../core/errors.js';
import { parseDuration } from '../../pitch/duration.js';
import { defaultRehearsalSection } from '../../pitch/lookup.js';
import { planRehearsal } from '../../rehearsal/plan.js';
import { PROMPT_LEVELS, type PromptLevel } from '../../rehearsal/cues.js';
import { createTimer, elapsedMs, tick } from '../../rehearsal/timer.js';
import { pressKey, startSession, type SessionState } from '../../rehearsal/session.js';
import { findTopic } from '../../quiz/bank.js';
import { applyReview, previewDue } from '../../quiz/schedule.js';
import type { RatingValue, Topic } from '../../quiz/types.js';
import { FOLLOW_UP_TOPIC, followUpsFor, selectInterviewQuestions } from '../../interview/select.js';
import { flattenSections } from '../../pitch/model.js';
import { BUNDLED_PITCH } from '../context.js';
import {
  answerDone,
  keyPointsTicked,
  pitchDone,
  rated,
  startInterview,
  stopInterview,
  bandOf,
  type InterviewState,
} from '../../interview/state.js';
import { buildInterviewReport } from '../../interview/report.js';
import type { InterviewRecord } from '../../interview/types.js';
import { cardsSpec, historySpec } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { runLiveLoop } from '../../ui/live-loop.js';
import { renderAnswerScreen, renderInterviewReport } from '../../ui/render/interview.js';
import { formatSpan } from '../../ui/render/quiz.js';
import { wrapText } from '../../ui/text-layout.js';
import { sanitize } from '../../ui/sanitize.js';
import { formatClock } from '../../pitch/duration.js';
import { loadQuestionBank } from '../question-bank.js';
import { runRehearsal } from '../rehearsal-run.js';

export interface InterviewOptions {
  file?: string;
  questions?: string;
  answerTime?: string;
  topics?: string;
  prompt?: string;
  speak?: boolean;
  pitch?: boolean;
  countdown?: boolean;
  record?: boolean;
}

const MAX_QUESTIONS = 20;
const DEFAULT_QUESTIONS = 5;
const DEFAULT_ANSWER_SECONDS = 90;
/** Topics that are not "the stack": behavioural questions close the interview, agile is left to the quiz. */
/** Follow-ups on the pitch are asked right after it, not drawn as a stack topic. */
const NOT_STACK = new Set(['behavioral', 'agile', 'pitch', FOLLOW_UP_TOPIC]);

export async function interviewCommand(
  ctx: AppContext,
  opts: InterviewOptions,
  deps: { rng?: () => number } = {},
): Promise<void> {
  const { t } = ctx;
  const rng = deps.rng ?? Math.random;
  // Options first, with or without a terminal.
  const count =
    opts.questions === undefined
      ? DEFAULT_QUESTIONS
      : /^\s*\d{1,3}\s*$/.test(opts.questions)
        ? Number(opts.questions)
        : NaN;
  if (!(count >= 1 && count <= MAX_QUESTIONS))
    throw usageError('interview.badQuestions', { value: String(opts.questions) }, 'interview.badQuestionsHint', {
      max: MAX_QUESTIONS,
    });
  const answerSeconds = opts.answerTime === undefined ? DEFAULT_ANSWER_SECONDS : parseDuration(opts.answerTime);
  if (answerSeconds === null || answerSeconds < 10 || answerSeconds > 600)
    throw usageError('interview.badAnswerTime', { value: String(opts.answerTime) }, 'interview.badAnswerTimeHint');
  const promptOption = opts.prompt ?? 'auto';
  if (promptOption !== 'auto' && !(PROMPT_LEVELS as readonly string[]).includes(promptOption))
    throw usageError('rehearse.badPrompt', { value: promptOption }, 'rehearse.badPromptHint');
  const withPitch = opts.pitch !== false;

  const bank = await loadQuestionBank(ctx, { quiet: true });
  const { stack, behavioral } = chooseTopics(bank.topics, opts.topics);
  const speaker = opts.speak ? (await import('../../audio/speak.js')).findSpeaker(ctx.env) : null;
  const recorder = opts.record ? (await import('../../audio/recorder.js')).requireRecorder(ctx.env) : null;
  const pitch = withPitch ? await ctx.loadPitch(opts.file) : null;
  const section = pitch ? defaultRehearsalSection(pitch.sections) : undefined;
  if (pitch && !section) throw usageError('rehearse.noDefault', {}, 'rehearse.noDefaultHint');

  if (!ctx.isInteractive()) throw usageError('usage.needsTty', { command: 'interview' }, 'usage.needsTtyHint');

  const store = await ctx.store();
  const now = ctx.now();
  // Follow-ups on the pitch come right after it: by default, or when --topics names them.
  const followUpTopic = bank.topics.find((tp) => tp.id === FOLLOW_UP_TOPIC);
  const askFollowUps = opts.topics === undefined || (followUpTopic !== undefined && stack.includes(followUpTopic));
  const followUps =
    pitch && section && askFollowUps
      ? followUpsFor(
          followUpTopic,
          new Set(flattenSections(pitch.sections).map((s) => s.number)),
          resolve(pitch.file) === BUNDLED_PITCH,
        )
      : [];
  // Named with other topics, they are asked as follow-ups only; named alone, they fill the interview.
  const named = followUpTopic ? stack.indexOf(followUpTopic) : -1;
  if (followUps.length && named >= 0 && stack.length > 1) stack.splice(named, 1);
  const questions = selectInterviewQuestions({
    topics: stack,
    behavioral,
    cards: store.read(cardsSpec).cards,
    now,
    count,
    rng,
    followUps,
  });
  if (!questions.length) throw usageError('interview.noQuestions', {}, 'interview.noQuestionsHint');
  const titles = new Map(bank.topics.map((tp) => [tp.id, tp.title]));
  const { createPrompts } = await import('../../ui/prompts.js');
  const prompts = createPrompts({ t, chalk: ctx.chalk });

  ctx.print(
    ctx.chalk.bold(
      t('interview.intro', {
        pitch: section ? t('interview.introPitch') : '',
        count: questions.length,
        time: formatClock(answerSeconds),
      }),
    ),
  );
  let state: InterviewState = startInterview(questions, Boolean(section));
  const startedAt = now;
  let pitchAttempt = null as Awaited<ReturnType<typeof runRehearsal>>['attempt'];
  let pbBefore: number | null = null;
  let signal: NodeJS.Signals | null = null;

  try {
    if (section) {
      await prompts.askReveal({ message: t('interview.pitchPrompt') });
      const plan = planRehearsal(section, section.targetSeconds!);
      const run = await runRehearsal(ctx, store, {
        section,
        plan,
        first: 0,
        count: plan.splits.length,
        practice: false,
        prompt: promptOption as PromptLevel | 'auto',
        countdownMs: opts.countdown === false ? 0 : 3000,
        recorder,
      });
      pitchAttempt = run.attempt;
      pbBefore = run.records.personalBest?.totalSeconds ?? null;
      if (run.outcome === 'abort') {
        signal = run.signal;
        throw interrupted(signal);
      }
      state = pitchDone(state, run.attempt?.id ?? null);
    }

    while (state.phase === 'answer') {
      const question = state.questions[state.index]!;
      ctx.print('');
      await prompts.askReveal({
        message: t('interview.questionPrompt', { n: state.index + 1, total: questions.length }),
      });
      if (speaker) {
        ctx.print(ctx.chalk.dim(t('interview.answer.speaking')));
        const { speak } = await import('../../audio/speak.js');
        await speak(speaker, question.prompt, ctx.lang);
      }
      const wavName = `recordings/interview-${startedAt.getTime()}-q${state.index + 1}.wav`;
      const audio = recorder ? await import('../../audio/recorder.js') : null;
      const recording = audio && recorder ? await audio.startRecording(recorder, store.path(wavName)) : null;
      const unregister = audio && recording ? audio.stopOnExit(recording) : () => {};
      const answer = await timeAnswer(ctx, {
        n: state.index + 1,
        total: questions.length,
        topicTitle: titles.get(question.topic) ?? question.topic,
        prompt: question.prompt,
        answerSeconds,
      });
      const speech = recording ? await analyzeAnswer(ctx, store, recording, wavName) : null;
      unregister();
      if (answer.outcome === 'abort') {
        signal = answer.signal;
        throw interrupted(signal);
      }
      if (answer.outcome !== 'finished') break; // q: stop the interview, keep what is finished
      state = answerDone(state, answer.seconds);
      if (speech) {
        state.answers[state.index]!.speech = speech.summary;
        ctx.print(speech.lines.join('\n'));
      }

      // Reveal the key points; the user ticks what they said, which suggests a rating.
      const current = state.answers[state.index]!;
      const band = bandOf(current.seconds);
      ctx.print(
        t('interview.spoke', {
          time: formatClock(current.seconds ?? 0, true),
          band: band ? t(`interview.band.${band}`) : '—',
        }),
      );
      if (question.modelAnswer)
        ctx.print(
          [ctx.chalk.bold(t('interview.modelAnswer')), ...wrapText(question.modelAnswer, ctx.width() - 2, '  ')].join(
            '\n',
          ),
        );
      const ticked = await prompts.askChoices({
        message: t('interview.tick'),
        options: current.keyPoints.map((p) => sanitize(p)),
        allowNone: true,
      });
      state = keyPointsTicked(
        state,
        current.keyPoints.map((_, i) => ticked.includes(i)),
      );
      const suggestion = state.answers[state.index]!.suggested!;
      const rating = await askRating(ctx, prompts, store, question.id, suggestion);
      store.update(cardsSpec, (doc) =>
        applyReview(doc, {
          questionId: question.id,
          topic: question.topic,
          kind: question.kind,
          rating,
          seconds: current.seconds ?? 0,
          session: `interview-${startedAt.getTime()}`,
          now: ctx.now(),
        }),
      );
      state = rated(state, rating);
    }
  } catch (error) {
    if (!(error instanceof PitchError && error.kind === 'interrupted')) throw error;
    signal = error.signal ?? signal;
    state = stopInterview(state);
    finish(ctx, store, state, startedAt, answerSeconds, pitchAttempt, pbBefore, titles);
    throw interrupted(signal);
  }
  if (state.phase !== 'done') state = stopInterview(state);
  finish(ctx, store, state, startedAt, answerSeconds, pitchAttempt, pbBefore, titles);
}

/** Stops an answer's recording and measures it (speaking time, pauses); the WAV stays in recordings/. */
async function analyzeAnswer(
  ctx: AppContext,
  store: Store,
  recording: import('../../audio/recorder.js').Recording,
  wavName: string,
) {
  await recording.stop();
  const [{ analyzeAudioFile }, { summarizeSpeech }, { renderSpeechLines }] = await Promise.all([
    import('../../audio/analyze-file.js'),
    import('../../audio/metrics.js'),
    import('../../ui/render/analyze.js'),
  ]);
  try {
    const analysis = await analyzeAudioFile(store.path(wavName), {});
    return {
      summary: { file: wavName, ...summarizeSpeech(analysis) },
      lines: renderSpeechLines(analysis, ctx.t, ctx.chalk, ctx.lang, ctx.width()),
    };
  } catch {
    return {
      summary: { file: wavName },
      lines: [ctx.chalk.yellow(ctx.t('rehearse.analysisFailed', { file: store.path(wavName) }))],
    };
  }
}

/** Saves the interview to history and prints the report. */
function finish(
  ctx: AppContext,
  store: Store,
  state: InterviewState,
  startedAt: Date,
  answerSeconds: number,
  pitchAttempt: Awaited<ReturnType<typeof runRehearsal>>['attempt'],
  pbBefore: number | null,
  titles: ReadonlyMap<string, string>,
): void {
  const record: InterviewRecord = {
    id: randomUUID(),
    startedAt: startedAt.toISOString(),
    endedAt: ctx.now().toISOString(),
    pitchAttemptId: state.pitchAttemptId ?? pitchAttempt?.id ?? null,
    answerSeconds,
    answers: state.answers,
    interrupted: state.interrupted,
  };
  store.update(historySpec, (doc) => void doc.interviews.push(record));
  const report = buildInterviewReport(pitchAttempt, pbBefore, state.answers, store.read(cardsSpec).cards);
  ctx.print(
    '\n' +
      renderInterviewReport(report, (id) => titles.get(id) ?? id, state.interrupted, ctx.width(), ctx.t, ctx.chalk),
  );
}

async function askRating(
  ctx: AppContext,
  prompts: import('../../ui/prompts.js').Prompts,
  store: Store,
  questionId: string,
  suggestion: RatingValue,
): Promise<RatingValue> {
  const now = ctx.now();
  const due = previewDue(store.read(cardsSpec).cards[questionId], now);
  const intervals = Object.fromEntries(
    ([1, 2, 3, 4] as const).map((r) => [r, formatSpan(due[r].getTime() - now.getTime(), ctx.t)]),
  );
  for (;;) {
    const answer = await prompts.askRating({ suggestion, canUndo: false, intervals, width: ctx.width() });
    if (answer !== 'undo') return answer;
  }
}

/** The answer clock: the rehearsal timer with one split, on the live screen; Space ends the answer. */
async function timeAnswer(
  ctx: AppContext,
  v: { n: number; total: number; topicTitle: string; prompt: string; answerSeconds: number },
): Promise<{ outcome: string; seconds: number; signal: NodeJS.Signals | null }> {
  const clock = () => performance.now();
  const { state, signal } = await runLiveLoop<SessionState>({
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    clock,
    initial: startSession(createTimer(1, clock())),
    onKey: (s, key, now) => pressKey(s, key, now),
    onTick: (s, now) => ({ ...s, timer: tick(s.timer, now, v.answerSeconds * 1000) }),
    isDone: (s) => s.outcome !== null,
    ring: (prev, next) => prev.timer.overtimeAt === null && next.timer.overtimeAt !== null,
    render: (s, now, size) =>
      renderAnswerScreen({
        ...v,
        elapsedSeconds: elapsedMs(s.timer, now) / 1000,
        width: size.columns,
        rows: size.rows,
        t: ctx.t,
        chalk: ctx.chalk,
      }),
  });
  return { outcome: state.outcome!, seconds: elapsedMs(state.timer, clock()) / 1000, signal };
}

/** --topics → the topics asked and the behavioural topic that closes (default: every stack topic, plus one behavioural question). */
function chooseTopics(
  topics: readonly Topic[],
  option: string | undefined,
): { stack: Topic[]; behavioral: Topic | null } {
  const behavioral = topics.find((tp) => tp.id === 'behavioral') ?? null;
  if (option === undefined) return { stack: topics.filter((tp) => !NOT_STACK.has(tp.id)), behavioral };
  const stack: Topic[] = [];
  for (const name of option
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)) {
    const found = findTopic(topics, name);
    if (found.kind === 'unknown') {
      if (found.closest.length)
        throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicHint', {
          list: found.closest.map((c) => c.id).join(', '),
        });
      throw usageError('quiz.unknownTopic', { value: name }, 'quiz.unknownTopicNoClose');
    }
    if (!stack.includes(found.topic)) stack.push(found.topic);
  }
  // Named topics only. Behavioural ones, when named, close the interview — or are all of it when alone.
  const technical = stack.filter((tp) => tp.id !== 'behavioral');
  if (!technical.length) return { stack, behavioral: null };
  return { stack: technical, behavioral: technical.length < stack.length ? behavioral : null };
}
