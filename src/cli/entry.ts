import { runQuickAnalyze } from './main.js';

/**
 * bin/pitch.js's entry, which the build makes CommonJS (dist/cli/entry.cjs; bin/ holds a package.json
 * saying so): `pitch analyze` runs from here without Node's ES module loader (~5 ms of a start,
 * docs/voice.md, "Speed and memory"); every other command goes on through the ES module entry
 * (dist/cli/main.js) as before. Not the others: the whole program started this way lost keys in the
 * quiz's pseudo-terminal tests (1 run in 3), and `pitch --help`, the start the statistics' benchmark
 * measures every command against, stays the start every other command has.
 */
export async function start(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (await runQuickAnalyze(argv, env)) return;
  const { main } = (await import(new URL('./main.js', import.meta.url).href)) as typeof import('./main.js');
  await main(argv, env);
}
