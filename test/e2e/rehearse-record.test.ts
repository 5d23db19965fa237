import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fakeRecorderPath, isAlive as alive } from '../helpers/fake-recorder.js';
import { join } from 'node:path';
import { historyOf, homesForThisFile, runCli, sleep } from '../helpers/cli.js';
import { KEYS, spawnPitch } from '../helpers/pty.js';

const freshHome = homesForThisFile();
const history = historyOf;

describe('pitch rehearse --record', () => {
  it('records while rehearsing, saves the WAV with split times on its time line, and shows pace and pauses', async () => {
    const home = freshHome();
    const { PATH, pidfile } = fakeRecorderPath(home);
    const p = spawnPitch(['rehearse', '--record', '--target', '10s', '--no-countdown'], {
      PITCH_HOME: home,
      PATH,
      PITCH_RECORDER: 'arecord',
    });
    await p.waitFor('▶ 1/5');
    for (let i = 1; i <= 5; i++) {
      await sleep(700);
      await p.press(KEYS.space, i < 5 ? `▶ ${i + 1}/5` : 'Bilan', 5000);
    }
    await p.waitFor('Votre voix (enregistrement)', 15_000);
    await p.waitFor(/Pauses\s+\d+ ≥ 0,3 s/);
    // Intonation, rhythm and loudness follow, each with its figures or why there are none.
    await p.waitFor(/Intonation\s+\S/);
    await p.waitFor(/Rythme\s+\S/);
    await p.waitFor(/Volume\s+\S/);
    // 239 words in 3.5 s is no record: refuse to keep it as one.
    await p.press('n', 'record non');
    expect((await p.exited).exitCode).toBe(0);

    const [a] = history(home).rehearsals;
    expect(a.recording.file).toMatch(/^recordings\/.+\.wav$/);
    expect(a.recording.splitEnds).toHaveLength(5);
    // Split ends on the recording's time line: increasing, ~0.7 s apart, after the clock's start. The
    // two clocks agree within 0.1 s (on a machine busy with other test processes, the stand-in
    // recorder's time line was seen 50 ms off the timer's).
    for (let i = 1; i < 5; i++)
      expect(Math.abs(a.recording.splitEnds[i] - a.recording.splitEnds[i - 1] - a.splits[i].seconds)).toBeLessThan(0.1);
    expect(a.recording.splitEnds[0]).toBeGreaterThan(a.recording.clockStart);
    expect(a.speech.speechSeconds).toBeGreaterThan(0);
    expect(a.speech.pauseCounts.atLeast300ms).toBeGreaterThan(0);
    expect(a.speech.splits).toHaveLength(5);
    // The voice figures are kept with the attempt, for pitch stats (null when too little was said).
    for (const key of ['medianHz', 'rangeSemitones', 'syllablesPerSecond', 'articulationRate', 'fadingEndings'])
      expect(a.speech).toHaveProperty(key);

    const wav = readFileSync(join(home, a.recording.file));
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44); // data size written: a finished header
    expect(alive(Number(readFileSync(pidfile, 'utf8')))).toBe(false); // no orphan recorder
  });

  it('Ctrl-C stops the recorder, keeps the recording with the aborted attempt and exits 130', async () => {
    const home = freshHome();
    const { PATH, pidfile } = fakeRecorderPath(home);
    const p = spawnPitch(['rehearse', '--record', '--target', '10s', '--no-countdown'], {
      PITCH_HOME: home,
      PATH,
      PITCH_RECORDER: 'arecord',
    });
    await p.waitFor('▶ 1/5');
    await sleep(600);
    p.write(KEYS.space);
    await p.waitFor('▶ 2/5');
    p.write(KEYS.ctrlC);
    expect((await p.exited).exitCode).toBe(130);
    const [a] = history(home).rehearsals;
    expect(a.kind).toBe('aborted');
    expect(existsSync(join(home, a.recording.file))).toBe(true);
    expect(alive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
  });

  it('a discarded attempt leaves no recording behind', async () => {
    const home = freshHome();
    const { PATH } = fakeRecorderPath(home);
    const p = spawnPitch(['rehearse', '--record', '--target', '10s', '--no-countdown'], {
      PITCH_HOME: home,
      PATH,
      PITCH_RECORDER: 'arecord',
    });
    await p.waitFor('▶ 1/5');
    p.write(KEYS.space);
    await p.waitFor('▶ 2/5');
    p.write('q');
    await p.waitFor('d = jeter');
    p.write('d');
    expect((await p.exited).exitCode).toBe(0);
    expect(history(home).rehearsals).toEqual([]);
    const dir = join(home, 'recordings');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('no recorder installed: one sentence naming what to install, before anything starts, exit 2', () => {
    const home = freshHome();
    const r = runCli(['rehearse', '--record'], { PITCH_HOME: home, PITCH_RECORDER: 'none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Erreur : Aucun enregistreur audio installé/m);
    expect(r.stderr).toMatch(/sox/);
  });
});
