import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { renderLive, type LiveViewInput } from '../../../src/ui/render/live-view.js';
import { planRehearsal } from '../../../src/rehearsal/plan.js';
import { applyEvent, createTimer } from '../../../src/rehearsal/timer.js';
import { startSession } from '../../../src/rehearsal/session.js';
import { translator } from '../../../src/i18n/index.js';
import { flattenSections } from '../../../src/pitch/model.js';
import { bundledPitch } from '../../helpers/pitch.js';

const plan = planRehearsal(flattenSections(bundledPitch().sections).find((s) => s.number === '1')!, 120);

function view(over: Partial<LiveViewInput> = {}): LiveViewInput {
  let timer = createTimer(plan.splits.length, 0);
  timer = applyEvent(timer, 'split', 14_000);
  return {
    sectionTitle: plan.sectionTitle,
    splits: plan.splits,
    firstNumber: 1,
    session: startSession(timer),
    now: 20_000,
    targetSeconds: 120,
    level: 'full',
    bestSegments: { [plan.splits[0]!.key]: 15 },
    pbCumulative: plan.splits.map(() => null),
    attemptNumber: 3,
    practice: false,
    width: 80,
    rows: 40,
    t: translator('fr'),
    chalk: new Chalk({ level: 3 }),
    ...over,
  };
}

describe('live view', () => {
  it.each([60, 80, 120])('fits %i columns on every line', (width) => {
    const lines = stripVTControlCharacters(renderLive(view({ width }))).split('\n');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
  });

  it('shows the current split, its cue, the split table and the time left', () => {
    const text = stripVTControlCharacters(renderLive(view()));
    expect(text).toContain('▶ 2/5  Ma mission actuelle est chez…');
    expect(text).toContain('Ma mission actuelle est chez Crédit Agricole CIB');
    // Segment, budget, segment delta, cumulative delta (against the target's pace: no PB yet), best.
    expect(text).toMatch(/Temps +Budget +± budget +± cible +Meilleur/);
    expect(text).toMatch(/✓ 1 {2}Bonjour.*0:14\.0 +0:15\.6 +−0:01\.6 +−0:01\.6 +0:14\.0/);
    expect(text).toContain('0:20.0 / 2:00');
    expect(text).toContain('reste 1:40');
    expect(text).toContain('tentative n° 3');
  });

  it('compares the cumulative column with the personal best when there is one, and names it so', () => {
    const pb = [16, 40, 61, 105, 115]; // the PB's clock at the end of each split
    const text = stripVTControlCharacters(renderLive(view({ pbCumulative: pb })));
    expect(text).toMatch(/± budget +± record +Meilleur/);
    // 14.0 s at the end of split 1 against the PB's 16.0: 2 s ahead; against the budget: 1.6 s ahead.
    expect(text).toMatch(/✓ 1 {2}Bonjour.*0:14\.0 +0:15\.6 +−0:01\.6 +−0:02\.0/);
  });

  it('shows the running split’s deltas only once it is behind', () => {
    const ahead = stripVTControlCharacters(renderLive(view({ now: 20_000 })));
    expect(ahead).toMatch(/▶ 2 {2}Ma mission.* 0:06\.0 +0:27\.6 *$/m);
    const behind = stripVTControlCharacters(renderLive(view({ now: 44_000 })));
    // 30.0 s on a 27.6 s split: +2.4 on its own; the clock (44.0) is 0.8 s past the budgets so far (43.2).
    expect(behind).toMatch(/▶ 2 {2}Ma mission.* 0:30\.0 +0:27\.6 +\+0:02\.4 +\+0:00\.8/);
  });

  it('paints a new best segment gold', () => {
    expect(renderLive(view())).toContain('\x1b[38;2;255;213;0m0:14.0');
  });

  it('turns the bar amber in the last 15 s and red past the target', () => {
    const amber = renderLive(view({ now: 110_000 }));
    expect(amber).toContain('\x1b[38;2;255;176;0m█');
    const red = renderLive(view({ now: 125_000 }));
    expect(stripVTControlCharacters(red)).toContain('dépassé de 0:05');
    expect(red).toContain('\x1b[31m█');
  });

  it('hides the text at the "none" level, leaving the split title', () => {
    const text = stripVTControlCharacters(renderLive(view({ level: 'none' })));
    expect(text).toContain('▶ 2/5  Ma mission actuelle est chez…');
    expect(text).not.toContain('Crédit Agricole CIB');
  });

  it('never exceeds the terminal height', () => {
    expect(renderLive(view({ rows: 14 })).split('\n').length).toBeLessThanOrEqual(14);
  });

  it('shows the countdown before the run', () => {
    const text = stripVTControlCharacters(
      renderLive(view({ session: startSession(createTimer(5, 0, 3000)), now: 500 })),
    );
    expect(text).toMatch(/^\s+3\s*$/m);
    expect(text).toContain('Prêt ? Première étape : Bonjour, je m’appelle Ibrahim.');
  });
});
