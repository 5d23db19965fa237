import type { AppContext } from './context.js';
import { EXIT, exitCodeOf, PitchError } from '../core/errors.js';
import { formatError } from '../ui/render/error.js';
import { sanitizeParams } from '../ui/sanitize.js';

/**
 * A command's error as the user sees it: one sentence and its hint on stderr (the stack with
 * PITCH_DEBUG), and the exit code. Shared by the full program (program.ts, after commander's own
 * errors) and the quick `pitch analyze` (quick-analyze.ts).
 */
export async function reportError(ctx: AppContext, error: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  await ctx.ready();
  if (error instanceof PitchError) {
    if (error.kind === 'interrupted') {
      ctx.warn(ctx.t('error.interrupted'));
      return exitCodeOf(error);
    }
    ctx.warn(
      formatError(
        ctx.t,
        ctx.chalkErr,
        ctx.t(error.key, sanitizeParams(error.params)),
        error.hint ? ctx.t(error.hint, sanitizeParams(error.hintParams)) : undefined,
      ),
    );
    if (env.PITCH_DEBUG) ctx.warn(error.stack ?? '');
    return exitCodeOf(error);
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.warn(
    formatError(
      ctx.t,
      ctx.chalkErr,
      ctx.t('error.unexpected', sanitizeParams({ message })),
      ctx.t('error.unexpectedHint'),
    ),
  );
  if (env.PITCH_DEBUG && error instanceof Error) ctx.warn(error.stack ?? '');
  return EXIT.failure;
}
