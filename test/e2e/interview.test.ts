import { describe, expect, it } from 'vitest';
import { historyOf, homesForThisFile, runCli, sleep } from '../helpers/cli.js';
import { afterRatingGuard, KEYS, spawnPitch } from '../helpers/pty.js';
import { fakeRecorderPath, isAlive } from '../helpers/fake-recorder.js';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const freshHome = homesForThisFile();
const history = historyOf;

describe('pitch interview in a real terminal', () => {
  it('runs the pitch, two timed answers with key points ticked and rated, then a report saved to history', async () => {
    const home = freshHome();
    const p = spawnPitch(
      ['interview', '--questions', '2', '--topics', 'spark,argo', '--answer-time', '10s', '--no-countdown'],
      { PITCH_HOME: home },
    );
    await p.waitFor('Présentez-vous');
    p.write(KEYS.enter);
    await p.waitFor('▶ 1/5');
    for (let i = 1; i <= 5; i++) {
      await p.press(KEYS.space, i < 5 ? `▶ ${i + 1}/5` : 'Bilan', 5000);
    }
    for (let q = 1; q <= 2; q++) {
      await p.waitFor(`Question ${q}/2 · Entrée`);
      await p.press(KEYS.enter, 'Espace : réponse terminée', 5000);
      await sleep(q === 1 ? 1200 : 600);
      await p.press(KEYS.space, 'Quels points clés avez-vous couverts', 5000);
      if (q === 1) p.write('1'); // tick the first key point only
      await sleep(100);
      await p.press(KEYS.enter, 'Entrée = ', 5000);
      await afterRatingGuard();
      p.write(KEYS.enter); // take the suggested rating
    }
    await p.waitFor('Bilan de l’entretien blanc');
    await p.waitFor(/Prochaine révision/);
    expect((await p.exited).exitCode).toBe(0);
    expect(p.text()).toMatch(/Q1 · [^\n]*\r?\n(?: {2}[^\n]*\r?\n)*?\s+0:01\.\d \(trop court\) · points clés 1\/\d/);

    const h = history(home);
    expect(h.rehearsals).toHaveLength(1);
    expect(h.interviews).toHaveLength(1);
    const iv = h.interviews[0];
    expect(iv).toMatchObject({ answerSeconds: 10, interrupted: false, pitchAttemptId: h.rehearsals[0].id });
    expect(iv.answers).toHaveLength(2);
    expect(iv.answers.map((a: { topic: string }) => a.topic).sort()).toEqual(['argo', 'spark']);
    expect(iv.answers[0].covered[0]).toBe(true);
    expect(iv.answers[0].seconds).toBeGreaterThan(1.0);
    expect(iv.answers[0].seconds).toBeLessThan(2.5);
    expect(iv.answers.every((a: { rating: number | null }) => a.rating !== null)).toBe(true);
  });

  it('after the bundled pitch, the first question is a follow-up on what the pitch said', async () => {
    const home = freshHome();
    const p = spawnPitch(['interview', '--questions', '2', '--answer-time', '10s', '--no-countdown'], {
      PITCH_HOME: home,
    });
    await p.waitFor('Présentez-vous');
    p.write(KEYS.enter);
    await p.waitFor('▶ 1/5');
    for (let i = 1; i <= 5; i++) {
      await p.press(KEYS.space, i < 5 ? `▶ ${i + 1}/5` : 'Bilan', 5000);
    }
    for (let q = 1; q <= 2; q++) {
      await p.waitFor(`Question ${q}/2 · Entrée`);
      await p.press(KEYS.enter, 'Espace : réponse terminée', 5000);
      if (q === 1) await p.waitFor('Questions de relance sur le pitch');
      await sleep(300);
      await p.press(KEYS.space, 'Quels points clés avez-vous couverts', 5000);
      await p.press(KEYS.enter, 'Entrée = ', 5000);
      await afterRatingGuard();
      p.write(KEYS.enter);
    }
    await p.waitFor('Bilan de l’entretien blanc');
    expect((await p.exited).exitCode).toBe(0);
    const iv = history(home).interviews[0];
    expect(iv.answers.map((a: { topic: string }) => a.topic)).toEqual(['pitch-followups', 'behavioral']);
  });

  it('--record records each answer and reports its speaking time and pauses', async () => {
    const home = freshHome();
    const { PATH, pidfile } = fakeRecorderPath(home);
    const p = spawnPitch(
      ['interview', '--no-pitch', '--record', '--questions', '1', '--topics', 'argocd', '--answer-time', '10s'],
      { PITCH_HOME: home, PATH, PITCH_RECORDER: 'arecord' },
    );
    await p.waitFor('Question 1/1 · Entrée');
    p.write(KEYS.enter);
    await p.waitFor('Espace : réponse terminée');
    await sleep(1600);
    p.write(KEYS.space);
    await p.waitFor('Quels points clés avez-vous couverts');
    p.write(KEYS.enter);
    await p.waitFor('Entrée = ');
    await afterRatingGuard();
    p.write(KEYS.enter);
    await p.waitFor(/enregistrement : 0:0\d\.\d de parole, \d+ pause/);
    expect((await p.exited).exitCode).toBe(0);
    const [answer] = history(home).interviews[0].answers;
    expect(answer.speech.speechSeconds).toBeGreaterThan(0.3);
    expect(existsSync(join(home, answer.speech.file))).toBe(true);
    expect(isAlive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
  });

  it('--speak reads each question aloud with the system synthesizer, in the interface language', async () => {
    const home = freshHome();
    const bin = join(home, 'bin');
    mkdirSync(bin);
    const said = join(home, 'said.txt');
    const heard = join(home, 'heard.txt');
    writeFileSync(join(bin, 'espeak-ng'), `#!/bin/sh\nprintf '%s\\n' "$@" >> "${said}"\ncat >> "${heard}"\n`);
    chmodSync(join(bin, 'espeak-ng'), 0o755);
    const p = spawnPitch(
      ['interview', '--no-pitch', '--speak', '--questions', '1', '--topics', 'argo', '--answer-time', '10s'],
      { PITCH_HOME: home, PATH: `${bin}:${process.env.PATH}` },
    );
    await p.waitFor('Question 1/1 · Entrée');
    p.write(KEYS.enter);
    await p.waitFor('Espace : réponse terminée');
    p.write(KEYS.ctrlC);
    await p.exited;
    // The first call only checks that a sound output opens (a silent word); the question comes after it.
    const args = readFileSync(said, 'utf8').split('\n');
    expect(args.slice(0, 2)).toEqual(['-a', '0']);
    const question = args.lastIndexOf('-v');
    expect(args.slice(question, question + 2)).toEqual(['-v', 'fr']);
    // The question goes on stdin, never among the arguments (test/unit/audio/speak.test.ts).
    const prompt = historyOf(home).interviews[0].answers[0].prompt;
    expect(readFileSync(heard, 'utf8')).toContain(prompt);
    expect(args.join(' ')).not.toContain(prompt);
  });

  it('Ctrl-C during an answer keeps what was finished and exits 130', async () => {
    const home = freshHome();
    const p = spawnPitch(
      ['interview', '--no-pitch', '--questions', '2', '--topics', 'kubernetes', '--answer-time', '10s'],
      { PITCH_HOME: home },
    );
    await p.waitFor('Question 1/2 · Entrée');
    p.write(KEYS.enter);
    await p.waitFor('Espace : réponse terminée');
    p.write(KEYS.ctrlC);
    expect((await p.exited).exitCode).toBe(130);
    const iv = history(home).interviews[0];
    expect(iv.interrupted).toBe(true);
    expect(iv.pitchAttemptId).toBeNull();
  });
});

describe('pitch interview: bad input, no terminal', () => {
  const home = freshHome();
  it.each([
    [['interview'], /a besoin d’un terminal interactif/],
    [['interview', '--questions', '0'], /Nombre de questions invalide/],
    [['interview', '--questions', 'beaucoup'], /Nombre de questions invalide/],
    [['interview', '--answer-time', '3s'], /Temps de réponse invalide/],
    [['interview', '--topics', 'sparc'], /spark/],
    [['interview', '--prompt', 'loud'], /Niveau d’aide inconnu/],
  ])('%j → exit 2', (args, message) => {
    const r = runCli(args as string[], { PITCH_HOME: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--speak without any synthesizer names what to install', () => {
    const r = runCli(['interview', '--speak'], { PITCH_HOME: home, PATH: '/nonexistent' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/synthétiseur vocal/);
    expect(r.stderr).toMatch(/espeak-ng/);
  });
});
