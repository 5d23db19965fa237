import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyOf, homesForThisFile, sleep } from '../helpers/cli.js';
import { afterRatingGuard, KEYS, spawnPitch } from '../helpers/pty.js';

const freshHome = homesForThisFile();

/** A PATH with a stand-in `name` running this shell script. */
function fakeTool(home: string, name: string, script: string): string {
  const bin = join(home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(bin, name), 0o755);
  return `${bin}:${process.env.PATH}`;
}

/** Answers question 1 of a one-question interview after `ms`, ticks nothing, takes the suggested rating. */
async function answerAfter(p: ReturnType<typeof spawnPitch>, ms: number): Promise<void> {
  await sleep(ms);
  await p.press(KEYS.space, 'Quels points clés avez-vous couverts', 5000);
  await p.press(KEYS.enter, 'Entrée = ', 5000);
  await afterRatingGuard(); // keys right after the rating prompt appears are ignored
  p.write(KEYS.enter);
  await p.waitFor('Bilan de l’entretien blanc');
}

describe('pitch interview: verdicts that follow the clock', () => {
  it('with --answer-time 10s, a 5 s answer is the right length and the 45–120 s guide is not shown', async () => {
    const home = freshHome();
    const p = spawnPitch(['interview', '--no-pitch', '--questions', '1', '--topics', 'argo', '--answer-time', '10s'], {
      PITCH_HOME: home,
    });
    await p.waitFor('Question 1/1 · Entrée');
    await p.press(KEYS.enter, 'Espace : réponse terminée');
    await answerAfter(p, 5000);
    expect((await p.exited).exitCode).toBe(0);
    const text = p.text();
    expect(text).toMatch(/0:05\.\d \(bonne longueur\)/);
    expect(text).toContain('trop court sous 4 s, trop long au-delà de 10 s');
    expect(text).not.toContain('45–120');
  });

  it('with --answer-time 10s, a 2 s answer is too short', async () => {
    const home = freshHome();
    const p = spawnPitch(['interview', '--no-pitch', '--questions', '1', '--topics', 'argo', '--answer-time', '10s'], {
      PITCH_HOME: home,
    });
    await p.waitFor('Question 1/1 · Entrée');
    await p.press(KEYS.enter, 'Espace : réponse terminée');
    await answerAfter(p, 2000);
    expect(p.text()).toMatch(/0:02\.\d \(trop court\)/);
  });
});

describe('pitch interview: r starts an answer over', () => {
  it('keeps the first take in the report and in history, and rates the second', async () => {
    const home = freshHome();
    const p = spawnPitch(['interview', '--no-pitch', '--questions', '1', '--topics', 'argo', '--answer-time', '10s'], {
      PITCH_HOME: home,
    });
    await p.waitFor('Question 1/1 · Entrée');
    await p.press(KEYS.enter, 'r : recommencer');
    await sleep(1500);
    await p.press('r', 'On reprend : la question 1 depuis le début (prise 2)');
    await p.waitFor('Espace : réponse terminée');
    await answerAfter(p, 600);
    expect((await p.exited).exitCode).toBe(0);
    expect(p.text()).toMatch(/reprises : 0:01\.\d/);
    const [answer] = historyOf(home).interviews[0].answers;
    expect(answer.retries).toHaveLength(1);
    expect(answer.retries[0].seconds).toBeGreaterThan(1.2);
    expect(answer.seconds).toBeLessThan(1.2);
    expect(answer.rating).not.toBeNull();
  });
});

describe('pitch interview: devices checked before the pitch', () => {
  it('--record with no microphone: one sentence before « Présentez-vous », exit 2, nothing saved', async () => {
    const home = freshHome();
    const PATH = fakeTool(
      home,
      'arecord',
      'echo "arecord: main:830: audio open error: No such file or directory" >&2\nexit 1',
    );
    const p = spawnPitch(['interview', '--record', '--questions', '1'], {
      PITCH_HOME: home,
      PATH,
      PITCH_RECORDER: 'arecord',
    });
    expect((await p.exited).exitCode).toBe(2);
    expect(p.text()).toMatch(/ne peut pas ouvrir de micro/);
    expect(p.text()).not.toContain('Présentez-vous');
    expect(historyOf(home)).toMatchObject({ rehearsals: [], interviews: [] });
  });

  it('--speak with no audio output says so and shows the question instead of "reading" it', async () => {
    const home = freshHome();
    const said = join(home, 'said.txt');
    // espeak-ng without a sound card: complains on stderr, exits 0.
    const PATH = fakeTool(
      home,
      'espeak-ng',
      `echo "ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default" >&2\nprintf '%s\\n' "$@" >> "${said}"`,
    );
    const p = spawnPitch(['interview', '--no-pitch', '--speak', '--questions', '1', '--topics', 'argo'], {
      PITCH_HOME: home,
      PATH,
    });
    await p.waitFor('Aucune sortie audio disponible');
    await p.waitFor('Question 1/1 · Entrée');
    await p.press(KEYS.enter, 'Espace : réponse terminée');
    p.write(KEYS.ctrlC);
    await p.exited;
    const prompt = historyOf(home).interviews[0].answers[0].prompt as string;
    expect(p.text()).not.toContain('Lecture de la question');
    expect(p.text().replace(/\s+/g, ' ')).toContain(prompt.replace(/\s+/g, ' ').slice(0, 30));
    // Only the silent check ran: the question was never sent to a voice nobody hears.
    expect(readFileSync(said, 'utf8').split('\n').filter(Boolean)).toEqual(['-a', '0', '-v', 'en', 'ok']);
  });
});
