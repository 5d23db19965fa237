import { readFileSync } from 'node:fs';
import { detectLang, isLang } from '../i18n/lang.js';
import { langArgument, quickRequest } from './argv.js';

/**
 * The entry point. `pitch --help` and `pitch --version` are answered from dist/cli/quick-help.json,
 * which the build writes by running this very program's help (scripts/build.mjs), so they never load
 * commander; everything else runs the full program (program.ts).
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
  const { run } = await import('./program.js');
  await run(argv, env);
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
