import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from '../helpers/cli.js';

const { home, cleanup } = tempHome();
afterAll(cleanup);
const env = { PITCH_HOME: home };

describe('pitch (built binary): help, version, sections, show, history', () => {
  it('--help lists every command with examples, in French by default', () => {
    const r = runCli(['--help'], env);
    expect(r.code).toBe(0);
    for (const cmd of ['sections', 'show', 'history', 'rehearse', 'quiz'])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toContain('Exemples');
    expect(r.stdout).toContain('$ pitch rehearse');
  });

  it('--lang en and LANG=en switch the help to English', () => {
    expect(runCli(['--lang', 'en', '--help'], env).stdout).toContain('Examples:');
    expect(runCli(['--help'], { ...env, LANG: 'en_US.UTF-8' }).stdout).toContain('Examples:');
    expect(runCli(['--help'], { ...env, LANG: 'en_US.UTF-8', PITCH_LANG: 'fr' }).stdout).toContain('Exemples');
  });

  it('answers --help and --version without loading the full program, with exactly its words', () => {
    for (const lang of ['fr', 'en']) {
      const quick = runCli(['--help', '--lang', lang], env);
      const full = runCli(['--help', '--lang', lang], { ...env, PITCH_NO_QUICK_HELP: '1' });
      expect(quick).toEqual(full);
    }
    expect(runCli(['-V'], env)).toEqual(runCli(['-V'], { ...env, PITCH_NO_QUICK_HELP: '1' }));
    expect(runCli([], env).stdout).toEqual(runCli(['--help'], env).stdout);
  });

  it('--version prints the package version', () => {
    const r = runCli(['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('sections --json gives the tree with section 1 targeted at 120 s', () => {
    const r = runCli(['sections', '--json'], env);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.file).toMatch(/pitch\.fr\.md$/);
    const s1 = data.sections[0].children[0];
    expect(s1).toMatchObject({
      id: '1-pitch-court',
      number: '1',
      title: 'Pitch court (≈ 2 min)',
      level: 2,
      targetSeconds: 120,
    });
    expect(s1.words).toBeGreaterThan(200);
    expect(s1.estimatedSeconds).toBe(Math.round((s1.words / 140) * 60));
    expect(s1.keyTerms).toContain('Crédit Agricole CIB');
    expect(data.sections[0].children[1].children.map((c: { number: string }) => c.number)).toEqual([
      '2.1',
      '2.2',
      '2.3',
      '2.4',
    ]);
  });

  it('sections prints a table', () => {
    const r = runCli(['sections'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\s+Pitch court \(≈ 2 min\)\s+\d+\s+\d:\d\d\s+2:00$/m);
  });

  it('show 1 renders the short pitch as text, not Markdown, wrapped to the width', () => {
    const r = runCli(['show', '1'], { ...env, COLUMNS: '60' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bonjour, je m’appelle Ibrahim.');
    expect(r.stdout).not.toContain('**');
    expect(r.stdout).toMatch(/^• Implémenté et optimisé/m);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });

  it('show accepts a part of a title, ignoring accents', () => {
    const r = runCli(['show', 'ENVIRONNEMENT'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2.4  Environnement technique');
  });

  it('history is empty at first, and --json has both lists', () => {
    const r = runCli(['history', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rehearsals: [], quizzes: [], interviews: [] });
  });
});

describe('bad input: one sentence, a hint, exit 2, no stack trace', () => {
  const dir = join(home, 'inputs');
  mkdirSync(dir, { recursive: true });
  const file = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  const cases: Array<[string, string[], RegExp]> = [
    ['missing file', ['sections', '--file', join(dir, 'nope.md')], /Fichier introuvable/],
    ['a directory', ['sections', '--file', dir], /est un dossier/],
    ['an empty file', ['sections', '--file', file('empty.md', '')], /est vide/],
    ['no headings', ['sections', '--file', file('flat.md', 'juste du texte\n\n- une liste\n')], /aucun titre Markdown/],
    ['binary', ['sections', '--file', file('bin.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02]))], /binaire/],
    ['latin-1', ['sections', '--file', file('latin1.md', Buffer.from('# R\xe9sum\xe9\n', 'latin1'))], /UTF-8/],
    ['over 1 MiB', ['sections', '--file', file('huge.md', '# T\n' + 'mot '.repeat(300_000))], /trop gros/],
    ['unknown section', ['show', 'zzzz'], /Aucune section ne correspond à « zzzz »/],
    ['ambiguous section', ['show', 'o'], /correspond à plusieurs sections/],
    ['unknown command', ['frobnicate'], /Commande inconnue : « frobnicate »/],
    ['bad --lang', ['sections', '--lang', 'de'], /Langue inconnue/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = runCli(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^Astuce : /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('PITCH_FILE is used when --file is absent, and --file wins over it', () => {
    const mine = file('mine.md', '## Mon pitch (90 s)\n\nBonjour **tout le monde**.\n');
    expect(
      JSON.parse(runCli(['sections', '--json'], { ...env, PITCH_FILE: mine }).stdout).sections[0].targetSeconds,
    ).toBe(90);
    expect(runCli(['sections', '--json', '--file', join(dir, 'nope.md')], { ...env, PITCH_FILE: mine }).code).toBe(2);
  });

  it('speaks English with --lang en', () => {
    const r = runCli(['show', 'zzzz', '--lang', 'en'], env);
    expect(r.stderr).toMatch(/^Error: No section matches "zzzz"\.$/m);
    expect(r.stderr).toMatch(/^Hint: /m);
  });
});
