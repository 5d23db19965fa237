import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homesForThisFile, runCli } from '../helpers/cli.js';

const freshHome = homesForThisFile();

describe('pitch init: your own pitch from minute one', () => {
  it('without FILE: writes the starter in the UI language to ./pitch.md and makes it the default', () => {
    const home = freshHome();
    const cwd = freshHome();
    const r = runCli(['init'], { PITCH_HOME: home }, undefined, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Modèle de pitch écrit dans pitch.md');
    const text = readFileSync(join(cwd, 'pitch.md'), 'utf8');
    expect(text).toContain('## Pitch court (≈ 2 min)');
    expect(r.stdout).toMatch(/\d+ sections, [1-9]\d* avec une durée cible/);
    expect(r.stdout).toMatch(/Pitch court \(≈ 2 min\) : cible 2:00/);
    expect(r.stdout).toMatch(/\d+ mots-clés en gras/);
    expect(r.stdout).toMatch(/\d+ mots, environ \d+:\d\d à 140 mots\/min/);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toMatchObject({
      version: 1,
      pitchFile: join(cwd, 'pitch.md'),
    });
    // Every command now uses it without --file, and says so in its header.
    const sections = runCli(['sections'], { PITCH_HOME: home }, undefined, cwd);
    expect(sections.stdout).toMatch(/^Pitch : pitch\.md \(par défaut, pitch init\)\n/);
    expect(sections.stdout).toContain('Pitch court (≈ 2 min)');
    expect(sections.stdout).not.toContain('Bâle IV');
    // A second init never overwrites what the user wrote: it checks it.
    writeFileSync(join(cwd, 'pitch.md'), `${text}\nUne phrase de plus, **Zorglub** compris.\n`);
    const again = runCli(['init'], { PITCH_HOME: home }, undefined, cwd);
    expect(again.stdout).toContain('Pitch vérifié : pitch.md');
    expect(readFileSync(join(cwd, 'pitch.md'), 'utf8')).toContain('Zorglub');
  });

  it('in English, the starter is in English', () => {
    const cwd = freshHome();
    const r = runCli(['--lang', 'en', 'init', 'mine.md'], { PITCH_HOME: freshHome() }, undefined, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Starter pitch written to mine.md');
    expect(readFileSync(join(cwd, 'mine.md'), 'utf8')).toContain('## Short pitch (~2 min)');
    expect(r.stdout).toContain('It is now your default pitch');
  });

  it('with FILE: checks an existing pitch, reports what it found, makes it the default', () => {
    const home = freshHome();
    const cwd = freshHome();
    writeFileSync(
      join(cwd, 'talk.md'),
      '# Moi\n\n## Version courte (1 min 30)\n\nJe suis **Ada**, je construis des **pipelines de données** pour la **banque**.\n\n## Détails\n\nPlus de texte ici, sans gras.\n',
    );
    const r = runCli(['init', 'talk.md'], { PITCH_HOME: home }, undefined, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Pitch vérifié : talk.md');
    expect(r.stdout).toContain('3 sections, 1 avec une durée cible');
    expect(r.stdout).toContain('Version courte (1 min 30) : cible 1:30');
    expect(r.stdout).toContain('3 mots-clés en gras : Ada, pipelines de données, banque');
    expect(r.stdout).toMatch(/\d+ mots, environ 0:\d\d/);
    const rehearse = runCli(['show', '1'], { PITCH_HOME: home }, undefined, cwd);
    expect(rehearse.stdout).toContain('Pitch : talk.md (par défaut, pitch init)');
    expect(rehearse.stdout).toContain('Ada');
  });

  it('refuses a file without headings and keeps the previous default', () => {
    const home = freshHome();
    const cwd = freshHome();
    writeFileSync(join(cwd, 'notes.md'), 'juste du texte\n');
    const r = runCli(['init', 'notes.md'], { PITCH_HOME: home }, undefined, cwd);
    expect(r.code).toBe(2);
    expect(existsSync(join(home, 'config.json'))).toBe(false);
  });

  it('precedence: --file > PITCH_FILE > pitch init > shipped; --reset goes back to the shipped pitch', () => {
    const home = freshHome();
    const cwd = freshHome();
    const pitch = (name: string) => {
      writeFileSync(join(cwd, `${name}.md`), `# ${name}\n\n## Pitch ${name} (1 min)\n\nTexte de **${name}** à dire.\n`);
      return join(cwd, `${name}.md`);
    };
    const [fromInit, fromEnv, fromOption] = [pitch('init'), pitch('env'), pitch('option')];
    const titleOf = (args: string[], env: Record<string, string> = {}) =>
      runCli(['sections', '--json', ...args], { PITCH_HOME: home, ...env }, undefined, cwd);
    const title = (r: { stdout: string }) => JSON.parse(r.stdout).sections[0].title as string;

    expect(title(titleOf([]))).toContain('Préparation Entretien');
    expect(runCli(['init', fromInit], { PITCH_HOME: home }, undefined, cwd).code).toBe(0);
    expect(title(titleOf([]))).toBe('init');
    expect(title(titleOf([], { PITCH_FILE: fromEnv }))).toBe('env');
    expect(title(titleOf(['--file', fromOption], { PITCH_FILE: fromEnv }))).toBe('option');
    const header = runCli(['sections'], { PITCH_HOME: home, PITCH_FILE: fromEnv }, undefined, cwd);
    expect(header.stdout).toMatch(/^Pitch : env\.md \(PITCH_FILE\)/);

    const reset = runCli(['init', '--reset'], { PITCH_HOME: home }, undefined, cwd);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('Pitch par défaut : celui fourni avec pitch');
    expect(title(titleOf([]))).toContain('Préparation Entretien');
  });

  it('a default pitch that was deleted is one clear sentence naming the way out', () => {
    const home = freshHome();
    const cwd = freshHome();
    expect(runCli(['init', 'gone.md'], { PITCH_HOME: home }, undefined, cwd).code).toBe(0);
    rmSync(join(cwd, 'gone.md'));
    const r = runCli(['sections'], { PITCH_HOME: home }, undefined, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Votre pitch par défaut est introuvable');
    expect(r.stderr).toContain('pitch init --reset');
  });
});

describe('pitch show TEXT', () => {
  it('searches the body text when no title matches and lists the sections that hold it', () => {
    const r = runCli(['show', 'calcul'], { PITCH_HOME: freshHome() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aucun titre ne contient « calcul », mais ces');
    expect(r.stdout).toContain('1 « Pitch court (≈ 2 min) »');
    expect(r.stdout).toContain('Pour en lire une : pitch show 1');
  });

  it('an unknown number suggests the nearest numbers, quoted the English way in English', () => {
    const r = runCli(['--lang', 'en', 'show', '2.5'], { PITCH_HOME: freshHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Closest sections: 2.4 "Environnement technique", 2.3 "Actions clés", 2.2');
    expect(r.stderr).not.toMatch(/[«»]/);
  });
});
