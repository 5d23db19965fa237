import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './root.js';

export { ROOT };
export const BIN = join(ROOT, 'bin', 'pitch.js');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  throw new Error('End-to-end tests drive the built CLI: run "npm run build" first (npm test does it).');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh PITCH_HOME in the temp directory; removed by the returned cleanup. */
export function tempHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'pitch-test-'));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Runs the real binary without a terminal (stdin closed, output piped). */
export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  input?: string | Buffer,
  cwd: string = ROOT,
  /** Another user to run as (tests of permissions, which root would bypass). */
  as?: { uid: number; gid: number },
): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    ...as,
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      LANG: 'fr_FR.UTF-8',
      LC_ALL: undefined,
      PITCH_LANG: undefined,
      PITCH_FILE: undefined,
      ...env,
    },
    timeout: 20_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Fresh PITCH_HOMEs for one test file, all removed when the file's tests end:
 * `const freshHome = homesForThisFile();` then `const home = freshHome();`.
 */
export function homesForThisFile(): () => string {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));
  return () => {
    const { home, cleanup } = tempHome();
    cleanups.push(cleanup);
    return home;
  };
}

/** `pitch history --json` of a home. */
export const historyOf = (home: string) => JSON.parse(runCli(['history', '--json'], { PITCH_HOME: home }).stdout);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
