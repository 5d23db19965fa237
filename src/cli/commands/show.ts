import type { AppContext } from '../context.js';
import { renderSection } from '../../ui/render/show.js';
import { resolveSection } from './resolve-section.js';
import { findInBody, findSection } from '../../pitch/lookup.js';
import { sanitizeLine } from '../../ui/sanitize.js';
import { truncate, wrapText } from '../../ui/text-layout.js';

export async function showCommand(ctx: AppContext, query: string | undefined, opts: { file?: string }): Promise<void> {
  const pitch = await ctx.loadPitch(opts.file);
  const { pitchHeader } = await import('../pitch-file.js');
  // No title matches: look in the text itself and list where the words are, with the sentence.
  if (query !== undefined && findSection(pitch.sections, query).kind === 'unknown') {
    const hits = findInBody(pitch.sections, query);
    if (hits.length) {
      const { t, chalk } = ctx;
      const width = ctx.width();
      const lines = wrapText(t('show.inBody', { query, count: hits.length }), width);
      for (const { section, excerpt } of hits) {
        lines.push(
          `  ${chalk.bold(t('section.item', { number: section.number || section.id, title: sanitizeLine(section.title) }))}`,
        );
        lines.push(chalk.dim(`    ${truncate(sanitizeLine(excerpt), width - 4)}`));
      }
      ctx.print(await pitchHeader(ctx, opts.file));
      lines.push('', chalk.dim(t('show.inBodyHint', { number: hits[0]!.section.number || hits[0]!.section.id })));
      ctx.print(lines.join('\n'));
      return;
    }
  }
  const sections = query === undefined ? pitch.sections : [resolveSection(pitch, query, ctx.t)];
  ctx.print(await pitchHeader(ctx, opts.file));
  ctx.print(sections.map((s) => renderSection(s, ctx.width(), ctx.chalk)).join('\n\n'));
}
