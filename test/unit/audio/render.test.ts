import { stripVTControlCharacters } from 'node:util';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { analyzeSegments } from '../../../src/audio/metrics.js';
import type { VoiceAnalysis } from '../../../src/audio/voice.js';
import { withVoice } from '../../../src/audio/voice.js';
import type { RecordingAnalysis } from '../../../src/audio/analyze-file.js';
import { renderAnalysis, renderSpeechLines } from '../../../src/ui/render/analyze.js';
import { translator } from '../../../src/i18n/index.js';

const chalk = new Chalk({ level: 1 });
const source = {
  reader: 'wav' as const,
  sampleRate: 16000,
  channels: 1,
  bitsPerSample: 16,
  encoding: 'pcm' as const,
  sizeRepaired: false,
};
const seg = (start: number, end: number) => ({ start, end });

/** Voice figures as the analysis would give them; `over` replaces any part. */
function voiceOf(splits: number, over: Partial<VoiceAnalysis> = {}): VoiceAnalysis {
  return {
    pitch: { medianHz: 118, rangeSemitones: 6.2, voicedSeconds: 60, monotoneStretches: [], monotoneSeconds: 0 },
    syllables: 480,
    syllablesPerSecond: 4.1,
    articulationRate: 4.9,
    nuclei: [],
    loudness: {
      fadingEndings: 0.1,
      fadingCount: 1,
      sentences: Array.from({ length: 10 }, () => ({
        start: 0,
        end: 1,
        relativeDb: 0,
        endingDropDb: 0,
        fading: false,
      })),
    },
    splits: Array.from({ length: splits }, () => ({
      medianHz: 118,
      rangeSemitones: 6,
      monotoneSeconds: 0,
      syllables: 160,
      syllablesPerSecond: 4,
      articulationRate: 4.8,
    })),
    ...over,
  };
}

function recording(
  extra: Parameters<typeof analyzeSegments>[1] = {},
  segments = [seg(1, 20), seg(20.5, 40), seg(42, 70), seg(73, 118)],
  voice: Partial<VoiceAnalysis> = {},
): RecordingAnalysis {
  const speech = analyzeSegments({ durationSeconds: 120, segments }, extra);
  return {
    ...withVoice(speech, voiceOf(speech.splits?.length ?? 0, voice), extra),
    source,
    clippedFraction: 0,
    peakDbfs: -6,
  };
}

describe('the analyze report', () => {
  it('fits the terminal width, in both languages', () => {
    for (const width of [50, 80, 120]) {
      for (const lang of ['fr', 'en'] as const) {
        const text = renderAnalysis(
          recording({
            scriptWords: 260,
            splitEnds: [40, 80, 120],
            splitWords: [90, 90, 80],
            splitTitles: ['Intro', 'Mission', 'Fin'],
          }),
          { file: 'take.wav', section: { number: '1', title: 'Pitch court', words: 260 }, attemptDate: null },
          width,
          translator(lang),
          chalk,
          lang,
        );
        for (const line of stripVTControlCharacters(text).split('\n'))
          expect([...line].length, line).toBeLessThanOrEqual(width);
        const timeline = stripVTControlCharacters(text)
          .split('\n')
          .find((l) => /^ {2}[█─]+$/.test(l))!;
        expect([...timeline].length).toBeLessThanOrEqual(width);
      }
    }
  });

  it('shows the figures a speaker acts on: pace against the band, the pause classes, the longest pause and where', () => {
    const text = stripVTControlCharacters(
      renderSpeechLines(recording({ scriptWords: 260 }), translator('fr'), chalk, 'fr').join('\n'),
    );
    expect(text).toMatch(
      /Débit\s+133 mots\/min {2}\(estimé d’après le texte\)\n\s+\(en 1:57\.0 du premier au dernier mot\)\n\s+✓ dans la zone 120–160 mots\/min/,
    );
    expect(text).toMatch(/3 ≥ 0,3 s · 2 ≥ 1 s · 1 ≥ 2,5 s ·\s+la plus longue : 3,0 s à 1:10/);
  });

  it('intonation, rhythm and loudness: the figures and one advice each, ✓ when all is well', () => {
    const text = stripVTControlCharacters(
      renderSpeechLines(recording({ scriptWords: 260, scriptSyllables: 470 }), translator('fr'), chalk, 'fr').join(
        '\n',
      ),
    );
    expect(text).toMatch(/Débit\s+133 mots\/min {2}\(estimé d’après le texte\)/);
    expect(text).toMatch(/Intonation\s+118 Hz en médiane · étendue 6,2 demi-tons\n\s+✓ intonation variée/);
    expect(text).toMatch(/Rythme\s+4,1 syllabes\/s mesurées · 4,9 hors pauses\n\s+✓ rythme posé/);
    expect(text).toMatch(/Volume\s+fins de phrase qui s’éteignent : 1 sur 10 \(10 %\)\n\s+✓ volume tenu/);
  });

  it('advice when the voice is flat, the text was not kept, or endings fade', () => {
    const flat = recording({ scriptWords: 260, scriptSyllables: 300 }, undefined, {
      pitch: {
        medianHz: 121,
        rangeSemitones: 1.4,
        voicedSeconds: 50,
        monotoneStretches: [seg(12, 31), seg(80, 95)],
        monotoneSeconds: 30,
      },
      loudness: {
        fadingEndings: 0.4,
        fadingCount: 4,
        sentences: Array.from({ length: 10 }, (_, i) => ({
          start: 0,
          end: 1,
          relativeDb: 0,
          endingDropDb: 0,
          fading: i < 4,
        })),
      },
    });
    const text = stripVTControlCharacters(renderSpeechLines(flat, translator('fr'), chalk, 'fr', 200).join('\n'));
    expect(text).toContain('→ voix monotone de 0:12 à 0:31, de 1:20 à 1:35 : variez l’intonation');
    expect(text).toContain(
      '→ 480 syllabes entendues pour 300 écrites (+60 %) : vous vous êtes sans doute écarté du texte',
    );
    expect(text).toContain('→ tenez la voix jusqu’au dernier mot de chaque phrase');
    const withSplits = recording({ splitEnds: [40, 80, 120] }, undefined, {
      pitch: {
        medianHz: 121,
        rangeSemitones: 3,
        voicedSeconds: 50,
        monotoneStretches: [seg(45, 70)],
        monotoneSeconds: 20,
      },
      splits: [0, 20, 0].map((monotoneSeconds) => ({
        medianHz: 120,
        rangeSemitones: 3,
        monotoneSeconds,
        syllables: 100,
        syllablesPerSecond: 4,
        articulationRate: 4.5,
      })),
    });
    const en = stripVTControlCharacters(renderSpeechLines(withSplits, translator('en'), chalk, 'en', 200).join('\n'));
    expect(en).toContain('→ monotone voice in split 2: vary your intonation');
  });

  it('per split: a table and the pace over the splits', () => {
    const text = stripVTControlCharacters(
      renderAnalysis(
        recording({ splitEnds: [40, 80, 120], splitWords: [90, 60, 130], splitTitles: ['Intro', 'Mission', 'Fin'] }),
        { file: 'a.wav', section: null, attemptDate: '2026-11-20 10:00' },
        100,
        translator('en'),
        chalk,
        'en',
      ),
    );
    expect(text).toContain('Per split');
    expect(text).toMatch(/^1\s+Intro\s+0:40\.0\s+96 %\s+1\s+0\.5 s\s+135 ✓$/m);
    expect(text).toMatch(/Pace over the splits: \S{3} \(135 → 195 words\/min\)/);
    expect(text).toContain('split times taken from the history');
  });

  it('never lets a title from a user file drive the terminal', () => {
    const text = renderAnalysis(
      recording({ splitEnds: [60, 120], splitTitles: ['Intro\u001b]52;c;ZXZpbA==\u0007', 'Fin\u001b[2J'] }),
      { file: 'a\u001b[31m.wav', section: { number: '1', title: 'T\u0007', words: 1 }, attemptDate: null },
      100,
      translator('fr'),
      new Chalk({ level: 0 }),
      'fr',
    );
    expect(text).not.toMatch(/\u001b|\u0007/);
  });

  it('no speech: says so with a hint instead of empty figures', () => {
    const text = stripVTControlCharacters(
      renderAnalysis(
        recording({}, []),
        { file: 'a.wav', section: null, attemptDate: null },
        80,
        translator('fr'),
        chalk,
        'fr',
      ),
    );
    expect(text).toContain('Aucune parole détectée');
    expect(text).not.toContain('Débit');
  });
});
