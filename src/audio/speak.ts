import { spawn, spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import type { Lang } from '../i18n/index.js';
import { usageError } from '../core/errors.js';

/**
 * A speech synthesizer found on this system and how to call it. The text itself is never an argument
 * a synthesizer could read as an option (a question starting with `-f /path` once made espeak-ng read
 * that file aloud): it goes on stdin, or after `--` for spd-say, which cannot read stdin.
 */
export interface Speaker {
  command: string;
  /** Options only: language, voice, rate. */
  args(lang: Lang): string[];
  /** How the text reaches it. */
  text: 'stdin' | 'after-dashes';
}

const CANDIDATES: Speaker[] = [
  { command: 'espeak-ng', args: (lang) => ['-v', lang, '-s', '150', '--stdin'], text: 'stdin' },
  // say: "-f -" reads the message from standard input.
  { command: 'say', args: (lang) => [...(lang === 'fr' ? ['-v', 'Thomas'] : []), '-f', '-'], text: 'stdin' },
  { command: 'spd-say', args: (lang) => ['-w', '-l', lang], text: 'after-dashes' },
];

/** The argument list for one sentence: options, then the text only when it cannot go on stdin. */
export function speakerArgs(speaker: Speaker, text: string, lang: Lang): string[] {
  return speaker.text === 'stdin' ? speaker.args(lang) : [...speaker.args(lang), '--', text];
}

/** Where the command is on this PATH, so the one spawned is the one found. */
function locate(command: string, env: NodeJS.ProcessEnv): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { env, encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path.startsWith('/') ? path : null;
}

/** The first synthesizer installed (espeak-ng, macOS say, speech-dispatcher), or a usage error naming what to install. */
export function findSpeaker(env: NodeJS.ProcessEnv): Speaker {
  for (const candidate of CANDIDATES) {
    const path = locate(candidate.command, env);
    if (path) return { ...candidate, command: path };
  }
  throw usageError('interview.noSpeaker', {}, 'interview.noSpeakerHint');
}

/** Says the text aloud and resolves when done (or when `signal` aborts it: the process is killed). */
export function speak(speaker: Speaker, text: string, lang: Lang, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(speaker.command, speakerArgs(speaker, text, lang), {
      stdio: [speaker.text === 'stdin' ? 'pipe' : 'ignore', 'ignore', 'ignore'],
      signal,
    });
    child.on('error', () => resolve()); // a synthesizer failing mid-way only loses the voice
    child.on('exit', () => resolve());
    if (child.stdin) {
      // A synthesizer that exits before reading everything closes the pipe: EPIPE only loses the voice.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    }
  });
}

/**
 * Whether the synthesizer can reach an audio output: espeak-ng says a silent word (amplitude 0) and
 * complains on stderr when no sound device opens (it still exits 0); `say` and `spd-say` are trusted.
 * Checked before the interview starts, so a question is never "read" to nobody.
 */
export function canSpeakAloud(speaker: Speaker, env: NodeJS.ProcessEnv): boolean {
  if (basename(speaker.command) !== 'espeak-ng') return true;
  const probe = spawnSync(speaker.command, ['-a', '0', '-v', 'en', 'ok'], {
    env,
    encoding: 'utf8',
    timeout: 5_000,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return probe.status === 0 && !probe.error && !/error|cannot|unknown pcm/i.test(probe.stderr ?? '');
}
