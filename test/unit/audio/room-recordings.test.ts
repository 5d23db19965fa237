/**
 * Issue 21's goals on French speech in hard rooms, generated at test time by scripts/make-room-audio.mjs
 * (espeak-ng + sox): 40 sentences, 39 pauses of 0.3–2.5 s, clean, in white and pink noise, in a
 * reverberant room (RT60 0.5 s) and through sox's reverb, and under five background voices. A pause
 * counts as found when both its edges are within 150 ms (50 ms for clean speech). Skipped, saying why,
 * where espeak-ng or sox is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeAudioFile } from '../../../src/audio/analyze-file.js';
import { comparePauses } from '../../../src/audio/accuracy.js';
import { findExecutable } from '../../../src/audio/tools.js';
import type { Segment } from '../../../src/audio/vad.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const haveTools = Boolean(findExecutable('espeak-ng') && findExecutable('sox'));

interface Goal {
  found: number;
  invented: number;
  speechPercent: number;
  tolerance: number;
  warning: string | null;
}
// Goals of issue 21 (reverb, babble, clean) and "keep what is best today" for the noisy ones.
const GOALS: Record<string, Goal> = {
  clean: { found: 38, invented: 0, speechPercent: 1, tolerance: 0.05, warning: null },
  white20: { found: 38, invented: 0, speechPercent: 3, tolerance: 0.05, warning: null },
  pink5: { found: 37, invented: 0, speechPercent: 3, tolerance: 0.15, warning: null },
  reverb: { found: 35, invented: 2, speechPercent: 5, tolerance: 0.15, warning: 'reverberant' },
  'sox-reverb': { found: 35, invented: 2, speechPercent: 5, tolerance: 0.15, warning: null },
  babble: { found: 30, invented: 4, speechPercent: 8, tolerance: 0.15, warning: 'voices' },
};

describe.skipIf(!haveTools)('speech detection in hard rooms (needs espeak-ng and sox)', () => {
  let dir = '';
  let truth: Segment[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pitch-room-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-room-audio.mjs'), '--out', dir], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`make-room-audio.mjs failed: ${r.stderr}`);
    truth = JSON.parse(readFileSync(join(dir, 'layout.json'), 'utf8')).segments;
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(Object.entries(GOALS))(
    '%s: pauses found within tolerance, none or few invented, speaking time',
    async (name, goal) => {
      const analysis = await analyzeAudioFile(join(dir, `${name}.wav`));
      const agreement = comparePauses(truth, analysis.segments, goal.tolerance);
      const detail = JSON.stringify({ agreement, room: analysis.room });
      expect(agreement.truthPauses).toBe(39);
      expect(agreement.found, detail).toBeGreaterThanOrEqual(goal.found);
      expect(agreement.invented, detail).toBeLessThanOrEqual(goal.invented);
      expect(Math.abs(agreement.speechErrorPercent), detail).toBeLessThanOrEqual(goal.speechPercent);
      if (goal.warning) expect(analysis.room?.warnings, detail).toContain(goal.warning);
      else if (name === 'clean' || name === 'white20') expect(analysis.room?.warnings, detail).toEqual([]);
    },
  );

  it('measures the simulated room: RT60 near 0.5 s, and a dry recording as dry', async () => {
    const wet = await analyzeAudioFile(join(dir, 'reverb.wav'));
    expect(wet.room?.reverberant).toBe(true);
    expect(wet.room?.reverberationSeconds).toBeGreaterThan(0.4);
    expect(wet.room?.reverberationSeconds).toBeLessThan(0.7);
    const dry = await analyzeAudioFile(join(dir, 'clean.wav'));
    expect(dry.room?.reverberant).toBe(false);
    expect(dry.room?.backgroundVoices).toBe(false);
  });
});
