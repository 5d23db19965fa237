import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { computeStats } from '../../../src/stats/compute.js';
import { buildReportView, type RecordingView } from '../../../src/report/view.js';
import { renderReportPage } from '../../../src/report/html.js';
import { translator } from '../../../src/i18n/index.js';
import type { InterviewRecord } from '../../../src/interview/types.js';
import { reviewTable } from '../../../src/stats/review-table.js';
import { statsInput } from '../stats/fixture.js';

const recording: RecordingView = {
  at: '2026-11-26T09:00:00.000Z',
  sectionTitle: 'Pitch <court> & "rapide"',
  file: 'recordings/a.wav',
  durationSeconds: 12,
  speechSeconds: 9,
  peaks: Array.from({ length: 50 }, (_, i) => Math.abs(Math.sin(i / 3))),
  segments: [
    { start: 0.5, end: 5 },
    { start: 6, end: 11 },
  ],
  pauses: [{ start: 5, end: 6 }],
  marks: [{ at: 5.5, label: 'Intro' }],
  wordsPerMinute: 140,
  longestPauseSeconds: 1,
  splits: [{ title: 'Intro', seconds: 5.5, wordsPerMinute: 140, syllablesPerSecond: 4.2 }],
  syllablesPerSecond: 4.1,
  intonation: {
    contour: Array.from({ length: 50 }, (_, i) => (i % 10 < 2 ? null : 120 + 20 * Math.sin(i / 4))),
    medianHz: 121,
    rangeSemitones: 4.3,
    monotoneStretches: [{ start: 6, end: 11 }],
  },
};

const interview: InterviewRecord = {
  id: 'i1',
  startedAt: '2026-11-25T10:00:00.000Z',
  endedAt: '2026-11-25T10:20:00.000Z',
  pitchAttemptId: null,
  answerSeconds: 90,
  interrupted: false,
  answers: [
    {
      questionId: 'spark-1',
      topic: 'spark',
      prompt: 'Qu’est-ce qu’un <shuffle> ?',
      seconds: 62,
      keyPoints: ['a', 'b'],
      covered: [true, false],
      suggested: 3,
      rating: 3,
    },
  ],
};

function page(lang: 'fr' | 'en', over: { empty?: boolean; recording?: RecordingView | null } = {}) {
  const input = over.empty ? statsInput({ attempts: [], reviews: reviewTable([]), cards: {} }) : statsInput();
  const view = buildReportView({
    stats: computeStats(input),
    attempts: input.attempts,
    interviews: over.empty ? [] : [interview],
    recording: over.recording === undefined ? recording : over.recording,
    clock: input.clock,
    sinceDay: null,
  });
  return renderReportPage(view, { t: translator(lang), lang, timeZone: 'Europe/Paris' });
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (line ${m.line}): ${m.message}`));
}

describe('report page', () => {
  it.each(['fr', 'en'] as const)('is valid HTML (%s), full and empty', async (lang) => {
    expect(await problems(page(lang))).toEqual([]);
    expect(await problems(page(lang, { empty: true }))).toEqual([]);
  });

  it('is self-contained: no script, no external resource of any kind', () => {
    const html = page('fr');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    // The only URL is the SVG namespace, which is a name, not something fetched.
    const urls = [...html.matchAll(/https?:\/\/[^\s"')]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('text from the user is escaped wherever it appears', () => {
    const html = page('fr');
    expect(html).toContain('Pitch &lt;court&gt; &amp; &quot;rapide&quot;');
    expect(html).toContain('Qu’est-ce qu’un &lt;shuffle&gt; ?');
    expect(html).not.toContain('<shuffle>');
  });

  it('speaks the UI language and follows the colour scheme', () => {
    const fr = page('fr');
    const en = page('en');
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Êtes-vous prêt ?');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Are you ready?');
    expect(fr).toContain('@media (prefers-color-scheme:dark)');
    expect(fr).toContain('@media print');
  });

  it('shows the five parts with a real table under the charts', () => {
    const html = page('fr');
    for (const heading of ['Êtes-vous prêt ?', 'Répétitions', 'Dernier enregistrement', 'Quiz', 'Entretiens blancs'])
      expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(6);
    expect(html.match(/<table>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('1:02.0 / 1:30.0'); // the interview answer against its clock
  });

  it('an empty history says what to do first instead of drawing empty charts', () => {
    const html = page('fr', { empty: true });
    expect(html).toContain('Rien à montrer pour l’instant');
    expect(html).toContain('<code>pitch rehearse</code>');
    expect(html).not.toContain('<svg');
  });

  it('without a recording, says how to make one', () => {
    expect(page('en', { recording: null })).toContain('rehearse with pitch rehearse --record');
  });
});
