// Issue #15 leftovers: pace judged against the band of each pitch's own language, and records kept per
// pitch file (two files may both have a « 1-pitch-court » section: two different races).
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { computeRehearsalStats, computeSpeechStats } from '../../../src/stats/rehearsals.js';
import { computeStats } from '../../../src/stats/compute.js';
import { renderStats } from '../../../src/ui/render/stats.js';
import { translator } from '../../../src/i18n/index.js';
import { createDayClock } from '../../../src/stats/days.js';
import { NOW, attempt, statsInput } from './fixture.js';

const paris = createDayClock('Europe/Paris');
const today = paris.dayOf(NOW.getTime());
const FR = '/home/u/pitch.fr.md';
const EN = '/home/u/pitch.en.md';
const langs = { [FR]: 'fr', [EN]: 'en' } as const;
const spoken = (at: string, pitchFile: string | undefined, wpm: number) =>
  attempt(at, 'complete', [40, 40, 40], {
    ...(pitchFile ? { pitchFile } : {}),
    speech: { wordsPerMinute: wpm, longestPauseSeconds: 1 },
  });

describe('pace judged by the language of the pitch rehearsed', () => {
  // 125 is within French 120–160 but slow for English 130–170; 165 and 168 are the other way round.
  const history = [
    spoken('2026-11-20T10:00:00Z', FR, 125),
    spoken('2026-11-21T10:00:00Z', EN, 125),
    spoken('2026-11-22T10:00:00Z', EN, 165),
    spoken('2026-11-23T10:00:00Z', EN, 168),
  ];

  it('counts each attempt within the band of its own pitch’s language', () => {
    const s = computeSpeechStats(history, paris, null, (file) =>
      file ? (langs[file as keyof typeof langs] ?? null) : null,
    );
    expect(s.wordsPerMinute.inBand).toBe(3);
    expect(s.runs.map((r) => [r.lang, r.inBand])).toEqual([
      ['fr', true],
      ['en', false],
      ['en', true],
      ['en', true],
    ]);
    // The band shown is the one of the latest attempt's language; each language's own tally is kept.
    expect(s.lang).toBe('en');
    expect(s.band).toEqual({ min: 130, max: 170 });
    expect(s.bands).toEqual({
      fr: { min: 120, max: 160, measured: 1, inBand: 1 },
      en: { min: 130, max: 170, measured: 3, inBand: 2 },
    });
    expect(s.unknownLang).toBe(0);
  });

  it('uses the French band (the rehearsal’s default) when a pitch’s language is unknown, and says so', () => {
    const s = computeSpeechStats(history, paris, null);
    expect(s.wordsPerMinute.inBand).toBe(2);
    expect(s.unknownLang).toBe(4);
    expect(s.band).toEqual({ min: 120, max: 160 });
  });

  it('goes through computeStats with a map of pitch languages, and names the band’s language when shown', () => {
    const report = computeStats(statsInput({ attempts: history, pitchLangs: langs }));
    expect(report.speech!.wordsPerMinute.inBand).toBe(3);
    const text = renderStats(report, { width: 100, lang: 'en', t: translator('en'), chalk: new Chalk({ level: 0 }) });
    expect(text).toContain('band 130–170 (English)');
    expect(text).toContain('each attempt is judged against the band of its pitch’s language');
    const fr = renderStats(computeStats(statsInput({ attempts: history.slice(0, 1), pitchLangs: langs })), {
      width: 100,
      lang: 'fr',
      t: translator('fr'),
      chalk: new Chalk({ level: 0 }),
    });
    expect(fr).toContain('plage 120–160 (français)');
    expect(fr).not.toContain('chaque essai');
  });
});

describe('records per pitch file and section', () => {
  const A = '/home/a/pitch.md';
  const B = '/home/b/pitch.md';
  const BUNDLED = '/opt/pitch/data/pitch.fr.md';
  const run = (at: string, pitchFile: string | undefined, seconds: number) =>
    attempt(at, 'complete', [seconds / 3, seconds / 3, seconds / 3], pitchFile ? { pitchFile } : {});
  const history = [
    run('2026-11-10T10:00:00Z', undefined, 110), // legacy record: the bundled pitch's
    run('2026-11-11T10:00:00Z', BUNDLED, 130),
    run('2026-11-12T10:00:00Z', B, 100),
    run('2026-11-13T10:00:00Z', A, 121),
  ];

  it('keeps one best per pitch file, legacy records with the bundled pitch', () => {
    const r = computeRehearsalStats(history, { clock: paris, today, sinceDay: null, legacyPitchFile: BUNDLED });
    expect(r.sections.map((s) => [s.pitchFile, s.count, s.personalBest])).toEqual([
      [A, 1, 121],
      [B, 1, 100],
      [BUNDLED, 2, 110],
    ]);
    expect(r.bestByPitch).toEqual({
      [A]: { '1-pitch-court': 121 },
      [B]: { '1-pitch-court': 100 },
      [BUNDLED]: { '1-pitch-court': 110 },
    });
    // best[section]: the pitch file rehearsed last with that section, never the fastest of another file.
    expect(r.best).toEqual({ '1-pitch-court': 121 });
    expect(r.pitchFiles).toBe(3);
  });

  it('keeps legacy records apart when the bundled pitch is not known', () => {
    const r = computeRehearsalStats(history, { clock: paris, today, sinceDay: null });
    expect(r.sections.map((s) => [s.pitchFile, s.personalBest])).toEqual([
      [A, 121],
      [B, 100],
      [BUNDLED, 130],
      [null, 110],
    ]);
    expect(r.bestByPitch['']).toEqual({ '1-pitch-court': 110 });
  });

  it('shows which pitch a section belongs to only when there are several', () => {
    const show = (attempts: typeof history, lang: 'fr' | 'en') =>
      renderStats(computeStats(statsInput({ attempts, legacyPitchFile: BUNDLED })), {
        width: 100,
        lang,
        t: translator(lang),
        chalk: new Chalk({ level: 0 }),
      });
    const fr = show(history, 'fr');
    expect(fr).toContain(`pitch : ${A}`);
    expect(fr).toContain(`pitch : ${B}`);
    expect(show(history, 'en')).toContain(`pitch: ${A}`);
    expect(show(history.slice(3), 'fr')).not.toContain('pitch :');
  });
});
