import { statSync } from 'node:fs';
import type { AppContext } from './context.js';
import { withSpinner } from '../ui/spinner.js';

/** About a minute of 16 kHz 16-bit mono: an analysis that keeps the user waiting long enough to say so. */
const LONG_AUDIO_BYTES = 2_000_000;

/**
 * Analyses an audio file with "Analysing the recording…" on a terminal when the file is long. The analysis
 * keeps the CPU busy, so a delayed spinner would never start: long files show it at once, short ones never
 * (and never load ora).
 */
export function whileAnalysing<T>(ctx: AppContext, path: string, work: () => Promise<T>): Promise<T> {
  const long = sizeOf(path) >= LONG_AUDIO_BYTES;
  return withSpinner(ctx.stderr, ctx.t('wait.analysing'), work, {
    delayMs: long ? 0 : Number.POSITIVE_INFINITY,
    colour: ctx.chalkErr.level > 0,
  });
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the analysis says why it cannot read the file
  }
}
