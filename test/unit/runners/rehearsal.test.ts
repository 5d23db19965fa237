import { describe, expect, it } from 'vitest';
import { runRehearsal, type RehearsalPorts, type RehearsalView } from '../../../src/runners/rehearsal.js';
import type { TakeResult } from '../../../src/runners/take.js';
import type { RunSummary } from '../../../src/rehearsal/summary.js';
import type { Attempt } from '../../../src/rehearsal/types.js';
import { planRehearsal } from '../../../src/rehearsal/plan.js';
import { defaultRehearsalSection } from '../../../src/pitch/lookup.js';
import { analyzeSegments } from '../../../src/audio/metrics.js';
import { bundledPitch } from '../../helpers/pitch.js';
import { CTRL_C, fakeClock, fakeRecorder, play, Q, SPACE, type Step } from './fakes.js';

const section = defaultRehearsalSection(bundledPitch().sections)!;
const plan = planRehearsal(section, 120);
const n = plan.splits.length;
const options = { section, plan, first: 0, count: n, practice: false, prompt: 'full' as const, countdownMs: 0 };

/** A rehearsal on scripted keys, with history in memory; what the screen was told is logged. */
function setup(
  steps: Step[],
  history: Attempt[] = [],
  recorder: RehearsalPorts['recorder'] = null,
  keepSuspect = false,
) {
  const { clock, ports } = fakeClock();
  const told: {
    views: RehearsalView[];
    summaries: Array<[RunSummary, TakeResult | null]>;
    discarded: number;
    asked: number;
    kept: RunSummary[];
  } = { views: [], summaries: [], discarded: 0, asked: 0, kept: [] };
  const rehearsal: RehearsalPorts = {
    ...ports,
    recorder,
    history: {
      rehearsals: () => history,
      add: (a) => (history.push(a), history),
      confirm: (id) => {
        const a = history.find((x) => x.id === id)!;
        Object.assign(a, { suspect: false, confirmedFast: true });
        return history;
      },
    },
    screen: {
      levelChanged: () => {},
      keepSuspect: async () => (told.asked++, keepSuspect),
      keptSuspect: (s) => void told.kept.push(s),
      run: async (spec, view) => (told.views.push(view), play(spec, steps, clock)),
      discarded: () => void told.discarded++,
      summary: (s, _, take) => void told.summaries.push([s, take]),
    },
  };
  return { rehearsal, history, told };
}
const splitsEvery = (ms: number): Step[] => plan.splits.map((_, i) => [(i + 1) * ms, SPACE]);
/** Each split said in its budget times `factor`: a pace a speaker can hold, so the run can be a record. */
function splitsAtBudget(factor: number): Step[] {
  let at = 0;
  return plan.splits.map((s) => [(at += Math.round(s.budgetSeconds * factor * 1000)), SPACE]);
}

describe('the rehearsal runner', () => {
  it('times each split from the keys, saves the attempt and summarises it against the target', async () => {
    const { rehearsal, history, told } = setup(splitsEvery(20_000));
    const run = await runRehearsal(rehearsal, options);
    expect(run.outcome).toBe('finished');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'complete', totalSeconds: 20 * n, targetSeconds: 120 });
    expect(history[0]!.splits.every((s) => s.seconds === 20)).toBe(true);
    expect(told.summaries[0]![0]).toMatchObject({ totalSeconds: 20 * n, attemptNumber: 1, targetSeconds: 120 });
    expect(told.views[0]).toMatchObject({ attemptNumber: 1, targetSeconds: 120, firstNumber: 1 });
  });

  it('a second run is attempt 2 and sees the first as its personal best', async () => {
    const history: Attempt[] = [];
    await runRehearsal(setup(splitsAtBudget(1), history).rehearsal, options);
    const second = setup(splitsAtBudget(0.95), history);
    const run = await runRehearsal(second.rehearsal, options);
    expect(run.records.personalBest?.totalSeconds).toBeCloseTo(120, 0);
    expect(second.told.views[0]!.pbCumulative[0]).toBeCloseTo(plan.splits[0]!.budgetSeconds, 0);
    expect(second.told.summaries[0]![0]).toMatchObject({ attemptNumber: 2, newPersonalBest: true });
  });

  it('q before the first split saves nothing and deletes the recording', async () => {
    const rec = fakeRecorder(new Error('never analysed'));
    const { rehearsal, history, told } = setup([[500, Q]], [], rec.port);
    const run = await runRehearsal(rehearsal, options);
    expect(run.attempt).toBeNull();
    expect(history).toHaveLength(0);
    expect(told.discarded).toBe(1);
    expect(rec.log.map((l) => l.split(' ')[0])).toEqual(['start', 'stop', 'remove']);
  });

  it('Ctrl-C keeps the run as aborted', async () => {
    const { rehearsal, history } = setup([
      [20_000, SPACE],
      [25_000, CTRL_C],
    ]);
    const run = await runRehearsal(rehearsal, options);
    expect(run.outcome).toBe('abort');
    expect(history[0]).toMatchObject({ kind: 'aborted' });
  });

  it('--record places each split end on the recording and keeps the speech figures', async () => {
    const analysis = analyzeSegments({ durationSeconds: 40, segments: [{ start: 1, end: 30 }] });
    const rec = fakeRecorder(analysis, 100);
    const { rehearsal, history, told } = setup(splitsEvery(5_000), [], rec.port);
    await runRehearsal(rehearsal, options);
    const a = history[0]!;
    expect(a.recording?.file).toBe(`recordings/${a.id}.wav`);
    // The fake recording starts 100 ms after the clock's zero.
    expect(a.recording?.splitEnds).toEqual(plan.splits.map((_, i) => (i + 1) * 5 - 0.1));
    expect(a.speech?.speechSeconds).toBe(29);
    expect(rec.options[0]).toMatchObject({ splitEnds: a.recording?.splitEnds, scriptWords: a.words });
    // The text's syllables go along, for the measured syllables to be checked against.
    const syllables = (rec.options[0] as { scriptSyllables: number }).scriptSyllables;
    expect(syllables).toBeGreaterThan(a.words);
    expect(syllables).toBeLessThan(a.words * 3);
    expect(told.summaries[0]![1]).toMatchObject({ file: a.recording?.file, summary: { speechSeconds: 29 } });
  });

  it('an analysis that fails keeps the attempt and its recording', async () => {
    const rec = fakeRecorder(new Error('bad wav'));
    const { rehearsal, history, told } = setup(splitsEvery(5_000), [], rec.port);
    await runRehearsal(rehearsal, options);
    expect(history[0]!.recording).toBeDefined();
    expect(history[0]!.speech).toBeUndefined();
    expect(told.summaries[0]![1]).toMatchObject({ error: new Error('bad wav') });
    expect(rec.log.some((l) => l.startsWith('remove'))).toBe(false);
  });

  it('--from practice runs time only their slice, against its budgets', async () => {
    const { rehearsal, history, told } = setup([[10_000, SPACE]]);
    await runRehearsal(rehearsal, { ...options, first: n - 1, count: 1, practice: true });
    expect(history[0]).toMatchObject({ kind: 'practice' });
    expect(told.views[0]).toMatchObject({ firstNumber: n, targetSeconds: plan.splits[n - 1]!.budgetSeconds });
  });

  it('Ctrl-C during the countdown saves nothing: the clock never started', async () => {
    const { rehearsal, history, told } = setup([[1_000, CTRL_C]]);
    const run = await runRehearsal(rehearsal, { ...options, countdownMs: 3_000 });
    expect(run.outcome).toBe('abort');
    expect(run.attempt).toBeNull();
    expect(history).toHaveLength(0);
    expect(told.discarded).toBe(1);
  });

  it('keeps attempts, records and the counter per pitch file: a copied file starts at attempt 1', async () => {
    const original = { file: '/home/me/pitch.md', hash: 'a', ownsLegacy: false };
    const copy = { file: '/home/me/copy.md', hash: 'a', ownsLegacy: false };
    const history: Attempt[] = [];
    await runRehearsal(setup(splitsAtBudget(1), history).rehearsal, { ...options, identity: original });
    const second = setup(splitsAtBudget(1), history);
    const run = await runRehearsal(second.rehearsal, { ...options, identity: copy });
    expect(second.told.views[0]).toMatchObject({ attemptNumber: 1 });
    expect(run.records.personalBest).toBeNull();
    expect(history.map((a) => a.pitchFile)).toEqual([original.file, copy.file]);
    const third = setup(splitsAtBudget(1), history);
    await runRehearsal(third.rehearsal, { ...options, identity: original });
    expect(third.told.views[0]).toMatchObject({ attemptNumber: 2 });
  });

  it('five quick taps: suspect, no record, and `pitch rehearse` asks whether to keep it (No by default)', async () => {
    const { rehearsal, history, told } = setup(splitsEvery(300));
    const run = await runRehearsal(rehearsal, { ...options, offerToKeepSuspect: true });
    expect(history[0]).toMatchObject({ kind: 'complete', suspect: true });
    expect(run.summary).toMatchObject({ suspect: true, newPersonalBest: false, newBestCount: 0 });
    expect(told.asked).toBe(1);
    expect(told.kept).toEqual([]);
  });

  it('a suspect run the user keeps counts as a record from then on', async () => {
    const { rehearsal, history, told } = setup(splitsEvery(300), [], null, true);
    const run = await runRehearsal(rehearsal, { ...options, offerToKeepSuspect: true });
    expect(history[0]).toMatchObject({ suspect: false, confirmedFast: true });
    expect(told.kept[0]).toMatchObject({ newPersonalBest: true });
    expect(run.attempt).toMatchObject({ suspect: false });
  });

  it('never asks about a credible run, nor in the interview', async () => {
    const credible = setup(splitsAtBudget(1));
    await runRehearsal(credible.rehearsal, { ...options, offerToKeepSuspect: true });
    expect(credible.told.asked).toBe(0);
    const interview = setup(splitsEvery(300));
    await runRehearsal(interview.rehearsal, options);
    expect(interview.told.asked).toBe(0);
  });

  it('labels the pace as measured when the recording measured it', async () => {
    const analysis = analyzeSegments(
      { durationSeconds: 130, segments: [{ start: 1, end: 110 }] },
      { scriptWords: plan.splits.reduce((w, s) => w + s.words, 0) },
    );
    const rec = fakeRecorder(analysis, 100);
    const { rehearsal, told } = setup(splitsAtBudget(1), [], rec.port);
    await runRehearsal(rehearsal, { ...options, lang: 'fr' });
    const pace = told.summaries[0]![0].pace!;
    expect(pace.source).toBe('recording');
    // 239 words over 109 s of speech: 132 words a minute, inside the French band.
    expect(pace).toMatchObject({ wordsPerMinute: 132, verdict: 'good', band: { min: 120, max: 160 } });
  });
});
