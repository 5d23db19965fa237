/** Finding the system's audio tools (sox, arecord, ffmpeg) without running them. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Absolute path of an executable found on PATH (or the path itself when given one), or null. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = isAbsolute(name)
    ? [name]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, name));
  for (const file of candidates) {
    try {
      if (!statSync(file).isFile()) continue;
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there, or not executable: keep looking
    }
  }
  return null;
}

/**
 * The sentence a tool printed last on stderr, without ALSA's chatter and the tool's own prefix
 * ("rec FAIL sox: Sorry, …" → "Sorry, …"), at most 200 characters.
 */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^ALSA lib /.test(l));
  const line =
    lines.find((l) => /no default audio device|cannot open audio device|audio open error/i.test(l)) ??
    lines[lines.length - 1] ??
    '';
  return line
    .replace(/^\S+ FAIL \S+:\s*/, '')
    .replace(/^\[[^\]]*\]\s*/, '')
    .slice(0, 200);
}
