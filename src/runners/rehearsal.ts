import type { PromptLevel } from '../rehearsal/cues.js';
import type { Section } from '../pitch/model.js';
import type { PlannedSplit, RehearsalPlan } from '../rehearsal/plan.js';
import { countSyllables } from '../pitch/syllables.js';
import type { Attempt, LiveRunView } from '../rehearsal/types.js';
import { autoPromptLevel, computeRecords, pbCumulative, type Records } from '../rehearsal/records.js';
import { createTimer, tick } from '../rehearsal/timer.js';
import { pressKey, startSession, type Outcome, type SessionState } from '../rehearsal/session.js';
import { attemptId, buildAttempt } from '../rehearsal/attempt.js';
import { summarizeRun, type RunSummary } from '../rehearsal/summary.js';
import type { PitchIdentity } from '../rehearsal/identity.js';
import { PACE_BANDS, type PitchLang } from '../pitch/language.js';
import type { ClockPorts, LiveEnd, LiveSpec } from './ports.js';
import { stopAndAnalyse, type ActiveTake, type RecorderPort, type TakeResult } from './take.js';

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
  /** The pitch file rehearsed: attempts, records and cue levels are kept per file (null: not known). */
  identity?: PitchIdentity | null | undefined;
  /** The pitch's language: the pace band the summary compares with. */
  lang?: PitchLang | undefined;
  /** Offer to keep an implausibly fast complete run as a record anyway (pitch rehearse, not the interview). */
  offerToKeepSuspect?: boolean | undefined;
}

/** The cue level moved one step since the last run (--prompt auto). */
export interface LevelNotice {
  reason: 'fade' | 'back';
  from: PromptLevel;
  to: PromptLevel;
}

/** What the live screen shows besides the session state. */
export interface RehearsalView extends LiveRunView {
  notice: LevelNotice | null;
}

export interface RehearsalScreen {
  levelChanged(notice: LevelNotice): void;
  /** Runs the live split timer until the session has an outcome. */
  run(spec: LiveSpec<SessionState>, view: RehearsalView): Promise<LiveEnd<SessionState>>;
  discarded(): void;
  summary(
    summary: RunSummary,
    where: { sectionTitle: string; sectionRef: string; firstNumber: number },
    take: TakeResult | null,
  ): void | Promise<void>;
  /** "Keep it as a record?" about a run the plausibility rule held back (No by default). */
  keepSuspect(): Promise<boolean>;
  /** The run was kept as a record: the summary as it now stands. */
  keptSuspect(summary: RunSummary): void;
}

/** The rehearsals in history.json. */
export interface RehearsalHistory {
  rehearsals(): readonly Attempt[];
  /** Saves one attempt; returns every rehearsal after it. */
  add(attempt: Attempt): readonly Attempt[];
  /** The user kept an implausibly fast run as a record; returns every rehearsal after it. */
  confirm(id: string): readonly Attempt[];
}

export interface RehearsalPorts extends ClockPorts {
  screen: RehearsalScreen;
  history: RehearsalHistory;
  /** The microphone when --record asked for it. */
  recorder: RecorderPort | null;
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
 * One timed run of a plan: the live split timer, the recording if any, the attempt saved to history and
 * summarised. Shared by `pitch rehearse` and the pitch part of `pitch interview`.
 */
export async function runRehearsal(ports: RehearsalPorts, o: RehearsalRunOptions): Promise<RehearsalRunResult> {
  const { plan } = o;
  const history = ports.history.rehearsals();
  const keys = plan.splits.map((s) => s.key);
  const identity = o.identity ?? null;
  const records = computeRecords(history, plan.sectionId, plan.targetSeconds, keys, identity);
  const { level, notice } = chooseLevel(history, plan.sectionId, o.prompt, identity);
  const splits = plan.splits.slice(o.first, o.first + o.count);
  const sliceTarget = o.practice
    ? Math.round(splits.reduce((n, s) => n + s.budgetSeconds, 0) * 10) / 10
    : plan.targetSeconds;
  const startedAt = new Date(ports.now().getTime() + o.countdownMs);
  const id = attemptId(startedAt, ports.rng);
  if (notice) ports.screen.levelChanged(notice);

  // The recorder starts before the countdown (a dead microphone is reported before the run) and shares
  // the rehearsal's clock: the clock at each split is placed on the recording's time line.
  const take = ports.recorder ? await ports.recorder.start(`recordings/${id}.wav`) : null;
  const markClock: number[] = [];
  const { state, signal } = await ports.screen.run(
    {
      initial: startSession(createTimer(splits.length, ports.clock(), o.countdownMs)),
      onKey: (s, key, now) => {
        const next = pressKey(s, key, now);
        // Clock moment of each split end, for placing it in the recording.
        if (next.timer.marks.length > markClock.length) markClock.push(now);
        markClock.length = next.timer.marks.length;
        return next;
      },
      onTick: (s, now) => ({ ...s, timer: tick(s.timer, now, sliceTarget * 1000) }),
      isDone: (s) => s.outcome !== null,
      ring: (prev, next) => prev.timer.overtimeAt === null && next.timer.overtimeAt !== null,
    },
    {
      sectionTitle: plan.sectionTitle,
      notice,
      splits,
      firstNumber: o.first + 1,
      targetSeconds: sliceTarget,
      level,
      bestSegments: records.bestSegments,
      pbCumulative: pbCumulative(records.personalBest, keys).slice(o.first, o.first + o.count),
      attemptNumber: records.attemptCount + 1,
      practice: o.practice,
    },
  );

  const outcome = state.outcome!;
  const timeline = take ? await take.stop() : null;
  const attempt = buildAttempt({
    id,
    startedAt,
    plan,
    first: o.first,
    count: o.count,
    timer: state.timer,
    now: ports.clock(),
    outcome,
    practice: o.practice,
    promptLevel: level,
    pitch: identity ?? undefined,
  });
  if (!attempt) {
    if (take) ports.recorder!.remove(take.file);
    ports.screen.discarded();
    return { attempt: null, summary: null, outcome, signal, records };
  }
  const result =
    take && timeline
      ? await measureTake(
          ports.recorder!,
          take,
          timeline,
          attempt,
          state,
          markClock,
          splits,
          PACE_BANDS[o.lang ?? 'fr'],
        )
      : null;
  const after = ports.history.add(attempt);
  const summarize = (a: Attempt, all: readonly Attempt[]) => {
    const s = summarizeRun(a, records, all, keys, {
      identity,
      lang: o.lang,
      measuredWordsPerMinute: typeof a.speech?.wordsPerMinute === 'number' ? a.speech.wordsPerMinute : null,
    });
    if (o.practice) {
      s.targetSeconds = sliceTarget;
      s.deltaSeconds = Math.round((a.totalSeconds - sliceTarget) * 10) / 10;
    }
    return s;
  };
  let summary = summarize(attempt, after);
  await ports.screen.summary(
    summary,
    { sectionTitle: plan.sectionTitle, sectionRef: o.section.number || o.section.id, firstNumber: o.first + 1 },
    result,
  );
  // Only a signal-free, complete run the plausibility rule held back is worth the question.
  if (o.offerToKeepSuspect && summary.canConfirm && outcome === 'finished' && (await ports.screen.keepSuspect())) {
    const kept = { ...attempt, suspect: false, confirmedFast: true };
    summary = summarize(kept, ports.history.confirm(attempt.id));
    ports.screen.keptSuspect(summary);
    return { attempt: kept, summary, outcome, signal, records };
  }
  return { attempt, summary, outcome, signal, records };
}

function chooseLevel(
  history: readonly Attempt[],
  sectionId: string,
  prompt: PromptLevel | 'auto',
  identity: PitchIdentity | null,
): { level: PromptLevel; notice: LevelNotice | null } {
  if (prompt !== 'auto') return { level: prompt, notice: null };
  const change = autoPromptLevel(history, sectionId, identity);
  const moved = (change.reason === 'fade' || change.reason === 'back') && change.previous;
  return {
    level: change.level,
    notice: moved ? { reason: change.reason as LevelNotice['reason'], from: change.previous!, to: change.level } : null,
  };
}

/** Places the split ends on the recording, then measures it; both go into the attempt. */
async function measureTake(
  recorder: RecorderPort,
  take: ActiveTake,
  timeline: { secondsAt(clockMs: number): number },
  attempt: Attempt,
  state: SessionState,
  markClock: readonly number[],
  planned: readonly PlannedSplit[],
  paceBand: { min: number; max: number },
): Promise<TakeResult> {
  const ms = (clockMs: number) => Math.round(timeline.secondsAt(clockMs) * 1000) / 1000;
  const splitEnds = markClock.map(ms);
  const clockStart = state.timer.startedAt === null ? 0 : ms(state.timer.startedAt);
  attempt.recording = { file: take.file, splitEnds, clockStart };
  const said = attempt.splits.slice(0, splitEnds.length);
  const result = await stopAndAnalyse(recorder, take, {
    scriptWords: said.reduce((n, s) => n + s.words, 0),
    // The syllables of the text said, to tell whether the speaker kept to it (measured against heard ones).
    scriptSyllables: countSyllables(
      planned
        .slice(0, splitEnds.length)
        .flatMap((s) => s.units.map((u) => u.text))
        .join(' '),
    ),
    splitEnds,
    splitWords: said.map((s) => s.words),
    splitTitles: said.map((s) => s.title),
    clockStart,
    paceBand,
  });
  if ('summary' in result) attempt.speech = result.summary;
  return result;
}
