import { describe, expect, it } from 'vitest';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyOf, homesForThisFile, runCli, sleep } from '../helpers/cli.js';
import { KEYS, spawnPitch } from '../helpers/pty.js';

const freshHome = homesForThisFile();

/** A 24-word pitch in three splits of 8 words: said in ~2.5 s a split, that is ~190 words a minute. */
function smallPitch(home: string): string {
  const file = join(home, 'court.md');
  writeFileSync(
    file,
    '# Court (9 s)\n\nPremier bloc de texte avec huit mots ici.\n\nDeuxième bloc de texte avec huit mots encore.\n\nTroisième bloc de texte avec huit mots enfin.\n',
  );
  return file;
}

const bestOf = (home: string, section: string) =>
  JSON.parse(runCli(['stats', '--json'], { PITCH_HOME: home }).stdout).rehearsals.best[section];

describe('pitch rehearse keeps honest records', () => {
  it('five rapid taps: saved as suspect, said why, never a personal best', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    for (let i = 2; i <= 5; i++) await p.press(KEYS.space, `▶ ${i}/5`);
    await p.press(KEYS.space, 'Bilan');
    await p.waitFor('Tentative n° 1');
    await p.waitFor('La garder comme record (o/N)');
    await p.press(KEYS.enter, 'record non'); // No is the default
    expect((await p.exited).exitCode).toBe(0);
    const text = p.text();
    expect(text).toContain('Trop rapide pour être vrai');
    expect(text).toMatch(/260 mots\/min/);
    expect(text).not.toMatch(/record personnel/i);
    expect(text).not.toMatch(/meilleur\(s\) segment/);
    const [a] = historyOf(home).rehearsals;
    expect(a).toMatchObject({ kind: 'complete', suspect: true });
    expect(bestOf(home, '1-pitch-court')).toBeNull();
  });

  it('five rapid taps kept on purpose: y makes it count as the record', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/5');
    for (let i = 2; i <= 5; i++) await p.press(KEYS.space, `▶ ${i}/5`);
    await p.press(KEYS.space, 'La garder comme record');
    await p.press('o', 'Gardée comme record');
    expect((await p.exited).exitCode).toBe(0);
    expect(p.text()).toContain('Premier record personnel');
    const [a] = historyOf(home).rehearsals;
    expect(a).toMatchObject({ kind: 'complete', suspect: false, confirmedFast: true });
    expect(bestOf(home, '1-pitch-court')).toBe(a.totalSeconds);
  });

  it('the same heading in a copied file starts at attempt 1, with its own records', async () => {
    const home = freshHome();
    const original = smallPitch(home);
    const copy = join(home, 'copie.md');
    writeFileSync(copy, readFileSync(original));
    // Two runs of the original (kept as incomplete), then the copy: its counter starts again.
    for (const [file, n] of [
      [original, 1],
      [original, 2],
      [copy, 1],
    ] as const) {
      const p = spawnPitch(['rehearse', '--file', file, '--no-countdown'], { PITCH_HOME: home });
      await p.waitFor(`tentative n° ${n}`);
      await p.waitFor('▶ 1/3');
      await p.press(KEYS.space, '▶ 2/3');
      await p.press('q', 'd = jeter');
      await p.press('k', 'incomplète');
      await p.exited;
    }
    const files = historyOf(home).rehearsals.map((a: { pitchFile: string }) => a.pitchFile);
    expect(files).toEqual([realpathSync(original), realpathSync(original), realpathSync(copy)]);
  });

  it('a skipped split: incomplete, excluded from the personal best, no claim about budgets', async () => {
    const home = freshHome();
    const file = smallPitch(home);
    const p = spawnPitch(['rehearse', '--file', file, '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/3');
    await sleep(2500);
    await p.press(KEYS.space, '▶ 2/3');
    await p.press('s', '▶ 3/3');
    await sleep(2500);
    await p.press(KEYS.space, 'Bilan');
    expect((await p.exited).exitCode).toBe(0);
    const text = p.text();
    expect(text).toContain('gardée comme incomplète');
    expect(text).toContain('passée');
    expect(text).not.toMatch(/record personnel/i);
    expect(text).not.toContain('Toutes les étapes sont dans leur budget');
    const [a] = historyOf(home).rehearsals;
    expect(a.kind).toBe('incomplete');
    expect(a.suspect).toBe(false);
    expect(a.splits.map((s: { end: string }) => s.end)).toEqual(['said', 'skipped', 'said']);
    expect(bestOf(home, a.sectionId)).toBeNull();
  });

  it('Ctrl-C during the 3-2-1 countdown saves nothing and exits 130', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse'], { PITCH_HOME: home });
    await p.waitFor('Prêt ? Première étape');
    p.write(KEYS.ctrlC);
    expect((await p.exited).exitCode).toBe(130);
    expect(historyOf(home).rehearsals).toEqual([]);
  });

  it('shows the same columns live and in the summary, the cumulative one named after what it compares with', async () => {
    const home = freshHome();
    const file = smallPitch(home);
    const p = spawnPitch(['rehearse', '--file', file, '--no-countdown'], { PITCH_HOME: home });
    await p.waitFor('▶ 1/3');
    await p.waitFor(/Temps +Budget +± budget +± cible +Meilleur/);
    for (let i = 2; i <= 3; i++) {
      await sleep(2500);
      await p.press(KEYS.space, `▶ ${i}/3`);
    }
    await sleep(2500);
    await p.press(KEYS.space, 'Bilan');
    await p.exited;
    const summary = p.text().slice(p.text().lastIndexOf('Bilan'));
    expect(summary).toMatch(/Temps +Budget +± budget +± cible +Meilleur/);
    expect(summary).toContain('Débit estimé d’après le texte');
    expect(historyOf(home).rehearsals[0]).toMatchObject({ kind: 'complete', suspect: false });
  });
});
