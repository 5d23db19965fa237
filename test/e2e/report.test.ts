import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homesForThisFile, runCli } from '../helpers/cli.js';
import { populatedReportHome } from '../helpers/report-home.js';

const freshHome = homesForThisFile();
const populatedHome = () => populatedReportHome(freshHome());

const env = (home: string, extra: Record<string, string> = {}) => ({ PITCH_HOME: home, TZ: 'UTC', ...extra });

describe('pitch report (built binary)', () => {
  it('writes one self-contained page with every part, says where it went, and changes no user data', () => {
    const home = populatedHome();
    const out = join(home, 'out', 'page.html');
    mkdirSync(join(home, 'out'));
    const before = readdirSync(home, { recursive: true }).map(String).sort();
    const r = runCli(['report', '--out', out], env(home));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Rapport écrit : ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h2>Êtes-vous prêt ?</h2>');
    // The recording is measured from the WAV: a waveform with speech shaded and three split marks.
    expect(html).toContain('<path class="wave"');
    expect(html.match(/<rect class="speech"/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html.match(/<line class="mark"/g)).toHaveLength(3);
    // …and the voice's pitch over the same time line, with syllables a second per split.
    expect(html).toContain('<path class="contour"');
    expect(html).toMatch(/Hauteur médiane \d+ Hz, étendue [\d,]+ demi-tons/);
    expect(html).toContain('Syllabes/s (mesuré)');
    expect(html).toContain('Pitch « enregistré »');
    expect(html).toContain('Quand Spark exécute-t-il réellement un calcul ?');
    expect(html).toContain('1:04.2 / 1:30.0');
    expect(html).not.toMatch(/<script|<link|src=|href="http/i);
    const after = readdirSync(home, { recursive: true })
      .map(String)
      .filter((f) => !f.startsWith('out'))
      .sort();
    expect(after).toEqual(before.filter((f) => !f.startsWith('out')));
  });

  it('defaults to pitch-report.html in the current folder and speaks English with --lang en', () => {
    const home = populatedHome();
    const cwd = join(home, 'here');
    mkdirSync(cwd);
    const r = runCli(['--lang', 'en', 'report'], { ...env(home) }, undefined, cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Report written: ${join(cwd, 'pitch-report.html')}`);
    expect(readFileSync(join(cwd, 'pitch-report.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('an empty history gives a page that says what to do first', () => {
    const home = freshHome();
    const out = join(home, 'r.html');
    expect(runCli(['report', '-o', out], env(home)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Rien à montrer pour l’instant');
    expect(html).not.toContain('<svg');
  });

  it('--open uses the system opener with the file as its argument, or says there is none', () => {
    const home = populatedHome();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    const marker = join(home, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${marker}'\n`);
    chmodSync(join(bin, 'xdg-open'), 0o755);
    const out = join(home, 'r.html');
    const r = runCli(['report', '-o', out, '--open'], env(home, { PATH: `${bin}:${process.env.PATH}` }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ouvert avec xdg-open.');
    for (let i = 0; i < 50 && !existsSync(marker); i++)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    expect(readFileSync(marker, 'utf8')).toBe(out);

    const none = runCli(['report', '-o', out, '--open'], env(home, { PATH: join(home, 'empty') }));
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('Aucun programme pour ouvrir la page ici');
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it('a recording deleted since is left out with a notice, the page is still written', () => {
    const home = populatedHome();
    const out = join(home, 'r.html');
    writeFileSync(join(home, 'recordings', 'a6.wav'), 'not a wav');
    const r = runCli(['report', '-o', out], env(home));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Enregistrement le plus récent illisible');
    expect(readFileSync(out, 'utf8')).toContain('<h2>Dernier enregistrement</h2>');
  });

  it('bad options are usage errors with a hint', () => {
    const home = populatedHome();
    const r = runCli(['report', '--since', 'hier'], env(home));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Période invalide pour --since');
    const dir = runCli(['report', '--out', home], env(home));
    expect(dir.code).toBe(2);
  });
});
