/**
 * Opening a file with the system's own opener (`pitch report --open`): xdg-open on Linux and the BSDs,
 * open on macOS, start (through cmd) on Windows. The file goes as an argument, never through a shell
 * string, and the opener is detached so pitch exits at once.
 */
import { spawn } from 'node:child_process';
import { findExecutable } from '../audio/tools.js';

export interface Opener {
  /** What the user is told was used. */
  name: string;
  command: string;
  args: (file: string) => string[];
}

/** The opener for this platform, or null when none is installed (a server, a minimal container). */
export function findOpener(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Opener | null {
  if (platform === 'win32') {
    const cmd = env.ComSpec || findExecutable('cmd.exe', env);
    // start's first quoted argument is the window title: an empty one keeps a quoted path from being taken for it.
    return cmd ? { name: 'start', command: cmd, args: (file) => ['/d', '/c', 'start', '""', file] } : null;
  }
  const name = platform === 'darwin' ? 'open' : 'xdg-open';
  const command = findExecutable(name, env);
  return command ? { name, command, args: (file) => [file] } : null;
}

/** Starts the opener on `file` and lets it run on its own; resolves once it has started (or failed to). */
export function openWith(opener: Opener, file: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args(file), { detached: true, stdio: 'ignore', env });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}
