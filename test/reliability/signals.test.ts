// SIGTERM and SIGHUP during every interactive command, in a real pseudo-terminal: what was finished
// is saved, the terminal is given back as it was, child processes are stopped, and the exit code is
// the shell's 128 + signal (143, 129).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyOf, homesForThisFile, sleep } from '../helpers/cli.js';
import { afterRatingGuard, KEYS, spawnPitch, type PtySession } from '../helpers/pty.js';

/** These tests signal pitch itself: no shell in between. */
const DIRECT = { lingerMs: 0 };
import { fakeRecorderPath, isAlive } from '../helpers/fake-recorder.js';
import { storedData } from '../helpers/records.js';

const freshHome = homesForThisFile();
const history = historyOf;
const cardIds = (home: string): string[] => Object.keys(storedData(home).cards.cards);

const SIGNALS = [
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

/**
 * node-pty reports a child killed by a signal as { exitCode: 0, signal: N }. Ours must instead catch
 * the signal, save, restore the terminal and exit by itself with 128 + N: { exitCode: 128 + N, signal: 0 }.
 */
async function expectExit(p: PtySession, code: number): Promise<void> {
  expect(await p.exited).toEqual({ exitCode: code, signal: 0 });
  expect(p.text()).toContain('Interrompu.');
}

/** The cursor is shown again after it was last hidden; a live screen also leaves the alternate screen. */
function expectTerminalRestored(p: PtySession, liveScreen: boolean): void {
  const raw = p.raw();
  expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
  if (liveScreen) {
    expect(raw.lastIndexOf('\x1b[?1049h')).toBeGreaterThanOrEqual(0);
    expect(raw.lastIndexOf('\x1b[?1049l')).toBeGreaterThan(raw.lastIndexOf('\x1b[?1049h'));
  }
}

/** Presses Space and waits for the next split of a live rehearsal screen. */
async function nextSplit(p: PtySession, split: string): Promise<void> {
  await p.press(KEYS.space, split, 10_000);
}

describe.each(SIGNALS)('%s during an interactive command', (signal, code) => {
  it('rehearse (live screen): the split done is saved in an aborted attempt', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home }, undefined, DIRECT);
    await p.waitFor('▶ 1/5');
    await nextSplit(p, '▶ 2/5');
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, true);
    const [attempt] = history(home).rehearsals;
    expect(attempt.kind).toBe('aborted');
    expect(attempt.splits[0].seconds).toEqual(expect.any(Number)); // timed (0.0 s when Space came at once)
    expect(attempt.splits.slice(1).every((s: { seconds: number | null }) => s.seconds === null)).toBe(true);
  });

  it('rehearse --record: the recorder is stopped and the recording kept with the aborted attempt', async () => {
    const home = freshHome();
    const { PATH, pidfile } = fakeRecorderPath(home);
    const p = spawnPitch(
      ['rehearse', '--record', '--target', '10s', '--no-countdown'],
      { PITCH_HOME: home, PATH, PITCH_RECORDER: 'arecord' },
      undefined,
      DIRECT,
    );
    await p.waitFor('▶ 1/5');
    await nextSplit(p, '▶ 2/5');
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, true);
    const [attempt] = history(home).rehearsals;
    expect(attempt.kind).toBe('aborted');
    expect(existsSync(join(home, attempt.recording.file))).toBe(true);
    expect(isAlive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
  });

  /** A flash-card quiz of two questions, the first one answered and rated. */
  async function quizAfterOneRating(home: string): Promise<PtySession> {
    const p = spawnPitch(
      ['quiz', '--topic', 'spark', '--mode', 'flash', '--count', '2'],
      { PITCH_HOME: home },
      undefined,
      DIRECT,
    );
    await p.waitFor('Répondez de tête');
    p.write(KEYS.enter);
    await p.waitFor('? Note');
    await afterRatingGuard();
    await p.press(KEYS.enter, 'Question 2/2', 10_000);
    return p;
  }

  it('quiz (question prompt): the rating given before is in the review log and in history', async () => {
    const home = freshHome();
    const p = await quizAfterOneRating(home);
    await p.waitFor('Répondez de tête', 10_000, p.text().lastIndexOf('Question 2/2'));
    p.kill(signal);
    await expectExit(p, code);
    expect(p.text()).toContain('Session arrêtée : 1 note enregistrée.');
    expectTerminalRestored(p, false);
    expect(cardIds(home)).toHaveLength(1);
    const [session] = history(home).quizzes;
    expect(session).toMatchObject({ interrupted: true, reviews: [{ questionId: cardIds(home)[0] }] });
  });

  it('quiz (rating prompt): the question not yet rated is not saved, the one before is', async () => {
    const home = freshHome();
    const p = await quizAfterOneRating(home);
    const from = p.text().lastIndexOf('Question 2/2');
    await p.waitFor('Répondez de tête', 10_000, from);
    p.write(KEYS.enter);
    await p.waitFor('? Note', 10_000, from);
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, false);
    expect(cardIds(home)).toHaveLength(1);
    expect(history(home).quizzes[0]).toMatchObject({ interrupted: true, reviews: [{ questionId: cardIds(home)[0] }] });
  });

  it('interview (pitch on the live screen): the aborted pitch and the interview are both saved', async () => {
    const home = freshHome();
    const p = spawnPitch(
      ['interview', '--questions', '1', '--topics', 'spark', '--answer-time', '10s', '--no-countdown'],
      { PITCH_HOME: home },
      undefined,
      DIRECT,
    );
    await p.waitFor('Présentez-vous');
    p.write(KEYS.enter);
    await p.waitFor('▶ 1/5');
    await nextSplit(p, '▶ 2/5');
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, true);
    const h = history(home);
    expect(h.rehearsals[0].kind).toBe('aborted');
    expect(h.interviews[0]).toMatchObject({ interrupted: true, pitchAttemptId: h.rehearsals[0].id });
  });

  /** A mock interview without the pitch, two questions, the first one answered, ticked and rated. */
  async function interviewAfterOneAnswer(home: string): Promise<PtySession> {
    const p = spawnPitch(
      ['interview', '--no-pitch', '--questions', '2', '--topics', 'kubernetes', '--answer-time', '10s'],
      { PITCH_HOME: home },
      undefined,
      DIRECT,
    );
    await p.waitFor('Question 1/2 · Entrée');
    p.write(KEYS.enter);
    await p.waitFor('Espace : réponse terminée');
    await p.press(KEYS.space, 'Quels points clés avez-vous couverts');
    await p.press(KEYS.enter, 'Entrée = ');
    await afterRatingGuard();
    await p.press(KEYS.enter, 'Question 2/2 · Entrée');
    return p;
  }

  it('interview (answer on the live screen): the answer rated before is saved', async () => {
    const home = freshHome();
    const p = await interviewAfterOneAnswer(home);
    await p.press(KEYS.enter, 'Espace : réponse terminée', 10_000);
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, true);
    const [interview] = history(home).interviews;
    expect(interview.interrupted).toBe(true);
    expect(interview.answers[0].rating).not.toBeNull();
    expect(cardIds(home)).toEqual([interview.answers[0].questionId]);
  });

  it('interview (prompt between answers): the finished answers are saved', async () => {
    const home = freshHome();
    const p = await interviewAfterOneAnswer(home);
    p.kill(signal);
    await expectExit(p, code);
    expectTerminalRestored(p, false);
    const [interview] = history(home).interviews;
    expect(interview.interrupted).toBe(true);
    expect(interview.answers[0].rating).not.toBeNull();
    expect(interview.answers[0].seconds).toEqual(expect.any(Number));
    expect(interview.answers[1].rating).toBeNull();
    expect(cardIds(home)).toEqual([interview.answers[0].questionId]);
  });
});

/**
 * The terminal itself going away mid-session (a closed window, tmux kill-session, a dropped SSH link):
 * the pty's master side is closed, nothing is signalled by the test. What was finished is saved first;
 * then pitch ends as a hung-up process does, by SIGHUP (129 in a shell), with no crash on the way.
 */
describe('the terminal closes mid-session (pty master closed)', () => {
  async function expectHungUp(p: PtySession): Promise<void> {
    const end = await p.exited;
    // Killed by the SIGHUP it re-raised once everything was saved (or exited 129 by itself).
    expect(end.signal === 1 || end.exitCode === 129, JSON.stringify(end)).toBe(true);
  }

  it('rehearse: the splits done are saved in an aborted attempt', async () => {
    const home = freshHome();
    const p = spawnPitch(['rehearse', '--target', '6s', '--no-countdown'], { PITCH_HOME: home }, undefined, DIRECT);
    await p.waitFor('▶ 1/5');
    await nextSplit(p, '▶ 2/5');
    await nextSplit(p, '▶ 3/5');
    p.hangUp();
    await expectHungUp(p);
    const [attempt] = history(home).rehearsals;
    expect(attempt.kind).toBe('aborted');
    expect(attempt.splits.slice(0, 2).every((s: { seconds: number | null }) => typeof s.seconds === 'number')).toBe(
      true,
    );
  });

  it('rehearse --record: the recording is finalized, measured and attached to the attempt', async () => {
    const home = freshHome();
    const { PATH, pidfile } = fakeRecorderPath(home);
    const p = spawnPitch(
      ['rehearse', '--record', '--target', '10s', '--no-countdown'],
      { PITCH_HOME: home, PATH, PITCH_RECORDER: 'arecord' },
      undefined,
      DIRECT,
    );
    await p.waitFor('▶ 1/5');
    await sleep(1200);
    await nextSplit(p, '▶ 2/5');
    p.hangUp();
    await expectHungUp(p);
    const [attempt] = history(home).rehearsals;
    expect(attempt.kind).toBe('aborted');
    const wav = readFileSync(join(home, attempt.recording.file));
    // A finished WAV: its RIFF and data sizes are those of the file.
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.subarray(36, 40).toString('latin1')).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(wav.length - 44);
    expect(attempt.speech.speechSeconds).toBeGreaterThan(0);
    expect(isAlive(Number(readFileSync(pidfile, 'utf8')))).toBe(false);
  });

  it('quiz: the rating given is in cards.json and the session in history', async () => {
    const home = freshHome();
    const p = spawnPitch(
      ['quiz', '--topic', 'spark', '--mode', 'flash', '--count', '2'],
      { PITCH_HOME: home },
      undefined,
      DIRECT,
    );
    await p.waitFor('Répondez de tête');
    p.write(KEYS.enter);
    await p.waitFor('? Note');
    await afterRatingGuard();
    await p.press(KEYS.enter, 'Question 2/2', 10_000);
    await p.waitFor('Répondez de tête', 10_000, p.text().lastIndexOf('Question 2/2'));
    p.hangUp();
    await expectHungUp(p);
    expect(cardIds(home)).toHaveLength(1);
    expect(history(home).quizzes[0]).toMatchObject({ interrupted: true, reviews: [{ questionId: cardIds(home)[0] }] });
  });

  it('interview: the answer rated before is saved with the interrupted interview', async () => {
    const home = freshHome();
    const p = spawnPitch(
      ['interview', '--no-pitch', '--questions', '2', '--topics', 'kubernetes', '--answer-time', '10s'],
      { PITCH_HOME: home },
      undefined,
      DIRECT,
    );
    await p.waitFor('Question 1/2 · Entrée');
    p.write(KEYS.enter);
    await p.waitFor('Espace : réponse terminée');
    await p.press(KEYS.space, 'Quels points clés avez-vous couverts');
    await p.press(KEYS.enter, 'Entrée = ');
    await afterRatingGuard();
    await p.press(KEYS.enter, 'Question 2/2 · Entrée');
    await p.press(KEYS.enter, 'Espace : réponse terminée', 10_000);
    p.hangUp();
    await expectHungUp(p);
    const [interview] = history(home).interviews;
    expect(interview.interrupted).toBe(true);
    expect(interview.answers[0].rating).not.toBeNull();
    expect(cardIds(home)).toEqual([interview.answers[0].questionId]);
  });
});
