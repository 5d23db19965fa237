import type { AppContext } from '../context.js';
import { interrupted, usageError } from '../../core/errors.js';
import { parseDuration } from '../../pitch/duration.js';
import { defaultRehearsalSection } from '../../pitch/lookup.js';
import { speakingSeconds } from '../../pitch/words.js';
import { planRehearsal } from '../../rehearsal/plan.js';
import { PROMPT_LEVELS, type PromptLevel } from '../../rehearsal/cues.js';
import { resolveSection } from './resolve-section.js';
import { runRehearsal } from '../../runners/rehearsal.js';
import { rehearsalPorts } from '../ports.js';

export interface RehearseOptions {
  file?: string;
  target?: string;
  prompt?: string;
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
  // Every option is checked before anything else happens, with or without a terminal.
  const target = opts.target === undefined ? undefined : parseDuration(opts.target);
  if (target === null) throw usageError('rehearse.badTarget', { value: opts.target! }, 'rehearse.badTargetHint');
  const promptOption = opts.prompt ?? 'auto';
  if (promptOption !== 'auto' && !(PROMPT_LEVELS as readonly string[]).includes(promptOption))
    throw usageError('rehearse.badPrompt', { value: promptOption }, 'rehearse.badPromptHint');
  if (opts.from !== undefined && opts.only !== undefined)
    throw usageError('rehearse.fromAndOnly', {}, 'rehearse.fromAndOnlyHint');

  const pitch = await ctx.loadPitch(opts.file);
  const section =
    sectionArg !== undefined ? resolveSection(pitch, sectionArg) : defaultRehearsalSection(pitch.sections);
  if (!section) throw usageError('rehearse.noDefault', {}, 'rehearse.noDefaultHint');
  const targetSeconds = target ?? section.targetSeconds ?? Math.max(1, speakingSeconds(section.words));
  const plan = planRehearsal(section, targetSeconds);

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
  const count = only !== null ? 1 : plan.splits.length - first;
  const practice = Boolean(opts.practice) || from !== null || only !== null;

  // No recorder installed: said before anything else happens, terminal or not.
  const recorder = opts.record ? (await import('../../audio/recorder.js')).requireRecorder(ctx.env) : null;
  if (!ctx.isInteractive()) throw usageError('usage.needsTty', { command: 'rehearse' }, 'usage.needsTtyHint');

  const store = await ctx.store();
  const run = await runRehearsal(rehearsalPorts(ctx, store, recorder), {
    section,
    plan,
    first,
    count,
    practice,
    prompt: promptOption as PromptLevel | 'auto',
    countdownMs: opts.countdown === false ? 0 : COUNTDOWN_MS,
  });
  if (run.outcome === 'abort') throw interrupted(run.signal);
}
