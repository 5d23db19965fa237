import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { constants, Script } from 'node:vm';
import { detectLang, isLang } from '../i18n/lang.js';
import { analyzeRequest, commandName, langArgument, quickRequest } from './argv.js';

/**
 * The entry point. `pitch --help` and `pitch --version` are answered from dist/cli/quick-help.json,
 * which the build writes by running this very program's help (scripts/build.mjs), so they never load
 * commander; `pitch analyze` in its plain shapes (argv.ts `analyzeRequest`) runs from a script of its
 * own (quick-analyze.ts); everything else runs the full program (program.ts).
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const args = argv.slice(2);
  const quick = env.PITCH_NO_QUICK_HELP ? null : quickRequest(args);
  if (quick) {
    const requested = langArgument(args);
    const answers = quickAnswers();
    if (answers && (requested === undefined || isLang(requested))) {
      process.stdout.write(quick === 'version' ? `${answers.version}\n` : answers.help[detectLang(requested, env)]);
      return;
    }
  }
  if (await runQuickAnalyze(argv, env)) return;
  const loaded = loadProgram();
  const command = commandName(args) ?? '';
  if (loaded && REPORTS.has(command)) keepYoungGenerationSmall();
  if (loaded && command === 'history') keepHeapSmall();
  const { run } = loaded?.program ?? (await import('./program.js'));
  await run(argv, env);
}

/**
 * `pitch analyze` in its plain shapes, from its own script: true when the command line was one and
 * ran. Also run by the CommonJS entry (entry.ts), before any ES module loads.
 */
export async function runQuickAnalyze(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const analyze = env.PITCH_NO_QUICK_ANALYZE ? null : analyzeRequest(argv.slice(2));
  if (!analyze) return false;
  const { runAnalyze } = loadQuickAnalyze()?.program ?? (await import('./quick-analyze.js'));
  await runAnalyze(analyze, env);
  return true;
}

/** Commands that read a year of data into one report and end (statistics). */
const REPORTS = new Set(['stats', 'report']);

/**
 * V8 doubles its young generation (up to 16 MB twice over) when objects outlive their first collections,
 * as a report's do; for a process that ends once the report is out that only adds to its peak memory.
 * Measured at a year of data, 15 runs interleaved: `pitch stats` peaks at 81 MB instead of 85, `--json`
 * at 89 instead of 90, in the same time (docs/performance.md). Set once the program is compiled: V8
 * refuses a code cache made under other flags, and the build makes the cache without this one.
 */
function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * `pitch history --json` streams a year of records (15,000 parsed, normalized and written one at a time):
 * each is garbage as soon as it is written, yet V8 grew its young generation to 16 MB and its old one to
 * ~30 MB between full collections, so the peak grew with the history (58 MB at 1k reviews, 117 at 100k).
 * A young generation kept at its first size and an old one collected after 10 % growth instead of its
 * default factor keep it near flat: docs/performance.md (`bench-store`) has the figures. Set once the
 * program is compiled, like the setting above.
 */
function keepHeapSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=10');
}

interface QuickAnswers {
  version: string;
  help: Record<'fr' | 'en', string>;
}

function quickAnswers(): QuickAnswers | null {
  try {
    return JSON.parse(readFileSync(new URL('./quick-help.json', import.meta.url), 'utf8')) as QuickAnswers;
  } catch {
    return null; // running from sources, or a build without it: the full program answers
  }
}

type Program = typeof import('./program.js');
type QuickAnalyze = typeof import('./quick-analyze.js');

/** A script of the build and its compiled form (the build makes its code cache from it). */
export interface LoadedScript<T> {
  program: T;
  script: Script;
}

let loadedProgram: LoadedScript<Program> | null | undefined;
let loadedQuickAnalyze: LoadedScript<QuickAnalyze> | null | undefined;

/** The whole program (program.ts) as the build ships it; null when running from the sources. */
export function loadProgram(): LoadedScript<Program> | null {
  if (loadedProgram === undefined) loadedProgram = loadScript<Program>('program');
  return loadedProgram;
}

/** `pitch analyze` alone (quick-analyze.ts) as the build ships it; null when running from the sources. */
export function loadQuickAnalyze(): LoadedScript<QuickAnalyze> | null {
  if (loadedQuickAnalyze === undefined) loadedQuickAnalyze = loadScript<QuickAnalyze>('analyze');
  return loadedQuickAnalyze;
}

/**
 * A script as the build ships it: one file (dist/cli/NAME.script.js) compiled with the V8 code cache
 * the build made by running it (NAME.code-cache), so a command starts without parsing or compiling the
 * code it runs, and without Node's module loader resolving, reading and linking dozens of files
 * (docs/performance.md, `bench-store`). V8 checks the cache against its own version and flags and the
 * source's length, and compiles from the source when it refuses it (another Node, --inspect…); the two
 * files are written together by each build (dist/ is swapped in whole). Null when running from the
 * sources (tests), where the module is imported instead.
 */
function loadScript<T>(name: string): LoadedScript<T> | null {
  const url = new URL(`./${name}.script.js`, import.meta.url);
  let source: string;
  try {
    // The build keeps the script ASCII (non-ASCII characters escaped), so reading it as latin1 gives the
    // same text, decoded faster and held one byte a character.
    source = readFileSync(url, 'latin1');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(new URL(`./${name}.code-cache`, import.meta.url));
  } catch {
    // no cache (a build without it): compiled from the source
  }
  const filename = fileURLToPath(url);
  const script = new Script(source, {
    filename,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} as T };
  // The script is one function expression (the build wraps the bundle); its import.meta.url is this URL,
  // so data/ and package.json resolve from dist/cli/ as they did for modules.
  script.runInThisContext()(module.exports, createRequire(url), module, url.href);
  return { program: module.exports, script };
}
