import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { historyOf, homesForThisFile, runCli, sleep } from '../helpers/cli.js';
import { KEYS, spawnPitch } from '../helpers/pty.js';

const freshHome = homesForThisFile();
const history = historyOf;

describe('pitch rehearse in a real terminal', () => {
  it('times each split from the key presses and saves the attempt', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    const waits = [400, 700, 300, 900, 500];
    const gaps: number[] = [];
    let last = performance.now();
    for (const [i, wait] of waits.entries()) {
      await sleep(wait);
      const mark = p.mark();
      p.write(KEYS.space);
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      await p.waitFor(i < waits.length - 1 ? `▶ ${i + 2}/5` : 'Bilan', 5000, mark);
    }
    await p.waitFor('Tentative n° 1 sur cette section');
    // 239 words in a few seconds: too fast to be a record; the answer to "keep it anyway?" is no.
    await p.press('n', 'record non');
    expect((await p.exited).exitCode).toBe(0);
    expect(p.text()).toMatch(/Temps total : 0:0\d\.\d/);

    const { rehearsals } = history(home);
    expect(rehearsals).toHaveLength(1);
    const a = rehearsals[0];
    expect(a).toMatchObject({ sectionId: '1-pitch-court', targetSeconds: 6, kind: 'complete', promptLevel: 'full' });
    expect(a.splits).toHaveLength(5);
    // The first gap also holds the start-up time before the first frame; compare the others exactly.
    a.splits
      .slice(1)
      .forEach((s: { seconds: number }, i: number) =>
        expect(Math.abs(s.seconds * 1000 - gaps[i + 1]!)).toBeLessThanOrEqual(150),
      );
    expect(a.splits.reduce((n: number, s: { budgetSeconds: number }) => n + s.budgetSeconds, 0)).toBeCloseTo(6, 5);
  });

  it('q then d discards the attempt: nothing is saved', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    p.write(KEYS.space);
    await p.waitFor('▶ 2/5');
    p.write('q');
    await p.waitFor('d = jeter');
    p.write('d');
    await p.waitFor('rien n’a été enregistré');
    expect((await p.exited).exitCode).toBe(0);
    expect(history(home).rehearsals).toEqual([]);
  });

  it('q then k keeps it as incomplete', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    p.write(KEYS.space);
    await p.waitFor('▶ 2/5');
    p.write(KEYS.escape);
    await p.waitFor('k ou Entrée');
    p.write('k');
    await p.waitFor('gardée comme incomplète');
    expect((await p.exited).exitCode).toBe(0);
    const [a] = history(home).rehearsals;
    expect(a.kind).toBe('incomplete');
    expect(a.splits.filter((s: { seconds: number | null }) => s.seconds !== null)).toHaveLength(1);
  });

  it('Ctrl-C saves an aborted attempt, restores the terminal and exits 130', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    p.write(KEYS.space);
    await p.waitFor('▶ 2/5');
    p.write(KEYS.ctrlC);
    expect((await p.exited).exitCode).toBe(130);
    expect(p.raw()).toContain('\x1b[?25h'); // cursor shown again
    expect(p.raw().lastIndexOf('\x1b[?1049l')).toBeGreaterThan(p.raw().lastIndexOf('\x1b[?1049h')); // alternate screen left
    const [a] = history(home).rehearsals;
    expect(a.kind).toBe('aborted');
  });

  it('counts down 3-2-1 before the clock starts, and q during the countdown saves nothing', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s'], { PITCH_HOME: home });
    await p.waitFor('Prêt ? Première étape');
    p.write('q');
    expect((await p.exited).exitCode).toBe(0);
    expect(history(home).rehearsals).toEqual([]);
  });

  it('--only runs one split as practice', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '1', '--only', '3', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 3/3');
    p.write(KEYS.enter);
    await p.waitFor('ne compte pas pour le record');
    await p.exited;
    const [a] = history(home).rehearsals;
    expect(a.kind).toBe('practice');
    expect(a.splits).toHaveLength(1);
  });
});

describe('pitch rehearse: bad input, no terminal', () => {
  const home = freshHome();
  it.each([
    [['rehearse'], /a besoin d’un terminal interactif/],
    [['rehearse', '--target', 'soon'], /Durée cible invalide/],
    [['rehearse', '--target', '0s'], /Durée cible invalide/],
    [['rehearse', '--prompt', 'loud'], /Niveau d’aide inconnu/],
    [['rehearse', '--only', '9'], /Étape invalide/],
    [['rehearse', '--from', '2', '--only', '3'], /ne vont pas ensemble/],
    [['rehearse', 'zzzz'], /Aucune section ne correspond/],
  ])('%j → exit 2 with one sentence', (args, message) => {
    const r = runCli(args as string[], { PITCH_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(history(home).rehearsals).toEqual([]);
  });
});
