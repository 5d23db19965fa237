import type { PromptLevel } from './cues.js';
import type { SpeechSummary } from '../audio/metrics.js';
import type { PlannedSplit } from './plan.js';

/**
 * complete: every split ended by the speaker (none skipped, none left unsaid); incomplete: a split was skipped
 * or never reached (stopped and kept with q); aborted: Ctrl-C after the clock started; practice: --from/--only/--practice.
 */
export type AttemptKind = 'complete' | 'practice' | 'incomplete' | 'aborted';

/** How a split ended: said (the speaker pressed split), skipped (s), or never reached (the run stopped before it). */
export type SplitEnd = 'said' | 'skipped' | 'unreached';

/** Why a run was judged implausible (rehearsal/plausibility.ts). */
export interface SuspectReason {
  /** The split's key, or null for the whole run. */
  key: string | null;
  rule: 'pace' | 'floor';
  words: number;
  seconds: number;
  wordsPerMinute: number | null;
}

export interface SplitRecord {
  /** Stable key of the split within its section (index + slug of its title). */
  key: string;
  title: string;
  budgetSeconds: number;
  /** Seconds spent on this split; null when it was skipped or never reached. */
  seconds: number | null;
  words: number;
  /** How it ended; absent in records saved before it existed (then read from `seconds`). */
  end?: SplitEnd | undefined;
  /** Clock time at the split's end (a skipped split too), for cumulative deltas; null when not reached. */
  at?: number | null | undefined;
}

/** One rehearsal, as saved in history. */
export interface Attempt {
  id: string;
  startedAt: string;
  sectionId: string;
  sectionTitle: string;
  targetSeconds: number;
  promptLevel: PromptLevel;
  kind: AttemptKind;
  /** Total time on the clock (pauses excluded). */
  totalSeconds: number;
  splits: SplitRecord[];
  /** Words of the script rehearsed (for words per minute). */
  words: number;
  /**
   * Faster than anyone speaks (rehearsal/plausibility.ts): kept in history but never a personal best, a best
   * segment, part of the sum of best, a median or a chart point. False when the user confirmed a fast run.
   */
  suspect?: boolean | undefined;
  /** What made it implausible (kept when the user confirmed it, so the reason stays visible). */
  suspectReasons?: SuspectReason[] | undefined;
  /** The user said "keep it as a record" about a run the plausibility rule flagged. */
  confirmedFast?: boolean | undefined;
  /** Identity of the pitch: its resolved path (null in records saved before identities existed). */
  pitchFile?: string | null | undefined;
  /** Short content hash of the whole pitch file and of this section's text, to notice edits. */
  pitchHash?: string | undefined;
  sectionHash?: string | undefined;
  /**
   * With --record: the WAV (relative to the data directory), and on its time line the moment the clock
   * started (clockStart) and the end of each split (splitEnds), in seconds from the start of the file.
   */
  recording?: { file: string; splitEnds: number[]; clockStart?: number | undefined } | undefined;
  /** Speech figures of the recording (src/audio summarizeSpeech): pace, pauses, per split. Read defensively: older or hand-edited files may lack some. */
  speech?: Partial<SpeechSummary> | undefined;
}

/** What the live split screen shows of a run besides its clock: built by the rehearsal runner, drawn by ui. */
export interface LiveRunView {
  sectionTitle: string;
  /** The splits being rehearsed (all of them, or the --from/--only slice). */
  splits: readonly PlannedSplit[];
  /** Number of the first rehearsed split in the whole plan (1 unless --from/--only). */
  firstNumber: number;
  targetSeconds: number;
  level: PromptLevel;
  /** Best segment per split key before this run. */
  bestSegments: Readonly<Record<string, number>>;
  /** Personal best's cumulative seconds at the end of each rehearsed split (null where unknown). */
  pbCumulative: ReadonlyArray<number | null>;
  attemptNumber: number;
  practice: boolean;
}
