import type { AppContext } from './context.js';
import type { MessageKey } from '../i18n/index.js';
import type { Store } from '../store/store.js';
import type { Prompts } from '../ui/prompts.js';
import type { LevelNotice, RehearsalScreen, RehearsalView } from '../runners/rehearsal.js';
import type { SessionState } from '../rehearsal/session.js';
import type { RatingValue } from '../quiz/types.js';
import type { AnswerView, InterviewScreen } from '../runners/interview.js';
import type { AnswerState } from '../interview/answer.js';
import type { TakeResult } from '../runners/take.js';
import type { LiveSpec } from '../runners/ports.js';
import { formatClock } from '../pitch/duration.js';
import { elapsedMs } from '../rehearsal/timer.js';
import { isLineTerminal, runLiveLoop } from '../ui/live-loop.js';
import { renderLive } from '../ui/render/live-view.js';
import { renderRunSummary } from '../ui/render/rehearse-summary.js';
import { renderAnswerScreen, renderInterviewReport } from '../ui/render/interview.js';
import { formatIntervals } from '../ui/render/quiz.js';
import { sanitize } from '../ui/sanitize.js';
import { wrapText } from '../ui/text-layout.js';
import { performance } from 'node:perf_hooks';

/** Runs a runner's live loop on the terminal, drawing each state with `render`. */
function live<S>(
  ctx: AppContext,
  spec: LiveSpec<S>,
  render: (s: S, now: number, size: { columns: number; rows: number }) => string,
) {
  return runLiveLoop<S>({
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    clock: () => performance.now(),
    lineMode: isLineTerminal(ctx.env),
    ...spec,
    render,
  });
}

const noticeText = (ctx: AppContext, n: LevelNotice) =>
  ctx.t(n.reason === 'fade' ? 'level.fade' : 'level.back', {
    from: ctx.t(`level.${n.from}` as MessageKey),
    to: ctx.t(`level.${n.to}` as MessageKey),
  });

/** A take's figures as lines for the terminal, or the sentence saying the analysis failed. */
async function speechLines(ctx: AppContext, store: Store, take: TakeResult, debug: boolean): Promise<string[]> {
  if ('error' in take) {
    const lines = [ctx.chalk.yellow(ctx.t('rehearse.analysisFailed', { file: store.path(take.file) }))];
    if (debug && ctx.env.PITCH_DEBUG) lines.push(String((take.error as Error).stack));
    return lines;
  }
  const { renderSpeechLines } = await import('../ui/render/analyze.js');
  return renderSpeechLines(take.analysis, ctx.t, ctx.chalk, ctx.lang, ctx.width());
}

export function rehearsalScreen(ctx: AppContext, store: Store): RehearsalScreen {
  return {
    levelChanged: (notice) => ctx.print(ctx.chalk.cyan(noticeText(ctx, notice))),
    run: (spec, view) => live(ctx, spec, liveRenderer(ctx, view)),
    discarded: () => ctx.print(ctx.t('summary.discarded')),
    keepSuspect: async () => {
      // The prompts library is loaded only for this rare question, never on the ordinary path.
      const { createPrompts } = await import('../ui/prompts.js');
      return createPrompts({ t: ctx.t, chalk: ctx.chalk }).askConfirm({
        message: ctx.t('summary.keepSuspect'),
        default: false,
      });
    },
    keptSuspect: (summary) => {
      ctx.print(ctx.chalk.green(ctx.t('summary.keptSuspect')));
      if (summary.newPersonalBest)
        ctx.print(
          summary.pbBefore === null
            ? ctx.t('summary.firstPb')
            : ctx.t('summary.newPb', { pb: formatClock(summary.pbBefore, true) }),
        );
    },
    summary: (summary, where, take) => {
      const text = renderRunSummary(summary, { ...where, width: ctx.width(), t: ctx.t, chalk: ctx.chalk });
      if (!take) return ctx.print(text);
      return speechLines(ctx, store, take, true).then((lines) =>
        ctx.print(`${text}\n${['', ctx.chalk.bold(ctx.t('rehearse.speechTitle')), ...lines].join('\n')}`),
      );
    },
  };
}

export function interviewScreen(
  ctx: AppContext,
  store: Store,
  prompts: Prompts,
  titles: ReadonlyMap<string, string>,
): InterviewScreen {
  const { t, chalk } = ctx;
  const title = (id: string) => titles.get(id) ?? id;
  return {
    intro: (i) => {
      const pitch = i.withPitch ? t('interview.introPitch') : '';
      ctx.print(chalk.bold(t('interview.intro', { pitch, count: i.count, time: formatClock(i.answerSeconds) })));
    },
    readyForPitch: () => prompts.askReveal({ message: t('interview.pitchPrompt') }),
    readyForQuestion: async (n, total) => {
      ctx.print('');
      await prompts.askReveal({ message: t('interview.questionPrompt', { n, total }) });
    },
    speaking: () => ctx.print(chalk.dim(t('interview.answer.speaking'))),
    retrying: (n, take) => ctx.print(chalk.cyan(t('interview.retrying', { n, take }))),
    answer: (spec, view) => live(ctx, spec, answerRenderer(ctx, view, title(view.topic))),
    speech: (take) => speechLines(ctx, store, take, false).then((lines) => ctx.print(lines.join('\n'))),
    spoke: (seconds, band) =>
      ctx.print(
        t('interview.spoke', { time: formatClock(seconds, true), band: band ? t(`interview.band.${band}`) : '—' }),
      ),
    modelAnswer: (text) =>
      ctx.print([chalk.bold(t('interview.modelAnswer')), ...wrapText(text, ctx.width() - 2, '  ')].join('\n')),
    tick: (points) =>
      prompts.askChoices({ message: t('interview.tick'), options: points.map((p) => sanitize(p)), allowNone: true }),
    rate: (suggestion, due, now) => confirmRating(ctx, prompts, suggestion, formatIntervals(due, now, t)),
    report: (report, interrupted) =>
      ctx.print(
        `\n${renderInterviewReport(report, title, interrupted, ctx.width(), t, chalk, { now: ctx.now(), lang: ctx.lang })}`,
      ),
  };
}

/** The answer clock's screen, drawn from the answer state at each tick. */
function answerRenderer(ctx: AppContext, view: AnswerView, topicTitle: string) {
  return (s: AnswerState, now: number, size: { columns: number; rows: number }) =>
    renderAnswerScreen({
      n: view.n,
      total: view.total,
      topicTitle,
      prompt: view.prompt,
      answerSeconds: view.answerSeconds,
      elapsedSeconds: elapsedMs(s.timer, now) / 1000,
      help: s.mode === 'help',
      width: size.columns,
      rows: size.rows,
      t: ctx.t,
      chalk: ctx.chalk,
    });
}

/** The rehearsal's live screen, drawn from the session at each tick; a level change shows in the countdown's title. */
function liveRenderer(ctx: AppContext, view: RehearsalView) {
  return (s: SessionState, now: number, size: { columns: number; rows: number }) =>
    renderLive({
      ...view,
      sectionTitle:
        view.notice && s.timer.phase === 'countdown'
          ? `${view.sectionTitle} — ${noticeText(ctx, view.notice)}`
          : view.sectionTitle,
      session: s,
      now,
      width: size.columns,
      rows: size.rows,
      t: ctx.t,
      chalk: ctx.chalk,
    });
}

/** The interview's rating: the suggestion pre-selected; nothing to undo there, so an undo key asks again. */
async function confirmRating(
  ctx: AppContext,
  prompts: Prompts,
  suggestion: RatingValue,
  intervals: Record<RatingValue, string>,
): Promise<RatingValue> {
  for (;;) {
    const answer = await prompts.askRating({ suggestion, canUndo: false, intervals, width: ctx.width() });
    if (answer !== 'undo') return answer;
  }
}
