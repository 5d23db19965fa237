import type { AnalyzeRequest } from './argv.js';
import { ANALYZE_ROW } from './analyze-row.js';
import { createContext } from './context.js';
import { reportError } from './report-error.js';
import { detectLang } from '../i18n/lang.js';
import { fileWriter } from '../ui/streams.js';
import { exitIfTerminalGone, guardTerminal, writesDirectly } from '../ui/terminal.js';

/**
 * `pitch analyze` without the full program: the build ships this as its own script with its own code
 * cache (scripts/build.mjs), so the command starts without commander and without running or compiling
 * what the other commands need. The command, its context, its errors and exit codes, the terminal guard
 * and the language are the full program's own (program.ts `run`, the `analyze` row of command-table.ts);
 * the arguments are read by `analyzeRequest` (argv.ts), which leaves every other shape of command line
 * to the full program.
 */
export async function runAnalyze(request: AnalyzeRequest, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const ctx = createContext(detectLang(request.lang, env), env);
  // Output to a file, /dev/null or a pipe is written as Node would write it, without building its stream.
  if (writesDirectly(1)) ctx.stdout = fileWriter(1, () => process.stdout);
  if (writesDirectly(2)) ctx.stderr = fileWriter(2, () => process.stderr);
  guardTerminal();
  try {
    // The command table's own row runs it, with commander's arguments (the file, then the options); as
    // in the program's preAction hook, its module loads beside colours, which --json never loads.
    const row = ANALYZE_ROW;
    const [module] = await Promise.all([row.load(), request.opts.json ? undefined : ctx.ready()]);
    await row.run(module, ctx, [request.audio, request.opts]);
  } catch (error) {
    process.exitCode = await reportError(ctx, error, env);
  }
  exitIfTerminalGone();
}
