import type { RehearsalPlan } from './plan.js';
import type { TimerState } from './timer.js';
import { elapsedMs, segmentSeconds, round1 } from './timer.js';
import type { Attempt, AttemptKind, SplitEnd } from './types.js';
import type { PitchIdentity } from './identity.js';
import { assessPlausibility } from './plausibility.js';
import type { PromptLevel } from './cues.js';
import type { Outcome } from './session.js';

export interface AttemptInput {
  id: string;
  startedAt: Date;
  plan: RehearsalPlan;
  /** Index of the first planned split that was rehearsed, and how many (for --from/--only). */
  first: number;
  count: number;
  timer: TimerState;
  now: number;
  outcome: Outcome;
  practice: boolean;
  promptLevel: PromptLevel;
  /** The pitch file rehearsed (its identity); absent only in tests of older behaviour. */
  pitch?: PitchIdentity | undefined;
}

/** How each split ended, from the timer's marks. */
export function splitEnds(timer: TimerState): SplitEnd[] {
  return Array.from({ length: timer.splitCount }, (_, i) => {
    const mark = timer.marks[i];
    return !mark ? 'unreached' : mark.skipped ? 'skipped' : 'said';
  });
}

/**
 * What a run counts as. complete only when the speaker ended every split; a run that reached its end with a
 * skipped split is incomplete. null: nothing to save (discarded, or Ctrl-C before the clock started).
 */
export function attemptKind(
  outcome: Outcome,
  practice: boolean,
  ends: readonly SplitEnd[] = [],
  clockStarted = true,
): AttemptKind | null {
  switch (outcome) {
    case 'finished':
      if (practice) return 'practice';
      return ends.every((e) => e === 'said') ? 'complete' : 'incomplete';
    case 'keep':
      return 'incomplete';
    case 'abort':
      return clockStarted ? 'aborted' : null;
    case 'discard':
      return null;
  }
}

/** The record saved to history, or null when there is nothing to save (discarded, or aborted in the countdown). */
export function buildAttempt(input: AttemptInput): Attempt | null {
  const ends = splitEnds(input.timer);
  const kind = attemptKind(input.outcome, input.practice, ends, input.timer.startedAt !== null);
  if (!kind) return null;
  const planned = input.plan.splits.slice(input.first, input.first + input.count);
  const seconds = segmentSeconds(input.timer);
  const splits = planned.map((s, i) => ({
    key: s.key,
    title: s.title,
    budgetSeconds: s.budgetSeconds,
    seconds: seconds[i] ?? null,
    words: s.words,
    end: ends[i] ?? 'unreached',
    at: input.timer.marks[i] ? round1(input.timer.marks[i]!.atMs / 1000) : null,
  }));
  const reasons = assessPlausibility(splits);
  return {
    id: input.id,
    startedAt: input.startedAt.toISOString(),
    sectionId: input.plan.sectionId,
    sectionTitle: input.plan.sectionTitle,
    targetSeconds: input.plan.targetSeconds,
    promptLevel: input.promptLevel,
    kind,
    totalSeconds: round1(elapsedMs(input.timer, input.now) / 1000),
    splits,
    words: planned.reduce((n, s) => n + s.words, 0),
    suspect: reasons.length > 0,
    ...(reasons.length ? { suspectReasons: reasons } : {}),
    pitchFile: input.pitch?.file ?? null,
    ...(input.pitch ? { pitchHash: input.pitch.hash } : {}),
    ...(input.plan.sectionHash ? { sectionHash: input.plan.sectionHash } : {}),
  };
}

/** A sortable, unique-enough id: "20261126-140512-3f9a". */
export function attemptId(date: Date, random: () => number): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0')}`;
}
