import type { ChalkInstance } from 'chalk';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang, Translate } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import type { Store, StoreNotice } from '../store/store.js';
import type { Pitch } from '../pitch/model.js';
import { PitchError, usageError } from '../core/errors.js';
import { keepColoursOnly, sanitizeParams } from '../ui/sanitize.js';
import type { PitchFile } from './pitch-file.js';

import type { OutStream } from '../ui/streams.js';
export type { OutStream };

/** Everything a command needs from the outside world, injected so commands stay testable. */
export interface AppContext {
  lang: Lang;
  t: Translate;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: OutStream;
  stderr: OutStream;
  /** Colours for stdout (level 0 when piped or NO_COLOR). Available once ready() resolved. */
  chalk: ChalkInstance;
  chalkErr: ChalkInstance;
  /** Loads what every command needs but `--help` does not (chalk). Idempotent. */
  ready(): Promise<void>;
  now: () => Date;
  /** Opens the user-data store (created lazily: commands that never touch it never pay for it). */
  store(): Promise<Store>;
  /**
   * Which pitch a command uses — the one place that decides: --file > PITCH_FILE > the default set by
   * `pitch init` (config.json) > the bundled pitch.
   */
  pitchFile(file?: string): Promise<PitchFile>;
  /** Reads and parses that pitch. */
  loadPitch(file?: string): Promise<Pitch>;
  /** Writes a line (or lines) to stdout. */
  print(text: string): void;
  /** Tells the user something on stderr (warnings, notices). */
  warn(text: string): void;
  /** Terminal width for renderers, 80 when unknown. */
  width(): number;
  isInteractive(): boolean;
}

/** The pitch shipped with the package. */
export const BUNDLED_PITCH = fileURLToPath(new URL('../../data/pitch.fr.md', import.meta.url));
/** The question packs shipped with the package. */
export const BUNDLED_QUESTIONS = fileURLToPath(new URL('../../data/questions', import.meta.url));

export function createContext(lang: Lang, env: NodeJS.ProcessEnv = process.env): AppContext {
  const t = translator(lang);
  let storePromise: Promise<Store> | undefined;
  let readyPromise: Promise<void> | undefined;
  // Until ready() loads chalk (and for --json output, which never does), colours are a no-op:
  // every chalk.x.y(text) gives back the text.
  const plain: ChalkInstance = new Proxy(((...text: unknown[]) => text.join(' ')) as unknown as ChalkInstance, {
    get: () => plain,
  });
  const ctx: AppContext = Object.assign(standardStreams(), {
    lang,
    t,
    env,
    chalk: plain,
    chalkErr: plain,
    ready() {
      // chalk is imported here rather than at the top so that `pitch --help` never pays for it.
      readyPromise ??= loadColours(ctx, env);
      return readyPromise;
    },
    now: () => new Date(),
    store() {
      storePromise ??= openStore(ctx, env);
      return storePromise;
    },
    async pitchFile(file) {
      const { resolvePitchFile } = await import('./pitch-file.js');
      return resolvePitchFile(ctx, file);
    },
    loadPitch: (file) => loadPitch(ctx, file),
    print: (text) => void ctx.stdout.write(keepColoursOnly(text.endsWith('\n') ? text : `${text}\n`)),
    warn: (text) => void ctx.stderr.write(keepColoursOnly(text.endsWith('\n') ? text : `${text}\n`)),
    width: () => Math.max(40, Math.min(ctx.stdout.columns || Number(env.COLUMNS) || 80, 160)),
    isInteractive: () => Boolean(ctx.stdin.isTTY && ctx.stdout.isTTY),
  } satisfies Omit<AppContext, StreamKey>);
  return ctx;
}

type StreamKey = 'stdin' | 'stdout' | 'stderr';

/**
 * process's standard streams, each taken when first used: Node builds each on first access (stdin on
 * /dev/null or a file loads its file-stream machinery, ~3 ms), and `pitch analyze --json` never reads
 * stdin. Tests may set their own.
 */
function standardStreams(): Pick<AppContext, StreamKey> {
  let stdin: NodeJS.ReadStream | undefined;
  let stdout: OutStream | undefined;
  let stderr: OutStream | undefined;
  return {
    get stdin() {
      return (stdin ??= process.stdin);
    },
    set stdin(stream) {
      stdin = stream;
    },
    get stdout() {
      return (stdout ??= process.stdout);
    },
    set stdout(stream) {
      stdout = stream;
    },
    get stderr() {
      return (stderr ??= process.stderr);
    },
    set stderr(stream) {
      stderr = stream;
    },
  };
}

async function loadColours(ctx: AppContext, env: NodeJS.ProcessEnv): Promise<void> {
  const { Chalk, supportsColor, supportsColorStderr } = await import('chalk');
  // chalk does not read NO_COLOR (no-color.org): any non-empty value turns colour off everywhere,
  // the live screen included, unless FORCE_COLOR asks for it (Node's own order of precedence).
  const noColor = Boolean(env.NO_COLOR) && env.FORCE_COLOR === undefined;
  const level = (support: typeof supportsColor) => (noColor || !support ? 0 : support.level);
  ctx.chalk = new Chalk({ level: level(supportsColor) });
  ctx.chalkErr = new Chalk({ level: level(supportsColorStderr) });
}

async function openStore(ctx: AppContext, env: NodeJS.ProcessEnv): Promise<Store> {
  const [{ Store }, { dataHome }] = await Promise.all([import('../store/store.js'), import('../store/paths.js')]);
  const { t } = ctx;
  return new Store({
    home: dataHome(env),
    onNotice: (n) => ctx.warn(noticeText(n, t, ctx.chalkErr)),
    // Plain JSON on its own line (no colour), so it can be copied or cut out of a log as it is.
    onUnsaved: (records) =>
      ctx.warn(
        `${ctx.chalkErr.yellow(t('store.unsavedKept', { what: Object.keys(records).join(', ') }))}\n${safeJson(records)}`,
      ),
  });
}

async function loadPitch(ctx: AppContext, file: string | undefined): Promise<Pitch> {
  const { path, origin } = await ctx.pitchFile(file);
  // Parsed once per version of the file: later runs skip the Markdown parser (docs/performance.md).
  const { cached } = await import('./cache.js');
  const pitch = await cached(await ctx.store(), 'pitch', [{ path, name: path }], [], async () => {
    const [{ readTextInput }, { parsePitch }] = await Promise.all([
      import('../io/input.js'),
      import('../pitch/parse.js'),
    ]);
    let text: string;
    try {
      text = readTextInput(path);
    } catch (error) {
      // The default chosen with `pitch init` has gone: say how to choose again.
      if (origin === 'config' && error instanceof PitchError && error.key === 'input.missing')
        throw usageError('init.defaultMissing', { file: path }, 'init.defaultMissingHint');
      throw error;
    }
    const pitch = parsePitch(text, path);
    if (!pitch.sections.length) throw usageError('pitch.noHeadings', { file: path }, 'pitch.noHeadingsHint');
    return pitch;
  });
  // The pitch's identity (rehearsal/identity.ts) is where it really lives: the same file by any path is one pitch.
  pitch.path = resolvedPath(path);
  return pitch;
}

/** The canonical path of a file (symbolic links followed), or its absolute path when that fails. */
export function resolvedPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function noticeText(notice: StoreNotice, t: Translate, chalk: ChalkInstance): string {
  const params = sanitizeParams({ file: notice.file, copy: notice.copy, reason: notice.reason });
  if (notice.kind === 'damaged-lines') return chalk.yellow(t('store.damagedLines', params));
  if (notice.kind === 'migrated') return chalk.dim(t('store.migrated', { ...params, log: params.reason ?? '' }));
  return chalk.yellow(t('store.movedAside', params));
}

/**
 * JSON that is safe on a terminal and still the same JSON: JSON.stringify escapes C0 controls (ESC
 * included); C1 controls and bidirectional overrides are escaped here the same way (\uXXXX).
 */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
