import type { PromptLevel } from './cues.js';
import type { SpeechSummary } from '../audio/metrics.js';

/** complete: a full run from the first split to the last; practice: --from/--only/--practice; incomplete: stopped and kept; aborted: Ctrl-C. */
export type AttemptKind = 'complete' | 'practice' | 'incomplete' | 'aborted';

export interface SplitRecord {
  /** Stable key of the split within its section (index + slug of its title). */
  key: string;
  title: string;
  budgetSeconds: number;
  /** Seconds spent on this split; null when it was skipped or never reached. */
  seconds: number | null;
  words: number;
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
   * With --record: the WAV (relative to the data directory), and on its time line the moment the clock
   * started (clockStart) and the end of each split (splitEnds), in seconds from the start of the file.
   */
  recording?: { file: string; splitEnds: number[]; clockStart?: number | undefined } | undefined;
  /** Speech figures of the recording (src/audio summarizeSpeech): pace, pauses, per split. Read defensively: older or hand-edited files may lack some. */
  speech?: Partial<SpeechSummary> | undefined;
}
