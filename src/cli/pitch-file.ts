import { isAbsolute, relative, resolve } from 'node:path';
import { homedir } from 'node:os';
import type { AppContext } from './context.js';
import { BUNDLED_PITCH } from './context.js';

/** Where the pitch in use was named: --file, PITCH_FILE, `pitch init` (the config), or nowhere (bundled). */
export type PitchOrigin = 'option' | 'env' | 'config' | 'bundled';

export interface PitchFile {
  path: string;
  origin: PitchOrigin;
}

/**
 * The one place that decides which pitch a command uses: --file > PITCH_FILE > the default set by
 * `pitch init` (config.json in the data directory) > the bundled pitch.
 */
export async function resolvePitchFile(ctx: AppContext, file?: string): Promise<PitchFile> {
  if (file !== undefined && file.trim()) return { path: file, origin: 'option' };
  const fromEnv = ctx.env.PITCH_FILE?.trim();
  if (fromEnv) return { path: fromEnv, origin: 'env' };
  const [{ configSpec }, store] = await Promise.all([import('../store/config.js'), ctx.store()]);
  const configured = store.read(configSpec).pitchFile;
  if (configured) return { path: configured, origin: 'config' };
  return { path: BUNDLED_PITCH, origin: 'bundled' };
}

/** A path as a person reads it: relative to here when below, ~ for the home directory. */
export function displayPath(path: string, cwd = process.cwd(), home = homedir()): string {
  const absolute = resolve(cwd, path);
  const below = relative(cwd, absolute);
  if (below && !below.startsWith('..') && !isAbsolute(below)) return below;
  const fromHome = relative(home, absolute);
  if (home && fromHome && !fromHome.startsWith('..') && !isAbsolute(fromHome)) return `~/${fromHome}`;
  return absolute;
}

/** The line each command opens with to say which pitch it uses, and why that one (dim, one line). */
export async function pitchHeader(ctx: AppContext, file?: string): Promise<string> {
  const { path, origin } = await resolvePitchFile(ctx, file);
  const { sanitizeLine } = await import('../ui/sanitize.js');
  return ctx.chalk.dim(
    ctx.t('pitch.header', { file: sanitizeLine(displayPath(path)), origin: ctx.t(`pitch.origin.${origin}`) }),
  );
}
