import type { Question } from './types.js';

/**
 * How often the right option of a single-answer MCQ gives itself away by its length. A writer's habit
 * (the right answer carefully qualified, the distractors dashed off) lets a candidate score without
 * knowing anything, so the bundled bank is held to a limit and `pitch quiz --check` warns about a pack.
 */
export interface LengthBias {
  /** Single-answer MCQs measured. */
  measured: number;
  /** Ones whose right option is at least as long as every other option. */
  longest: number;
  /** Ones whose right option is at least as short as every other option. */
  shortest: number;
}

/** The bundled bank's limit on either share (issue 14): above it, length is a tell. */
export const MAX_LENGTH_SHARE = 0.35;
/** A pack is warned about from this share on, once it has enough MCQs for a share to mean something. */
export const WARN_LENGTH_SHARE = 0.5;
export const WARN_MIN_MCQS = 6;

/** Length as a reader sees it: characters, not UTF-16 units. */
const lengthOf = (text: string): number => [...text.trim()].length;

export function measureLengthBias(questions: readonly Question[]): LengthBias {
  let measured = 0;
  let longest = 0;
  let shortest = 0;
  for (const q of questions) {
    if (q.kind !== 'mcq' || !q.options || q.answers?.length !== 1) continue;
    const right = q.answers[0]!;
    const others = q.options.filter((o) => o !== right).map(lengthOf);
    if (!others.length) continue;
    measured++;
    const own = lengthOf(right);
    if (own >= Math.max(...others)) longest++;
    if (own <= Math.min(...others)) shortest++;
  }
  return { measured, longest, shortest };
}

export interface LengthBiasWarning {
  file: string;
  /** Which end the right option sits at. */
  side: 'longest' | 'shortest';
  count: number;
  measured: number;
}

/** Packs (by file, from each question's origin) whose right options sit systematically at one end. */
export function findLengthBias(questions: readonly Question[]): LengthBiasWarning[] {
  const byFile = new Map<string, Question[]>();
  for (const q of questions) {
    const file = q.origin.replace(/:\d+$/, '');
    byFile.set(file, [...(byFile.get(file) ?? []), q]);
  }
  const warnings: LengthBiasWarning[] = [];
  for (const [file, list] of byFile) {
    const bias = measureLengthBias(list);
    if (bias.measured < WARN_MIN_MCQS) continue;
    for (const side of ['longest', 'shortest'] as const) {
      if (bias[side] / bias.measured > WARN_LENGTH_SHARE)
        warnings.push({ file, side, count: bias[side], measured: bias.measured });
    }
  }
  return warnings;
}
