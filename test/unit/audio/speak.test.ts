// The synthesizers get their text as text, never as options: a stand-in for each one records the
// arguments it was given and what arrived on its stdin.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { findSpeaker, speak } from '../../../src/audio/speak.js';

const dir = mkdtempSync(join(tmpdir(), 'pitch-speak-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A folder holding one stand-in synthesizer that writes its arguments (one a line) and its stdin to files. */
function standIn(command: string): { env: NodeJS.ProcessEnv; args: () => string[]; stdin: () => string } {
  const bin = mkdtempSync(join(dir, `${command}-`));
  const argsFile = join(bin, 'args.txt');
  const stdinFile = join(bin, 'stdin.txt');
  writeFileSync(
    join(bin, command),
    `#!/bin/sh\n: > "${argsFile}"\nfor a in "$@"; do printf '%s\\n' "$a" >> "${argsFile}"; done\n/bin/cat > "${stdinFile}"\n`,
  );
  chmodSync(join(bin, command), 0o755);
  // Only the stand-in on the PATH (and the shell findSpeaker asks), so a real espeak-ng is never found.
  symlinkSync('/bin/sh', join(bin, 'sh'));
  return {
    env: { PATH: bin },
    args: () => readFileSync(argsFile, 'utf8').split('\n').slice(0, -1),
    stdin: () => readFileSync(stdinFile, 'utf8'),
  };
}

/** Question texts a synthesizer would take for options if they were arguments. */
const HOSTILE = [
  '-f /etc/passwd',
  '--stdin -w /tmp/pwned.wav Kubernetes ?',
  '-v en -s 999 Que fait un Job ?',
  '--version',
  '-',
];

describe.each(['espeak-ng', 'say', 'spd-say'])('%s', (command) => {
  it.each(HOSTILE)('never takes %j for an option', async (text) => {
    const fake = standIn(command);
    const speaker = findSpeaker(fake.env);
    expect(basename(speaker.command)).toBe(command);
    const optionsOf = (args: string[]) => (args.includes('--') ? args.slice(0, args.indexOf('--')) : args);
    await speak(speaker, 'Bonjour.', 'fr');
    const plain = optionsOf(fake.args());
    await speak(speaker, text, 'fr');
    const args = fake.args();
    // The options are the same whatever the text says…
    expect(optionsOf(args)).toEqual(plain);
    // …and the whole text arrives as text: on stdin, or as the one argument after "--".
    if (args.includes('--')) expect(args.slice(args.indexOf('--') + 1)).toEqual([text]);
    else expect(fake.stdin()).toBe(text);
  });
});

describe('espeak-ng', () => {
  it('reads the text on stdin, in the interface language', async () => {
    const fake = standIn('espeak-ng');
    await speak(findSpeaker(fake.env), 'Qu’est-ce qu’un Pod ?', 'en');
    expect(fake.args()).toEqual(['-v', 'en', '-s', '150', '--stdin']);
    expect(fake.stdin()).toBe('Qu’est-ce qu’un Pod ?');
  });
});
