import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from '../helpers/cli.js';
import { KEYS, spawnPitch } from '../helpers/pty.js';
import { sanitize } from '../../src/ui/sanitize.js';

const { home, cleanup } = tempHome();
afterAll(cleanup);

const ESC = '\x1b';
/** Escape sequences a hostile file could carry: clipboard write, hyperlink, title, screen clear, DCS, C1 CSI… */
const PAYLOADS = [
  `${ESC}]52;c;ZXZpbA==${ESC}\\`, // OSC 52: write to the clipboard
  `${ESC}]8;;https://evil.example${ESC}\\lien${ESC}]8;;${ESC}\\`, // OSC 8 hyperlink
  `${ESC}]0;titre piégé\x07`, // window title, BEL-terminated
  `${ESC}[2J${ESC}[H`, // clear screen, cursor home
  `${ESC}P+q544e${ESC}\\`, // DCS request
  '\x9b31m', // 8-bit CSI
  'abc\x08\x08\x08xyz', // backspaces
  'ligne\rÉCRASÉE', // carriage return overwrite
  '\x07\x7f', // (a NUL would make the file binary: refused before display)
];
const evilPitch = join(home, 'evil.md');
writeFileSync(
  evilPitch,
  `# Pitch ${PAYLOADS[0]}piégé\n\n## 1. Court ${PAYLOADS[2]}(≈ 1 min)\n\nBonjour **${PAYLOADS[1]}Ibrahim** ${PAYLOADS.slice(3).join(' ')} fin.\n\n- item ${PAYLOADS[0]} un\n- item deux ${PAYLOADS[3]}\n`,
);

const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/; // any C0/C1 control but \t and \n
const env = { PITCH_HOME: home, NO_COLOR: '1' };

describe('text from user files never reaches the terminal as control sequences', () => {
  it.each([
    ['show', ['show', '--file', evilPitch]],
    ['show one section', ['show', '1', '--file', evilPitch]],
    ['sections', ['sections', '--file', evilPitch]],
    ['an unknown section named with escapes', ['show', `${ESC}]52;c;eA==${ESC}\\x${ESC}[2J`, '--file', evilPitch]],
    ['a file name with escapes', ['sections', '--file', join(home, `nope${ESC}[2J${ESC}]0;t\x07.md`)]],
  ])('%s', (_name, args) => {
    const r = runCli(args as string[], env);
    expect(r.stdout + r.stderr).not.toMatch(FORBIDDEN);
  });

  it('the JSON output keeps the text but escapes control characters', () => {
    const r = runCli(['sections', '--json', '--file', evilPitch], env);
    expect(r.stdout).not.toMatch(FORBIDDEN);
    expect(JSON.parse(r.stdout).sections[0].children[0].title).toContain('Court');
  });

  it('the live rehearsal screen shows the pitch without its escape sequences', async () => {
    const p = spawnPitch(['rehearse', '1', '--file', evilPitch, '--no-countdown', '--target', '30s'], {
      PITCH_HOME: home,
    });
    await p.waitFor('Bonjour');
    p.write(KEYS.ctrlC);
    await p.exited;
    const raw = p.raw();
    for (const bad of [`${ESC}]`, `${ESC}P`, '\x9b', '\x08', 'evil.example']) expect(raw).not.toContain(bad);
    // Our own renderer's sequences are the only ones left: SGR colours, cursor moves, screen switches.
    const ours = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(ours).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/);
  });
});

describe('sanitize', () => {
  it('removes every payload and keeps the visible text', () => {
    expect(sanitize(`a${PAYLOADS[1]}b`)).toBe('alienb');
    expect(sanitize('ligne\rÉCRASÉE')).toBe('ligneÉCRASÉE');
    expect(sanitize('tab\tx\ny')).toBe('tab  x\ny');
    for (const p of PAYLOADS) expect(sanitize(p)).not.toMatch(FORBIDDEN);
  });
});
