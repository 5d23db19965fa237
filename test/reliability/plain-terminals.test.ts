// Plain terminals: NO_COLOR turns colour off everywhere, the live screen included; a terminal that cannot
// move its cursor (TERM=dumb) gets the rehearsal as lines, without a single control sequence.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyOf, homesForThisFile } from '../helpers/cli.js';
import { KEYS, spawnPitch } from '../helpers/pty.js';

const freshHome = homesForThisFile();
const SGR = /\x1b\[[0-9;]*m/;
const ANY_ESCAPE = /\x1b|\x9b/;

/** A rehearsal in a real terminal: two splits, then stopped with Ctrl-C. Returns the raw output. */
async function rehearse(env: Record<string, string | undefined>): Promise<{ raw: string; home: string }> {
  const home = freshHome();
  const p = spawnPitch(['rehearse', '--target', '30s', '--no-countdown'], { PITCH_HOME: home, ...env });
  await p.waitFor('▶ 1/5');
  await p.press(KEYS.space, '▶ 2/5');
  await p.press(KEYS.space, '▶ 3/5');
  p.write(KEYS.ctrlC);
  await p.exited;
  return { raw: p.raw(), home };
}

describe('NO_COLOR', () => {
  it('colours the live screen when it is not set (what the next test looks for is there to find)', async () => {
    const { raw } = await rehearse({ FORCE_COLOR: undefined });
    expect(raw).toMatch(SGR);
  });

  it('takes every colour off the live screen and the summary', async () => {
    const { raw } = await rehearse({ NO_COLOR: '1', FORCE_COLOR: undefined });
    expect(raw).not.toMatch(SGR);
    expect(raw).toContain('Bilan'); // the summary was printed, without colour either
  });

  it('takes colour off the quiz prompts and feedback', async () => {
    const p = spawnPitch(['quiz', '--topic', 'spark', '--mode', 'flash', '--count', '1'], {
      PITCH_HOME: freshHome(),
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
    });
    await p.waitFor('Répondez de tête');
    await p.press(KEYS.enter, '? Note');
    p.write(KEYS.ctrlC);
    await p.exited;
    expect(p.raw()).not.toMatch(SGR);
  });

  it('takes colour off the spinner shown while new packs are read', async () => {
    // A pack the cache has never seen: reading the bank shows a spinner at once on a terminal.
    const bank = join(freshHome(), 'bank');
    mkdirSync(bank);
    writeFileSync(
      join(bank, 'fresh.yaml'),
      'topic: fresh\ntitle: Neuf\nquestions:\n  - id: f-1\n    kind: flash\n    difficulty: 1\n    prompt: "Un ?"\n    modelAnswer: "Oui."\n',
    );
    const run = async (env: Record<string, string | undefined>) => {
      const p = spawnPitch(['quiz', '--bank', bank, '--topic', 'fresh'], { PITCH_HOME: freshHome(), ...env });
      await p.waitFor('Répondez de tête');
      p.write(KEYS.ctrlC);
      await p.exited;
      return p.raw();
    };
    const coloured = await run({ FORCE_COLOR: undefined });
    expect(coloured).toContain('Lecture'); // the spinner's text: it was shown
    expect(coloured).toMatch(SGR);
    const plain = await run({ NO_COLOR: '1', FORCE_COLOR: undefined });
    expect(plain).toContain('Lecture');
    expect(plain).not.toMatch(SGR);
  });
});

describe('TERM=dumb', () => {
  it('rehearses in lines: no escape sequence at all, each new split printed, the attempt saved', async () => {
    const { raw, home } = await rehearse({ TERM: 'dumb', FORCE_COLOR: undefined });
    expect(raw).not.toMatch(ANY_ESCAPE);
    const text = raw.replace(/\r/g, '');
    // One line per split reached, in order, and the split just finished with its time.
    expect(text.indexOf('▶ 1/5')).toBeLessThan(text.indexOf('▶ 2/5'));
    expect(text.indexOf('▶ 2/5')).toBeLessThan(text.indexOf('▶ 3/5'));
    expect(text).toMatch(/^✓ 1 .* 0:0\d\.\d/m);
    // The running clock does not print a line of its own ten times a second.
    expect(text.split('\n').filter((l) => l.includes('reste ')).length).toBeLessThanOrEqual(1);
    expect(historyOf(home).rehearsals[0].kind).toBe('aborted');
  });
});
