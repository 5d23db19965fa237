import type { AppContext } from '../context.js';
import { interrupted, usageError } from '../../core/errors.js';
import { defaultRehearsalSection } from '../../pitch/lookup.js';
import { speakingSeconds } from '../../pitch/words.js';
import { planRehearsal, type RehearsalPlan } from '../../rehearsal/plan.js';
import type { PromptLevel } from '../../rehearsal/cues.js';
import { resolveSection } from './resolve-section.js';
import { runRehearsal } from '../../runners/rehearsal.js';
import { pitchIdentity, rehearsalPorts } from '../ports.js';
import { sectionDuration } from '../../pitch/targets.js';

export interface RehearseOptions {
  file?: string;
  /** Seconds, checked by the option parser (src/cli/options.ts). */
  target?: number;
  prompt?: PromptLevel | 'auto';
  from?: string;
  only?: string;
  practice?: boolean;
  countdown?: boolean;
  record?: boolean;
}

const COUNTDOWN_MS = 3000;

export async function rehearseCommand(
  ctx: AppContext,
  sectionArg: string | undefined,
  opts: RehearseOptions,
): Promise<void> {
  // Values were checked by the option parsers; what depends on two options or on the pitch is checked here,
  // before anything else happens, with or without a terminal.
  if (opts.from !== undefined && opts.only !== undefined)
    throw usageError('rehearse.fromAndOnly', {}, 'rehearse.fromAndOnlyHint');
  const { pitch, section, plan } = await planOf(ctx, sectionArg, opts);
  const slice = sliceOf(plan, opts);
  // No recorder installed: said before anything else happens, terminal or not.
  const recorder = opts.record ? (await import('../../audio/recorder.js')).requireRecorder(ctx.env) : null;
  if (!ctx.isInteractive()) throw usageError('usage.needsTty', { command: 'rehearse' }, 'usage.needsTtyHint');

  // Named once every check has passed, before the live screen opens; it stays above the summary.
  const { pitchHeader } = await import('../pitch-file.js');
  ctx.print(await pitchHeader(ctx, opts.file));
  const store = await ctx.store();
  const run = await runRehearsal(rehearsalPorts(ctx, store, recorder), {
    section,
    plan,
    ...slice,
    prompt: opts.prompt ?? 'auto',
    countdownMs: opts.countdown === false ? 0 : COUNTDOWN_MS,
    identity: pitchIdentity(pitch),
    lang: pitch.lang,
    offerToKeepSuspect: true,
  });
  if (run.outcome === 'abort') throw interrupted(run.signal);
}

/** SECTION (default: the first with a duration) and its plan against --target, else its own target. */
async function planOf(ctx: AppContext, sectionArg: string | undefined, opts: RehearseOptions) {
  const pitch = await ctx.loadPitch(opts.file);
  const section =
    sectionArg !== undefined ? resolveSection(pitch, sectionArg, ctx.t) : defaultRehearsalSection(pitch.sections);
  if (!section) throw usageError('rehearse.noDefault', {}, 'rehearse.noDefaultHint');
  // A parent heading without a duration of its own takes the sum of its subsections' (pitch/targets.ts).
  const targetSeconds = opts.target ?? sectionDuration(section) ?? Math.max(1, speakingSeconds(section.words));
  return { pitch, section, plan: planRehearsal(section, targetSeconds) };
}

/** --from N / --only N → the splits rehearsed; either makes the run a practice run. */
function sliceOf(plan: RehearsalPlan, opts: RehearseOptions): { first: number; count: number; practice: boolean } {
  const splitNumber = (value: string | undefined): number | null => {
    if (value === undefined) return null;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > plan.splits.length)
      throw usageError('rehearse.badSplit', { value, count: plan.splits.length }, 'rehearse.badSplitHint', {
        count: plan.splits.length,
      });
    return n - 1;
  };
  const from = splitNumber(opts.from);
  const only = splitNumber(opts.only);
  const first = only ?? from ?? 0;
  return {
    first,
    count: only !== null ? 1 : plan.splits.length - first,
    practice: Boolean(opts.practice) || from !== null || only !== null,
  };
}
