import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { BUNDLED_PITCH } from '../context.js';
import { displayPath } from '../pitch-file.js';
import { usageError } from '../../core/errors.js';
import { formatClock } from '../../pitch/duration.js';
import { flattenSections, type Pitch } from '../../pitch/model.js';
import { DEFAULT_WPM, speakingSeconds } from '../../pitch/words.js';
import { configSpec } from '../../store/config.js';
import { writeNewFile } from '../../store/export.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import { wrapText } from '../../ui/text-layout.js';

export interface InitOptions {
  reset?: boolean;
}

/** The starter pitch in the UI language (data/starter/pitch.<lang>.md, next to the bundled pitch). */
const starterPath = (lang: string) => join(dirname(BUNDLED_PITCH), 'starter', `pitch.${lang}.md`);

/**
 * `pitch init [FILE]`: makes the user's own pitch the default. FILE (default ./pitch.md) is checked
 * when it exists — sections, targets, key terms, words, estimated time — else the starter pitch is
 * written there first (never over an existing file). `--reset` goes back to the shipped pitch.
 */
export async function initCommand(ctx: AppContext, file: string | undefined, opts: InitOptions): Promise<void> {
  const { t, chalk } = ctx;
  const store = await ctx.store();
  if (opts.reset) {
    if (file !== undefined) throw usageError('init.resetWithFile', {}, 'init.resetWithFileHint');
    store.update(configSpec, (doc) => {
      delete doc.pitchFile;
    });
    ctx.print(chalk.green(t('init.reset', { file: sanitizeLine(displayPath(BUNDLED_PITCH)) })));
    return;
  }
  const path = resolve(file?.trim() || 'pitch.md');
  const shown = sanitizeLine(displayPath(path));
  const lines: string[] = [];
  if (!existsSync(path)) {
    writeNewFile(path, readFileSync(starterPath(ctx.lang), 'utf8'));
    lines.push(chalk.green(t('init.wrote', { file: shown })));
  } else lines.push(chalk.bold(t('init.checked', { file: shown })));

  // Parsed like every command will parse it: a file without headings is refused here, before it becomes the default.
  lines.push(...describePitch(ctx, await ctx.loadPitch(path)));
  store.update(configSpec, (doc) => {
    doc.pitchFile = path;
  });
  const width = ctx.width();
  lines.push('', ...wrapText(t('init.isDefault'), width));
  const fromEnv = ctx.env.PITCH_FILE?.trim();
  if (fromEnv) lines.push(...wrapText(t('init.envWins', { file: fromEnv }), width).map((l) => chalk.yellow(l)));
  lines.push(...wrapText(t('init.next'), width).map((l) => chalk.dim(l)));
  ctx.print(lines.join('\n'));
}

/** What `pitch init` found in a pitch: sections and targets, key terms, words and speaking time, and what is missing. */
function describePitch(ctx: AppContext, pitch: Pitch): string[] {
  const { t, chalk } = ctx;
  const lines: string[] = [];
  const all = flattenSections(pitch.sections);
  const targets = all.filter((s) => s.targetSeconds !== null);
  const terms = [...new Set(all.flatMap((s) => s.keyTerms.map((k) => k.term)))];
  const words = pitch.sections.reduce((n, s) => n + s.words, 0);
  lines.push(`  ${t('init.sections', { count: all.length, targets: targets.length })}`);
  for (const s of targets)
    lines.push(
      t('init.target', {
        number: s.number || '—',
        title: sanitizeLine(s.title),
        target: formatClock(s.targetSeconds!),
      }).replace(/^ {2}/, '    '),
    );
  const examples = terms.length
    ? ` : ${terms.slice(0, 5).map(sanitizeLine).join(', ')}${terms.length > 5 ? '…' : ''}`
    : '';
  const width = ctx.width();
  lines.push(
    ...wrapText(
      t('init.terms', { count: terms.length, examples: ctx.lang === 'fr' ? examples : examples.replace(' : ', ': ') }),
      width,
      '  ',
      '    ',
    ),
  );
  lines.push(
    `  ${t('init.words', { words, time: formatClock(speakingSeconds(words, DEFAULT_WPM)), wpm: DEFAULT_WPM })}`,
  );
  if (!targets.length) lines.push(...wrapText(t('init.noTarget'), width).map((l) => chalk.yellow(l)));
  if (!terms.length) lines.push(...wrapText(t('init.noTerms'), width).map((l) => chalk.yellow(l)));

  return lines;
}
