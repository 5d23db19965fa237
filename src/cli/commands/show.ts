import type { AppContext } from '../context.js';
import { renderSection } from '../../ui/render/show.js';
import { resolveSection } from './resolve-section.js';

export async function showCommand(ctx: AppContext, query: string | undefined, opts: { file?: string }): Promise<void> {
  const pitch = await ctx.loadPitch(opts.file);
  const sections = query === undefined ? pitch.sections : [resolveSection(pitch, query)];
  ctx.print(sections.map((s) => renderSection(s, ctx.width(), ctx.chalk)).join('\n\n'));
}
