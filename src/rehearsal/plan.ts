import type { Block, Section } from '../pitch/model.js';
import { allBlocks } from '../pitch/model.js';
import { DEFAULT_WPM, openingWords } from '../pitch/words.js';
import { slugify } from '../pitch/text.js';
import type { CueUnit } from './cues.js';
import { sectionHash } from './identity.js';
import { sectionDuration } from '../pitch/targets.js';

/** One split of a rehearsal: what to say, and how long it may take. */
export interface PlannedSplit {
  /** Stable key: position + slug of the title ("3-dans-bale-iv-il-y"). Best segments are matched on it. */
  key: string;
  title: string;
  units: CueUnit[];
  words: number;
  budgetSeconds: number;
}

export interface RehearsalPlan {
  sectionId: string;
  sectionTitle: string;
  targetSeconds: number;
  splits: PlannedSplit[];
  /** Fingerprint of the section's text (rehearsal/identity.ts), to notice an edit since the personal best. */
  sectionHash?: string | undefined;
}

/** Blocks shorter than this join the next one: "Bonjour, je m’appelle Ibrahim." is not a split of its own. */
const MIN_SPLIT_WORDS = 8;

/**
 * Splits a section for rehearsal: one split per subsection when it has subsections (its own opening
 * blocks, if any, become a first split), otherwise one per block, where a paragraph announcing a list
 * ("Concrètement, j’ai :") and very short blocks are merged with the block that follows.
 * Budgets add up exactly to the target (to the tenth of a second): see splitBudgets.
 */
export function planRehearsal(section: Section, targetSeconds: number): RehearsalPlan {
  const groups: Array<{ title: string; blocks: Block[]; duration: number | null }> = [];
  if (section.children.length) {
    if (section.blocks.length)
      groups.push({ title: firstWords(section.blocks), blocks: section.blocks, duration: null });
    for (const child of section.children)
      groups.push({
        title: `${child.number} ${child.title}`.trim(),
        blocks: allBlocks(child),
        duration: sectionDuration(child),
      });
  } else {
    for (const run of mergeBlocks(section.blocks)) groups.push({ title: firstWords(run), blocks: run, duration: null });
  }
  if (!groups.length) groups.push({ title: section.title, blocks: [], duration: null });
  const words = groups.map((g) => g.blocks.reduce((n, b) => n + b.words, 0));
  const budgets = splitBudgets(
    groups.map((g, i) => ({ words: words[i]!, duration: g.duration })),
    targetSeconds,
  );
  return {
    sectionId: section.id,
    sectionTitle: section.title,
    targetSeconds,
    sectionHash: sectionHash(section),
    splits: groups.map((g, i) => ({
      key: `${i + 1}-${slugify(g.title).slice(0, 40)}`,
      title: g.title,
      units: g.blocks.flatMap(toUnits),
      words: words[i]!,
      budgetSeconds: budgets[i]!,
    })),
  };
}

function mergeBlocks(blocks: readonly Block[]): Block[][] {
  const runs: Block[][] = [];
  let pending: Block[] = [];
  blocks.forEach((block, i) => {
    pending.push(block);
    const isLast = i === blocks.length - 1;
    const announcesNext = block.kind === 'paragraph' && /:\s*$/u.test(block.text);
    const tooShort = pending.reduce((n, b) => n + b.words, 0) < MIN_SPLIT_WORDS;
    if (isLast || !(announcesNext || tooShort)) {
      runs.push(pending);
      pending = [];
    }
  });
  // A short closing block joins the previous split instead of standing alone.
  if (runs.length > 1 && runs[runs.length - 1]!.reduce((n, b) => n + b.words, 0) < MIN_SPLIT_WORDS) {
    const last = runs.pop()!;
    runs[runs.length - 1]!.push(...last);
  }
  return runs;
}

function toUnits(block: Block): CueUnit[] {
  if (block.kind === 'paragraph') return [{ inlines: block.inlines, text: block.text, item: false }];
  return block.items.map((item) => ({ inlines: item.inlines, text: item.text, item: true }));
}

/** The opening words of some blocks, punctuation kept: "Bonjour, je m’appelle Ibrahim. Aujourd’hui…". */
function firstWords(blocks: readonly Block[], n = 5): string {
  return openingWords(blocks.map((b) => b.text).join(' '), n);
}

/**
 * Budgets of the splits, adding up exactly to `total`. A split whose heading gives a duration ("(45 s)")
 * keeps it, and the others share what is left in proportion to their words. When the durations alone fill
 * the target (or every split has one), all budgets are scaled together: durations and, for the others, the
 * time their words take at the estimated pace keep their proportions.
 */
export function splitBudgets(
  parts: ReadonlyArray<{ words: number; duration: number | null }>,
  total: number,
): number[] {
  const fixed = parts.reduce((n, p) => n + (p.duration ?? 0), 0);
  if (fixed === 0)
    return allocateBudgets(
      parts.map((p) => p.words),
      total,
    );
  const free = parts.flatMap((p, i) => (p.duration === null ? [i] : []));
  // What is left must give each other split at least a second, else the durations cannot be kept as written.
  if (free.length && total - fixed >= free.length) {
    const rest = allocateBudgets(
      free.map((i) => parts[i]!.words),
      Math.round((total - fixed) * 10) / 10,
    );
    return parts.map((p, i) => p.duration ?? rest[free.indexOf(i)]!);
  }
  return allocateBudgets(
    parts.map((p) => p.duration ?? (Math.max(1, p.words) * 60) / DEFAULT_WPM),
    total,
  );
}

/**
 * Largest-remainder allocation in tenths of a second: shares proportional to `weights`
 * (a zero weight counts as 1 word so every split gets some time) that sum exactly to `total`.
 */
export function allocateBudgets(weights: readonly number[], total: number): number[] {
  if (!weights.length) return [];
  const tenths = Math.round(total * 10);
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 1));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (x / sum) * tenths);
  const floors = exact.map(Math.floor);
  let left = tenths - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left--;
  }
  return floors.map((x) => x / 10);
}
