import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppContext } from './context.js';
import { cached } from './cache.js';
import { BUNDLED_QUESTIONS } from './context.js';
import { PitchError, usageError } from '../core/errors.js';
import { describeOpenError, isErrno, MAX_PACK_BYTES, readTextInput } from '../io/input.js';
import type { Bank } from '../quiz/bank.js';
import type { PackIssue, PackSource, Topic } from '../quiz/types.js';
import { withSpinner } from '../ui/spinner.js';

/**
 * Loading the question bank for every command that needs it (quiz, stats, interview): bundled packs,
 * then $PITCH_HOME/questions, then --bank, merged by topic, cached while the files are unchanged;
 * and the user's pitch as the `pitch` topic.
 */

/** Where extra packs come from, and whether pack problems are told (quiz) or left to `quiz --check` (stats). */
export interface BankOptions {
  bank?: string | undefined;
  quiet?: boolean | undefined;
}

export interface Sources {
  sources: PackSource[];
  issues: PackIssue[];
}

/**
 * The .yaml files of a directory (sorted), or the file itself. A missing path, a symlink loop, a name too
 * long or a folder that cannot be listed is a usage error naming it (a file that cannot be read is a pack
 * issue, found when it is read).
 */
export function packFiles(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR'))
      throw usageError('quiz.bankMissing', { path }, 'quiz.bankHint');
    throw describeOpenError(error, path, 'quiz.bankHint');
  }
  if (!isDir) return [path];
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (error) {
    if (isErrno(error, 'EACCES') || isErrno(error, 'EPERM'))
      throw usageError('quiz.bankUnreadable', { path }, 'quiz.bankUnreadableHint');
    throw describeOpenError(error, path, 'quiz.bankHint');
  }
  return names
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(path, f));
}

/** Reads pack files; a file that cannot be read becomes a pack issue, not a crash. */
export function readPacks(files: readonly string[], nameOf: (file: string) => string, into: Sources): void {
  for (const file of files) {
    try {
      into.sources.push({ name: nameOf(file), text: readTextInput(file, MAX_PACK_BYTES) });
    } catch (error) {
      if (!(error instanceof PitchError)) throw error;
      into.issues.push({ file: nameOf(file), line: 0, key: error.key, params: error.params });
    }
  }
}

/** A pack file to load and what messages call it. */
export interface PackFile {
  path: string;
  name: string;
}

/** Bundled packs, then $PITCH_HOME/questions, then --bank: the merge order. */
export async function allPackFiles(ctx: AppContext, opts: BankOptions): Promise<PackFile[]> {
  const files = packFiles(BUNDLED_QUESTIONS).map((path) => ({ path, name: basename(path) }));
  const home = join((await ctx.store()).home, 'questions');
  if (isDirectory(home)) files.push(...packFiles(home).map((path) => ({ path, name: path })));
  if (opts.bank) files.push(...packFiles(opts.bank).map((path) => ({ path, name: path })));
  return files;
}

export function readAll(files: readonly PackFile[]): Sources {
  const out: Sources = { sources: [], issues: [] };
  readPacks(
    files.map((f) => f.path),
    (path) => files.find((f) => f.path === path)!.name,
    out,
  );
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every pack, merged and validated; unchanged packs come from the cache. Problems are told once, on stderr. */
export async function loadQuestionBank(ctx: AppContext, opts: BankOptions = {}): Promise<Bank> {
  const files = await allPackFiles(ctx, opts);
  // A cache miss parses every pack (hundreds of ms, the CPU busy): said at once on a terminal.
  const bank = await cached(await ctx.store(), 'quiz-bank', files, [], () =>
    withSpinner(
      ctx.stderr,
      ctx.t('wait.packs'),
      async () => {
        const { sources, issues } = readAll(files);
        // The pack reader and validator only on a cache miss (a command whose packs did not change never loads them).
        const { loadBank } = await import('../quiz/bank.js');
        const loaded = await loadBank(sources);
        return { ...loaded, issues: [...issues, ...loaded.issues] };
      },
      { delayMs: 0, colour: ctx.chalkErr.level > 0 },
    ),
  );
  if (bank.issues.length && !opts.quiet) {
    // The renderer (and the text layout behind it, ~20 ms to load) only when there is something to tell.
    const { formatIssue } = await import('../ui/render/quiz-list.js');
    ctx.warn(
      ctx.chalkErr.yellow(
        ctx.t('quiz.packWarning', { count: bank.issues.length, first: formatIssue(bank.issues[0]!, ctx.t) }),
      ),
    );
  }
  return bank;
}

/** The user's pitch as a topic (cached: building it means loading the Markdown parser). */
export async function loadPitchTopic(ctx: AppContext, file?: string): Promise<Topic> {
  const { path } = await ctx.pitchFile(file);
  return cached(await ctx.store(), 'quiz-pitch', [{ path, name: path }], [ctx.lang], async () => {
    const [{ pitchTopic }, pitch] = await Promise.all([import('../quiz/pitch-cards.js'), ctx.loadPitch(file)]);
    const { t } = ctx;
    return pitchTopic(pitch, {
      title: t('quiz.pitchTitle'),
      recallPrompt: (intro, count) =>
        intro ? t('quiz.pitch.recall', { intro, count }) : t('quiz.pitch.recallNoIntro', { count }),
      where: (section) => t('quiz.pitch.where', { number: section.number, title: section.title }),
    });
  });
}

// ---------------------------------------------------------------- cache
