import { describe, expect, it } from 'vitest';
import { historyOf, homesForThisFile, runCli } from '../helpers/cli.js';
import { spawnPitch } from '../helpers/pty.js';
import { Store } from '../../src/store/store.js';
import { historySpec } from '../../src/store/documents.js';
import { attempt } from '../unit/stats/fixture.js';

const freshHome = homesForThisFile();

/** Three complete runs of "1-pitch-court" at 2:00: 121 s (the PB), 128 s, and five accidental taps (2.1 s). */
function homeWithRuns(): string {
  const home = freshHome();
  new Store({ home }).update(historySpec, (doc) => {
    doc.rehearsals.push(
      attempt('2026-11-20T10:00:00.000Z', 'complete', [42, 45, 41], { id: '20261120-100000-aaaa' }), // 128
      attempt('2026-11-21T10:00:00.000Z', 'complete', [38, 46, 37], { id: '20261121-100000-bbbb' }), // 121: PB
      attempt('2026-11-22T10:00:00.000Z', 'complete', [0.6, 0.8, 0.7], { id: '20261122-100000-cccc' }), // taps
    );
  });
  return home;
}

const best = (home: string) =>
  JSON.parse(runCli(['stats', '--json'], { PITCH_HOME: home, TZ: 'UTC' }).stdout).rehearsals.best['1-pitch-court'];

describe('pitch history: honest records', () => {
  it('gives every rehearsal a kind, a suspect flag and a pitch file in --json', () => {
    const home = homeWithRuns();
    const { rehearsals } = historyOf(home);
    expect(rehearsals.map((a: { kind: string; suspect: boolean }) => [a.kind, a.suspect])).toEqual([
      ['complete', false],
      ['complete', false],
      ['complete', true],
    ]);
    for (const a of rehearsals) expect(a).toHaveProperty('pitchFile');
  });

  it('never lets accidental taps be the personal best in stats', () => {
    expect(best(homeWithRuns())).toBe(121);
  });
});

describe('pitch history delete / undo', () => {
  it('deletes one rehearsal with --yes and recomputes the personal best', () => {
    const home = homeWithRuns();
    const r = runCli(['history', 'delete', '20261121-100000-bbbb', '--yes'], { PITCH_HOME: home });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Supprimée : 20261121-100000-bbbb');
    expect(r.stdout).toContain('recalculé : 2:01.0 → 2:08.0');
    expect(historyOf(home).rehearsals.map((a: { id: string }) => a.id)).toEqual([
      '20261120-100000-aaaa',
      '20261122-100000-cccc',
    ]);
    expect(best(home)).toBe(128);
  });

  it('accepts the end of an id', () => {
    const home = homeWithRuns();
    expect(runCli(['history', 'delete', 'aaaa', '--yes'], { PITCH_HOME: home }).code).toBe(0);
    expect(historyOf(home).rehearsals).toHaveLength(2);
  });

  it('refuses without a terminal and without --yes, and deletes nothing', () => {
    const home = homeWithRuns();
    const r = runCli(['history', 'delete', '20261121-100000-bbbb'], { PITCH_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/demande une confirmation/);
    expect(r.stderr).toMatch(/--yes/);
    expect(historyOf(home).rehearsals).toHaveLength(3);
  });

  it('says so, in one sentence, for an id that is not there', () => {
    const home = homeWithRuns();
    const r = runCli(['history', 'delete', 'zzzz', '--yes'], { PITCH_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Aucune répétition n’a l’identifiant « zzzz »/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(historyOf(home).rehearsals).toHaveLength(3);
  });

  it('undo removes the last rehearsal saved', () => {
    const home = homeWithRuns();
    const r = runCli(['history', 'undo', '--yes'], { PITCH_HOME: home });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('20261122-100000-cccc');
    expect(r.stdout).toContain('inchangé : 2:01.0');
    expect(historyOf(home).rehearsals).toHaveLength(2);
    expect(runCli(['history', 'undo', '--yes'], { PITCH_HOME: freshHome() }).code).toBe(2);
  });

  it('asks before deleting in a terminal: n keeps it, y deletes it', async () => {
    const home = homeWithRuns();
    const no = spawnPitch(['history', 'delete', 'bbbb'], { PITCH_HOME: home });
    await no.waitFor('Supprimer 20261121-100000-bbbb');
    no.write('n');
    await no.waitFor('Rien n’a été supprimé');
    expect((await no.exited).exitCode).toBe(0);
    expect(historyOf(home).rehearsals).toHaveLength(3);

    const yes = spawnPitch(['history', 'delete', 'bbbb'], { PITCH_HOME: home });
    await yes.waitFor('Supprimer 20261121-100000-bbbb');
    yes.write('y');
    await yes.waitFor('2:01.0 → 2:08.0');
    expect((await yes.exited).exitCode).toBe(0);
    expect(historyOf(home).rehearsals).toHaveLength(2);
  });
});
