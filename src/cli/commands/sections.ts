import type { AppContext } from '../context.js';
import { summarizeSections } from '../../pitch/summary.js';
import { DEFAULT_WPM } from '../../pitch/words.js';
import { renderSections } from '../../ui/render/sections.js';

export async function sectionsCommand(ctx: AppContext, opts: { file?: string; json?: boolean }): Promise<void> {
  const pitch = await ctx.loadPitch(opts.file);
  const data = summarizeSections(pitch, DEFAULT_WPM);
  if (opts.json) ctx.print(JSON.stringify(data, null, 2));
  else {
    const { pitchHeader } = await import('../pitch-file.js');
    ctx.print(await pitchHeader(ctx, opts.file));
    ctx.print(renderSections(data, DEFAULT_WPM, ctx.width(), ctx.t, ctx.chalk));
  }
}
