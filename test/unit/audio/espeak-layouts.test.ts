/**
 * Accuracy on longer French speech generated at test time by scripts/make-audio-fixtures.sh
 * (espeak-ng + sox): 12 sentences, pauses from 0.25 s to 3 s, several voices, noise colours, sample
 * rates and formats. Skipped, with the reason in its title, where those tools are not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudioFile } from '../../../src/audio/analyze-file.js';
import { compareToTruth } from '../../../src/audio/accuracy.js';
import { findExecutable } from '../../../src/audio/tools.js';
import { readLayout, type Layout } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const haveTools = Boolean(findExecutable('espeak-ng') && findExecutable('sox'));

function make(dir: string, ...args: string[]): Layout {
  const r = spawnSync(
    'bash',
    [join(ROOT, 'scripts', 'make-audio-fixtures.sh'), '--out', dir, '--layout', 'long', ...args],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`make-audio-fixtures.sh failed: ${r.stderr}`);
  return readLayout(dir);
}

describe.skipIf(!haveTools)('espeak-ng layouts generated at test time (needs espeak-ng and sox)', () => {
  let root = '';
  const sets: Record<string, { dir: string; layout: Layout }> = {};

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pitch-audio-'));
    const variants: Array<[string, string[]]> = [
      ['white', ['--formats']],
      ['pink', ['--noise', 'pink']],
      ['brown', ['--noise', 'brown']],
      ['female-fast', ['--voice', 'fr+f3', '--speed', '200']],
      ['male-slow', ['--voice', 'fr+m7', '--speed', '150']],
    ];
    for (const [name, args] of variants) {
      const dir = join(root, name);
      sets[name] = { dir, layout: make(dir, ...args) };
    }
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases: Array<[string, string]> = [
    ['white', 'clean.wav'],
    ['white', 'noisy.wav'],
    ['white', 'clean-8k-u8.wav'],
    ['white', 'clean-22k-s32.wav'],
    ['white', 'clean-44k-s24-stereo.wav'],
    ['white', 'clean-48k-f32.wav'],
    ['white', 'noisy-44k-s16-stereo.wav'],
    ['pink', 'noisy.wav'],
    ['brown', 'noisy.wav'],
    ['female-fast', 'clean.wav'],
    ['female-fast', 'noisy.wav'],
    ['male-slow', 'clean.wav'],
    ['male-slow', 'noisy.wav'],
  ];

  it.each(cases)(
    '%s/%s: speaking time within 3 %, every pause found, none invented, edges within 50 ms',
    async (set, file) => {
      const { dir, layout } = sets[set]!;
      const analysis = await analyzeAudioFile(join(dir, file));
      const accuracy = compareToTruth(layout.segments, analysis.segments);
      expect(accuracy.truthPauses).toBe(10);
      expect(accuracy, JSON.stringify({ accuracy, segments: analysis.segments })).toMatchObject({ meetsGoals: true });
      expect(analysis.durationSeconds).toBeCloseTo(layout.durationSeconds, 1);
    },
  );

  it('the pause counts match the layout: 0.25 s is a gap, not a pause; 1 s and 2.5 s classes', async () => {
    const { dir } = sets.white!;
    const analysis = await analyzeAudioFile(join(dir, 'noisy.wav'));
    // Layout gaps after the lead-in: 0.32 0.45 1.05 0.60 2.55 0.38 0.25 1.50 0.80 3.00 0.50.
    expect(analysis.pauseCounts).toEqual({ atLeast300ms: 10, atLeast1s: 4, atLeast2500ms: 2 });
    expect(analysis.longestPauseSeconds).toBeGreaterThan(2.95);
    expect(analysis.longestPauseSeconds).toBeLessThan(3.05);
  });
});
