import { performance } from 'node:perf_hooks';
import type { AppContext } from '../context.js';
import type { MessageKey } from '../../i18n/index.js';
import { interrupted, usageError } from '../../core/errors.js';
import { parseDuration } from '../../pitch/duration.js';
import { defaultRehearsalSection } from '../../pitch/lookup.js';
import { speakingSeconds } from '../../pitch/words.js';
import { planRehearsal } from '../../rehearsal/plan.js';
import { PROMPT_LEVELS, type PromptLevel } from '../../rehearsal/cues.js';
import { autoPromptLevel, computeRecords, pbCumulative } from '../../rehearsal/records.js';
import { createTimer, tick } from '../../rehearsal/timer.js';
import { pressKey, startSession, type SessionState } from '../../rehearsal/session.js';
import { attemptId, buildAttempt } from '../../rehearsal/attempt.js';
import { summarizeRun } from '../../rehearsal/summary.js';
import { historySpec } from '../../store/documents.js';
import { runLiveLoop } from '../../ui/live-loop.js';
import { renderLive } from '../../ui/render/live-view.js';
import { renderRunSummary } from '../../ui/render/rehearse-summary.js';
import { resolveSection } from './resolve-section.js';

export interface RehearseOptions {
  file?: string;
  target?: string;
  prompt?: string;
  from?: string;
  only?: string;
  practice?: boolean;
  countdown?: boolean;
}

const COUNTDOWN_MS = 3000;

export async function rehearseCommand(ctx: AppContext, sectionArg: string | undefined, opts: RehearseOptions): Promise<void> {
  const { t } = ctx;
  // Every option is checked before anything else happens, with or without a terminal.
  const target = opts.target === undefined ? undefined : parseDuration(opts.target);
  if (target === null) throw usageError('rehearse.badTarget', { value: opts.target! }, 'rehearse.badTargetHint');
  const promptOption = opts.prompt ?? 'auto';
  if (promptOption !== 'auto' && !(PROMPT_LEVELS as readonly string[]).includes(promptOption))
    throw usageError('rehearse.badPrompt', { value: promptOption }, 'rehearse.badPromptHint');
  if (opts.from !== undefined && opts.only !== undefined) throw usageError('rehearse.fromAndOnly', {}, 'rehearse.fromAndOnlyHint');

  const pitch = await ctx.loadPitch(opts.file);
  const section = sectionArg !== undefined ? resolveSection(pitch, sectionArg) : defaultRehearsalSection(pitch.sections);
  if (!section) throw usageError('rehearse.noDefault', {}, 'rehearse.noDefaultHint');
  const targetSeconds = target ?? section.targetSeconds ?? Math.max(1, speakingSeconds(section.words));
  const plan = planRehearsal(section, targetSeconds);

  const splitNumber = (value: string | undefined): number | null => {
    if (value === undefined) return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > plan.splits.length)
      throw usageError('rehearse.badSplit', { value, count: plan.splits.length }, 'rehearse.badSplitHint', { count: plan.splits.length });
    return n - 1;
  };
  const from = splitNumber(opts.from);
  const only = splitNumber(opts.only);
  const first = only ?? from ?? 0;
  const count = only !== null ? 1 : plan.splits.length - first;
  const practice = Boolean(opts.practice) || from !== null || only !== null;
  const splits = plan.splits.slice(first, first + count);

  if (!ctx.isInteractive()) throw usageError('usage.needsTty', { command: 'rehearse' }, 'usage.needsTtyHint');

  const store = await ctx.store();
  const history = store.read(historySpec).rehearsals;
  const keys = plan.splits.map((s) => s.key);
  const records = computeRecords(history, plan.sectionId, targetSeconds, keys);
  let level: PromptLevel;
  let notice = '';
  if (promptOption === 'auto') {
    const change = autoPromptLevel(history, plan.sectionId);
    level = change.level;
    if ((change.reason === 'fade' || change.reason === 'back') && change.previous)
      notice = t(change.reason === 'fade' ? 'level.fade' : 'level.back', {
        from: t(`level.${change.previous}` as MessageKey),
        to: t(`level.${change.level}` as MessageKey),
      });
  } else level = promptOption as PromptLevel;

  const pbCum = pbCumulative(records.personalBest, keys).slice(first, first + count);
  const sliceTarget = practice ? Math.round(splits.reduce((n, s) => n + s.budgetSeconds, 0) * 10) / 10 : targetSeconds;
  const countdownMs = opts.countdown === false ? 0 : COUNTDOWN_MS;
  const clock = () => performance.now();
  const startClock = clock();
  const startedAt = new Date(ctx.now().getTime() + countdownMs);
  if (notice) ctx.print(ctx.chalk.cyan(notice));

  const { state, signal } = await runLiveLoop<SessionState>({
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    clock,
    initial: startSession(createTimer(splits.length, startClock, countdownMs)),
    onKey: (s, key, now) => pressKey(s, key, now),
    onTick: (s, now) => ({ ...s, timer: tick(s.timer, now, sliceTarget * 1000) }),
    isDone: (s) => s.outcome !== null,
    ring: (prev, next) => prev.timer.overtimeAt === null && next.timer.overtimeAt !== null,
    render: (s, now, size) =>
      renderLive({
        sectionTitle: (notice && s.timer.phase === 'countdown' ? `${plan.sectionTitle} — ${notice}` : plan.sectionTitle),
        splits,
        firstNumber: first + 1,
        session: s,
        now,
        targetSeconds: sliceTarget,
        level,
        bestSegments: records.bestSegments,
        pbCumulative: pbCum,
        attemptNumber: records.attemptCount + 1,
        practice,
        width: size.columns,
        rows: size.rows,
        t,
        chalk: ctx.chalk,
      }),
  });

  const attempt = buildAttempt({
    id: attemptId(startedAt, Math.random),
    startedAt,
    plan,
    first,
    count,
    timer: state.timer,
    now: clock(),
    outcome: state.outcome!,
    practice,
    promptLevel: level,
  });
  if (!attempt) {
    ctx.print(t('summary.discarded'));
    return;
  }
  const after = store.update(historySpec, (doc) => {
    doc.rehearsals.push(attempt);
    return doc.rehearsals;
  });
  const summary = summarizeRun(attempt, records, after, keys);
  if (practice) {
    summary.targetSeconds = sliceTarget;
    summary.deltaSeconds = Math.round((attempt.totalSeconds - sliceTarget) * 10) / 10;
  }
  ctx.print(
    renderRunSummary(summary, {
      sectionTitle: plan.sectionTitle,
      sectionRef: section.number || section.id,
      firstNumber: first + 1,
      width: ctx.width(),
      t,
      chalk: ctx.chalk,
    }),
  );
  if (state.outcome === 'abort') throw interrupted(signal);
}
