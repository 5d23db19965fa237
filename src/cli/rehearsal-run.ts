import { performance } from 'node:perf_hooks';
import type { AppContext } from './context.js';
import type { MessageKey } from '../i18n/index.js';
import type { Section } from '../pitch/model.js';
import type { RehearsalPlan } from '../rehearsal/plan.js';
import type { PromptLevel } from '../rehearsal/cues.js';
import type { Attempt } from '../rehearsal/types.js';
import type { Store } from '../store/store.js';
import { autoPromptLevel, computeRecords, pbCumulative, type Records } from '../rehearsal/records.js';
import { createTimer, tick } from '../rehearsal/timer.js';
import { pressKey, startSession, type Outcome, type SessionState } from '../rehearsal/session.js';
import { attemptId, buildAttempt } from '../rehearsal/attempt.js';
import { summarizeRun, type RunSummary } from '../rehearsal/summary.js';
import { historySpec } from '../store/documents.js';
import { runLiveLoop } from '../ui/live-loop.js';
import { renderLive } from '../ui/render/live-view.js';
import { renderRunSummary } from '../ui/render/rehearse-summary.js';
import type { RecorderInfo, Recording, RecordingResult } from '../audio/recorder.js';

export interface RehearsalRunOptions {
  section: Section;
  plan: RehearsalPlan;
  /** First planned split rehearsed and how many (all of them unless --from/--only). */
  first: number;
  count: number;
  practice: boolean;
  /** A fixed cue level, or 'auto' for the fading rule. */
  prompt: PromptLevel | 'auto';
  countdownMs: number;
  /** Record the microphone with this recorder (--record), or not. */
  recorder?: RecorderInfo | null | undefined;
}

export interface RehearsalRunResult {
  attempt: Attempt | null;
  summary: RunSummary | null;
  outcome: Outcome;
  signal: NodeJS.Signals | null;
  /** Personal best of this section and target before the run. */
  records: Records;
}

/**
 * One timed run of a plan on the live screen, saved to history, summarised on stdout.
 * Shared by `pitch rehearse` and the pitch part of `pitch interview`.
 */
export async function runRehearsal(ctx: AppContext, store: Store, o: RehearsalRunOptions): Promise<RehearsalRunResult> {
  const { t } = ctx;
  const { plan } = o;
  const history = store.read(historySpec).rehearsals;
  const keys = plan.splits.map((s) => s.key);
  const records = computeRecords(history, plan.sectionId, plan.targetSeconds, keys);
  let level: PromptLevel;
  let notice = '';
  if (o.prompt === 'auto') {
    const change = autoPromptLevel(history, plan.sectionId);
    level = change.level;
    if ((change.reason === 'fade' || change.reason === 'back') && change.previous)
      notice = t(change.reason === 'fade' ? 'level.fade' : 'level.back', {
        from: t(`level.${change.previous}` as MessageKey),
        to: t(`level.${change.level}` as MessageKey),
      });
  } else level = o.prompt;

  const splits = plan.splits.slice(o.first, o.first + o.count);
  const pbCum = pbCumulative(records.personalBest, keys).slice(o.first, o.first + o.count);
  const sliceTarget = o.practice
    ? Math.round(splits.reduce((n, s) => n + s.budgetSeconds, 0) * 10) / 10
    : plan.targetSeconds;
  const clock = () => performance.now();
  const startedAt = new Date(ctx.now().getTime() + o.countdownMs);
  const id = attemptId(startedAt, Math.random);
  if (notice) ctx.print(ctx.chalk.cyan(notice));

  // The recorder starts before the countdown (a dead microphone is reported before the run) and shares
  // the rehearsal's clock: performance.now() at each split is placed on the recording's time line.
  const wavName = `recordings/${id}.wav`;
  let recording: Recording | null = null;
  let unregister = () => {};
  if (o.recorder) {
    const audio = await import('../audio/recorder.js');
    recording = await audio.startRecording(o.recorder, store.path(wavName));
    unregister = audio.stopOnExit(recording);
  }
  const markClock: number[] = [];

  const { state, signal } = await runLiveLoop<SessionState>({
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    clock,
    initial: startSession(createTimer(splits.length, clock(), o.countdownMs)),
    onKey: (s, key, now) => {
      const next = pressKey(s, key, now);
      // Wall-clock moment of each split end, for placing it in the recording.
      if (next.timer.marks.length > markClock.length) markClock.push(now);
      markClock.length = next.timer.marks.length;
      return next;
    },
    onTick: (s, now) => ({ ...s, timer: tick(s.timer, now, sliceTarget * 1000) }),
    isDone: (s) => s.outcome !== null,
    ring: (prev, next) => prev.timer.overtimeAt === null && next.timer.overtimeAt !== null,
    render: (s, now, size) =>
      renderLive({
        sectionTitle: notice && s.timer.phase === 'countdown' ? `${plan.sectionTitle} — ${notice}` : plan.sectionTitle,
        splits,
        firstNumber: o.first + 1,
        session: s,
        now,
        targetSeconds: sliceTarget,
        level,
        bestSegments: records.bestSegments,
        pbCumulative: pbCum,
        attemptNumber: records.attemptCount + 1,
        practice: o.practice,
        width: size.columns,
        rows: size.rows,
        t,
        chalk: ctx.chalk,
      }),
  });

  const outcome = state.outcome!;
  let recorded: RecordingResult | null = null;
  if (recording) {
    recorded = await recording.stop();
    unregister();
  }
  const attempt = buildAttempt({
    id,
    startedAt,
    plan,
    first: o.first,
    count: o.count,
    timer: state.timer,
    now: clock(),
    outcome,
    practice: o.practice,
    promptLevel: level,
  });
  if (!attempt) {
    if (recording) store.remove(wavName);
    ctx.print(t('summary.discarded'));
    return { attempt: null, summary: null, outcome, signal, records };
  }
  let speechLines: string[] = [];
  if (recorded) {
    const { recordingSeconds } = await import('../audio/recorder.js');
    const [{ analyzeAudioFile }, { summarizeSpeech }, { renderSpeechLines }] = await Promise.all([
      import('../audio/analyze-file.js'),
      import('../audio/metrics.js'),
      import('../ui/render/analyze.js'),
    ]);
    const splitEnds = markClock.map((ms) => Math.round(recordingSeconds(recorded!, ms) * 1000) / 1000);
    const clockStart =
      state.timer.startedAt === null ? 0 : Math.round(recordingSeconds(recorded, state.timer.startedAt) * 1000) / 1000;
    attempt.recording = { file: wavName, splitEnds, clockStart };
    try {
      const said = attempt.splits.slice(0, splitEnds.length);
      const analysis = await analyzeAudioFile(store.path(wavName), {
        scriptWords: said.reduce((n, s) => n + s.words, 0),
        splitEnds,
        splitWords: said.map((s) => s.words),
        splitTitles: said.map((s) => s.title),
        clockStart,
      });
      attempt.speech = summarizeSpeech(analysis);
      speechLines = [
        '',
        ctx.chalk.bold(t('rehearse.speechTitle')),
        ...renderSpeechLines(analysis, t, ctx.chalk, ctx.lang, ctx.width()),
      ];
    } catch (error) {
      // The attempt and its recording are kept whatever the analysis says; `pitch analyze` can retry.
      speechLines = ['', ctx.chalk.yellow(t('rehearse.analysisFailed', { file: store.path(wavName) }))];
      if (ctx.env.PITCH_DEBUG) speechLines.push(String((error as Error).stack));
    }
  }
  const after = store.update(historySpec, (doc) => {
    doc.rehearsals.push(attempt);
    return doc.rehearsals;
  });
  const summary = summarizeRun(attempt, records, after, keys);
  if (o.practice) {
    summary.targetSeconds = sliceTarget;
    summary.deltaSeconds = Math.round((attempt.totalSeconds - sliceTarget) * 10) / 10;
  }
  ctx.print(
    renderRunSummary(summary, {
      sectionTitle: plan.sectionTitle,
      sectionRef: o.section.number || o.section.id,
      firstNumber: o.first + 1,
      width: ctx.width(),
      t,
      chalk: ctx.chalk,
    }) + (speechLines.length ? '\n' + speechLines.join('\n') : ''),
  );
  return { attempt, summary, outcome, signal, records };
}
