import type { RehearsalPlan } from './plan.js';
import type { TimerState } from './timer.js';
import { elapsedMs, segmentSeconds, round1 } from './timer.js';
import type { Attempt, AttemptKind } from './types.js';
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
}

/** complete / practice for a run that reached its end; incomplete when stopped and kept; aborted on Ctrl-C. */
export function attemptKind(outcome: Outcome, practice: boolean): AttemptKind | null {
  switch (outcome) {
    case 'finished':
      return practice ? 'practice' : 'complete';
    case 'keep':
      return 'incomplete';
    case 'abort':
      return 'aborted';
    case 'discard':
      return null;
  }
}

/** The record saved to history, or null when the user discarded the run. */
export function buildAttempt(input: AttemptInput): Attempt | null {
  const kind = attemptKind(input.outcome, input.practice);
  if (!kind) return null;
  const planned = input.plan.splits.slice(input.first, input.first + input.count);
  const seconds = segmentSeconds(input.timer);
  return {
    id: input.id,
    startedAt: input.startedAt.toISOString(),
    sectionId: input.plan.sectionId,
    sectionTitle: input.plan.sectionTitle,
    targetSeconds: input.plan.targetSeconds,
    promptLevel: input.promptLevel,
    kind,
    totalSeconds: round1(elapsedMs(input.timer, input.now) / 1000),
    splits: planned.map((s, i) => ({
      key: s.key,
      title: s.title,
      budgetSeconds: s.budgetSeconds,
      seconds: seconds[i] ?? null,
      words: s.words,
    })),
    words: planned.reduce((n, s) => n + s.words, 0),
  };
}

/** A sortable, unique-enough id: "20261126-140512-3f9a". */
export function attemptId(date: Date, random: () => number): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0')}`;
}
