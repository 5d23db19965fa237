import { spawn, spawnSync } from 'node:child_process';
import type { Lang } from '../i18n/index.js';
import { usageError } from '../core/errors.js';

/** A speech synthesizer found on this system and how to call it. */
export interface Speaker {
  command: string;
  args(text: string, lang: Lang): string[];
}

const CANDIDATES: Speaker[] = [
  { command: 'espeak-ng', args: (text, lang) => ['-v', lang, '-s', '150', text] },
  { command: 'say', args: (text, lang) => [...(lang === 'fr' ? ['-v', 'Thomas'] : []), text] },
  { command: 'spd-say', args: (text, lang) => ['-w', '-l', lang, text] },
];

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { env, stdio: 'ignore' }).status === 0;
}

/** The first synthesizer installed (espeak-ng, macOS say, speech-dispatcher), or a usage error naming what to install. */
export function findSpeaker(env: NodeJS.ProcessEnv): Speaker {
  const found = CANDIDATES.find((c) => onPath(c.command, env));
  if (!found) throw usageError('interview.noSpeaker', {}, 'interview.noSpeakerHint');
  return found;
}

/** Says the text aloud and resolves when done (or when `signal` aborts it: the process is killed). */
export function speak(speaker: Speaker, text: string, lang: Lang, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(speaker.command, speaker.args(text, lang), { stdio: 'ignore', signal });
    child.on('error', () => resolve()); // a synthesizer failing mid-way only loses the voice
    child.on('exit', () => resolve());
  });
}
