import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempHome } from '../helpers/cli.js';
import { findExecutable } from '../../src/audio/tools.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'audio');
const fixture = (name: string) => join(FIXTURES, name);
const layout = JSON.parse(readFileSync(fixture('layout.json'), 'utf8')) as {
  segments: Array<{ start: number; end: number }>;
};

const { home, cleanup } = tempHome();
afterAll(cleanup);
const env = { PITCH_HOME: home };
const dir = join(home, 'inputs');
mkdirSync(dir, { recursive: true });
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** A PATH where node runs but ffmpeg is nowhere. */
const noFfmpeg = { PATH: '/nonexistent' };
const clean = readFileSync(fixture('clean.wav'));

/** A 16-bit mono 16 kHz WAV header for `dataBytes` of samples. */
function header(dataBytes: number, channels = 1, rate = 16000): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

describe('pitch analyze (built binary)', () => {
  it('writes to a pipe, a file and /dev/null as the full program does: the same JSON, error and exit code', () => {
    // pitch analyze writes its output with fs.writeSync, without Node's stream (src/cli/quick-analyze.ts);
    // the full program (PITCH_NO_QUICK_ANALYZE) writes through process.stdout.
    const run = (args: string[], out: string | number, err: string | number) => {
      const fds = [out, err].map((target) => (typeof target === 'number' ? target : openSync(target, 'w')));
      const r = spawnSync(process.execPath, [BIN, ...args], {
        stdio: ['ignore', fds[0], fds[1]],
        env: { ...process.env, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', LC_ALL: undefined, PITCH_LANG: undefined, ...env },
      });
      for (const fd of fds) if (typeof fd === 'number' && fd > 2) closeSync(fd);
      return r.status;
    };
    const args = ['analyze', fixture('clean.wav'), '--json'];
    const full = runCli(args, { ...env, PITCH_NO_QUICK_ANALYZE: '1' });
    expect(full.code).toBe(0);
    expect(runCli(args, env)).toMatchObject({ code: 0, stdout: full.stdout, stderr: full.stderr });
    const out = join(dir, 'out.json');
    const err = join(dir, 'err.txt');
    expect(run(args, out, err)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full.stdout);
    expect(readFileSync(err, 'utf8')).toBe('');
    const missing = ['analyze', join(dir, 'nowhere.wav')];
    const fullError = runCli(missing, { ...env, PITCH_NO_QUICK_ANALYZE: '1' });
    expect(fullError.code).toBe(2);
    expect(runCli(missing, env)).toMatchObject({ code: 2, stdout: '', stderr: fullError.stderr });
    expect(run(missing, '/dev/null', err)).toBe(2);
    expect(readFileSync(err, 'utf8')).toBe(fullError.stderr);
    expect(run(args, '/dev/null', '/dev/null')).toBe(0);
  });

  it('ends quietly when the reader of its output has gone (| head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'analyze', fixture('clean.wav'), '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    // The reading end closed before pitch writes: its write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--json gives the contract: duration, speech, segments, pauses, longest pause, words per minute, splits', () => {
    const r = runCli(['analyze', fixture('noisy.wav'), '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    for (const key of [
      'durationSeconds',
      'speechSeconds',
      'segments',
      'pauses',
      'longestPauseSeconds',
      'wordsPerMinute',
      'splits',
    ])
      expect(data).toHaveProperty(key);
    expect(data.durationSeconds).toBeCloseTo(9.375, 2);
    expect(data.segments).toHaveLength(4);
    data.segments.forEach((s: { start: number; end: number }, i: number) => {
      expect(Math.abs(s.start - layout.segments[i]!.start)).toBeLessThanOrEqual(0.05);
      expect(Math.abs(s.end - layout.segments[i]!.end)).toBeLessThanOrEqual(0.05);
    });
    expect(data.pauses).toHaveLength(3);
    expect(data.pauseCounts).toEqual({ atLeast300ms: 3, atLeast1s: 2, atLeast2500ms: 1 });
    expect(data.longestPauseSeconds).toBeCloseTo(2.6, 1);
    expect(data).toMatchObject({ wordsPerMinute: null, splits: null, section: null, noSpeech: false });
  });

  it('--section 1 measures the pace against that section’s words, first word to last', () => {
    const r = runCli(['analyze', fixture('clean.wav'), '--section', '1', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.section).toMatchObject({ number: '1', words: 239 });
    const span = data.segments.at(-1).end - data.segments[0].start;
    expect(data.wordsPerMinute).toBeCloseTo((239 / span) * 60, 0);
    expect(data.verdict).toBe('fast'); // 239 words in 8.5 s: the synthetic voice said far fewer
  });

  it('prints a report in French by default, in English with --lang en', () => {
    const fr = runCli(['analyze', fixture('noisy.wav')], env);
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain('Analyse de la voix');
    expect(fr.stdout).toMatch(/16000 Hz, mono, 16 bits/);
    expect(fr.stdout).toContain('3 ≥ 0,3 s · 2 ≥ 1 s · 1 ≥ 2,5 s');
    expect(fr.stdout).toContain('donnez --section');
    expect(fr.stdout).toMatch(/^ {2}[█─]+$/m);
    const en = runCli(['analyze', fixture('noisy.wav'), '--section', '1', '--lang', 'en'], env);
    expect(en.stdout).toContain('Voice analysis');
    expect(en.stdout).toMatch(/Pace\s+[\d,]+ words\/min/);
    expect(en.stdout).toContain('faster than the 120–160 words/min band');
  });

  it('silence only is a correct "no speech" result, not an error', () => {
    const silent = file('silence.wav', Buffer.concat([header(16000 * 2 * 3), Buffer.alloc(16000 * 2 * 3)]));
    const r = runCli(['analyze', silent], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Aucune parole détectée');
    const data = JSON.parse(runCli(['analyze', silent, '--json', '--section', '1'], env).stdout);
    expect(data).toMatchObject({ noSpeech: true, segments: [], pauses: [], speechSeconds: 0, wordsPerMinute: null });
  });

  it('clipped audio is analysed, with a warning about the level', () => {
    const samples = Buffer.from(clean.subarray(44));
    for (let i = 0; i + 1 < samples.length; i += 2)
      samples.writeInt16LE(Math.max(-32768, Math.min(32767, samples.readInt16LE(i) * 12)), i);
    const r = runCli(['analyze', file('clipped.wav', Buffer.concat([header(samples.length), samples]))], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/des échantillons saturent/);
    expect(r.stdout).toContain('3 ≥ 0,3 s');
  });

  it('a recording cut short (size fields never written) is analysed, and says so', () => {
    const cut = Buffer.from(clean);
    cut.writeUInt32LE(0, 4);
    cut.writeUInt32LE(0, 40);
    const r = runCli(['analyze', file('cut.wav', cut)], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('enregistrement interrompu');
    expect(r.stdout).toContain('3 ≥ 0,3 s');
  });

  it('a recording made by `pitch rehearse --record` gets its splits from the history', () => {
    mkdirSync(join(home, 'recordings'), { recursive: true });
    copyFileSync(fixture('clean.wav'), join(home, 'recordings', 'a1.wav'));
    const split = (title: string, words: number) => ({ key: title, title, budgetSeconds: 3, seconds: 3, words });
    writeFileSync(
      join(home, 'history.json'),
      JSON.stringify({
        version: 1,
        quizzes: [],
        rehearsals: [
          {
            id: 'a1',
            startedAt: '2026-11-20T10:00:00.000Z',
            sectionId: '1-pitch-court',
            sectionTitle: 'Pitch court (≈ 2 min)',
            targetSeconds: 9,
            promptLevel: 'full',
            kind: 'complete',
            totalSeconds: 9,
            words: 24,
            splits: [split('Intro', 10), split('Mission', 8), split('Fin', 6)],
            recording: { file: 'recordings/a1.wav', splitEnds: [3.6, 7.0, 9.3] },
          },
        ],
      }),
    );
    const r = runCli(['analyze', join(home, 'recordings', 'a1.wav')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Par étape');
    expect(r.stdout).toMatch(/^1\s+Intro\s/m);
    expect(r.stdout).toMatch(/^3\s+Fin\s/m);
    const data = JSON.parse(runCli(['analyze', join(home, 'recordings', 'a1.wav'), '--json'], env).stdout);
    expect(data.splits.map((s: { words: number }) => s.words)).toEqual([10, 8, 6]);
    expect(data.words).toBe(24);
    expect(data.paceOverTime).toHaveLength(3);
  });
});

describe('pitch analyze: bad input gets one sentence, a hint, exit 2, no stack trace', () => {
  const truncated = file('truncated.wav', clean.subarray(0, 30));
  const headerOnly = file('header-only.wav', clean.subarray(0, 44));
  const absurd = Buffer.from(clean);
  absurd.writeUInt16LE(0, 22);
  const cases: Array<[string, string[], RegExp]> = [
    [
      'not a WAV, no ffmpeg',
      ['analyze', file('notes.txt', '# Mon pitch\n')],
      /n’est pas un fichier WAV, et ffmpeg n’est pas installé/,
    ],
    ['truncated header', ['analyze', truncated], /est tronqué : son en-tête WAV est incomplet/],
    ['zero-length data', ['analyze', headerOnly], /ne contient aucun échantillon audio/],
    ['absurd header', ['analyze', file('absurd.wav', absurd)], /est incohérent \(0 canaux/],
    ['empty file', ['analyze', file('empty.wav', '')], /est vide \(0 octet\)/],
    ['missing file', ['analyze', join(dir, 'nope.wav')], /Fichier introuvable/],
    ['a directory', ['analyze', dir], /est un dossier/],
    ['unknown section', ['analyze', fixture('clean.wav'), '--section', 'zzzz'], /Aucune section ne correspond/],
    ['no file given', ['analyze'], /Argument manquant : « audio »/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = runCli(args, { ...env, ...noFfmpeg });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^Astuce : /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});

describe('pitch analyze started alone (without the full program)', () => {
  it('prints, warns and exits exactly as the full program does: reports, JSON, sections, errors, both languages', () => {
    const pitch = file('pitch.md', '# Pitch\n\n## Intro\n\nBonjour, je présente mon parcours.\n\n## Fin\n\nMerci.\n');
    const lines = [
      ['analyze', fixture('clean.wav'), '--json'],
      ['analyze', fixture('noisy.wav')],
      ['--lang', 'en', 'analyze', fixture('clean.wav'), '-s', '1', '--file', pitch],
      ['analyze', fixture('clean.wav'), '--section', 'zzzz', '-f', pitch],
      ['analyze', join(dir, 'nope.wav'), '--lang', 'en'],
      ['analyze', dir],
    ];
    for (const args of lines) {
      const quick = runCli(args, { ...env, ...noFfmpeg });
      const full = runCli(args, { ...env, ...noFfmpeg, PITCH_NO_QUICK_ANALYZE: '1' });
      expect(quick, args.join(' ')).toEqual(full);
    }
  });
});

describe.skipIf(!findExecutable('ffmpeg'))('pitch analyze with ffmpeg installed', () => {
  it('reads other formats through ffmpeg (an MP3 of the fixture)', () => {
    const mp3 = join(dir, 'noisy.mp3');
    expect(spawnSync('ffmpeg', ['-v', 'error', '-y', '-i', fixture('noisy.wav'), '-b:a', '64k', mp3]).status).toBe(0);
    const r = runCli(['analyze', mp3, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.source.reader).toBe('ffmpeg');
    expect(data.pauseCounts).toEqual({ atLeast300ms: 3, atLeast1s: 2, atLeast2500ms: 1 });
  });

  it('a file ffmpeg cannot read either is a usage error in one sentence', () => {
    const r = runCli(['analyze', file('garbage.bin', '# pas de son ici\n')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ffmpeg n’a pas pu lire .*garbage\.bin : /);
    expect(r.stderr).toMatch(/^Astuce : Vérifiez que c’est bien un enregistrement audio/m);
  });
});

describe('a one-hour recording', () => {
  it('is analysed in bounded memory (peak RSS under 150 MB)', () => {
    const big = join(dir, 'hour.wav');
    const samples = clean.subarray(44);
    const repeats = Math.ceil((3600 * 32000) / samples.length);
    const fd = openSync(big, 'w');
    writeSync(fd, header(samples.length * repeats));
    for (let i = 0; i < repeats; i++) writeSync(fd, samples);
    closeSync(fd);
    const r = spawnSync(process.execPath, ['-r', fixture('report-rss.cjs'), BIN, 'analyze', big, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, PITCH_HOME: home, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.durationSeconds).toBeGreaterThan(3600);
    // Each copy holds 4 sentences and 3 pauses; copies join with 0.9 s of silence (0.5 tail + 0.4 lead-in).
    expect(data.pauseCounts.atLeast300ms).toBe(repeats * 4 - 1);
    const maxRssKiB = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]);
    expect(maxRssKiB / 1024).toBeLessThan(150);
  }, 240_000);
});
