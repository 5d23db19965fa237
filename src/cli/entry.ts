import { runQuick } from './main.js';

/**
 * bin/pitch.js's entry, which the build makes CommonJS (dist/cli/entry.cjs; bin/ holds a package.json
 * saying so): `--help`, `--version` and `pitch analyze` run from here without Node's ES module loader,
 * ~6 ms of a start (docs/performance.md); every other command goes on through the ES module entry
 * (dist/cli/main.js) as before, its own copy of main.ts.
 */
export async function start(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (await runQuick(argv, env)) return;
  const { main } = (await import(new URL('./main.js', import.meta.url).href)) as typeof import('./main.js');
  await main(argv, env);
}
