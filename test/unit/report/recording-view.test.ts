import { describe, expect, it } from 'vitest';
import { recordingAnalysisOptions, recordingViewOf, type RecordedAttempt } from '../../../src/report/view.js';
import type { RecordingAnalysis } from '../../../src/audio/analyze-file.js';

// A recorded run stopped during its third split: two split ends on the recording's time line.
const attempt = {
  id: 'a1',
  startedAt: '2026-11-26T09:00:00.000Z',
  sectionTitle: 'Pitch court',
  splits: [
    { title: 'Accroche', words: 40 },
    { title: 'Parcours', words: 60 },
    { title: 'Projet', words: 80 },
  ],
  recording: { file: 'recordings/a1.wav', splitEnds: [14.2, 40.5], clockStart: 0.35 },
} as unknown as RecordedAttempt;

const analysis = {
  speechSeconds: 36,
  segments: [{ start: 0.5, end: 20, extra: 1 }],
  pauses: [{ start: 20, end: 21.2, kind: 'long' }],
  wordsPerMinute: 148,
  longestPauseSeconds: 1.2,
  splits: [
    { durationSeconds: 14.24, wordsPerMinute: 169, syllablesPerSecond: 4.1 },
    { durationSeconds: 26.26, wordsPerMinute: 137 },
  ],
  syllablesPerSecond: 4.4,
  pitch: { medianHz: 180, rangeSemitones: 7.5, monotoneStretches: [{ start: 22, end: 28, splitIndex: 1 }] },
} as unknown as RecordingAnalysis;

describe('the latest recording on the report page', () => {
  it('is analysed with the words and split ends of the splits it covers', () => {
    expect(recordingAnalysisOptions(attempt)).toEqual({
      scriptWords: 100,
      splitEnds: [14.2, 40.5],
      splitWords: [40, 60],
      splitTitles: ['Accroche', 'Parcours'],
      clockStart: 0.35,
    });
  });

  it('shows the measured figures, split titles on the marks, tenths of seconds, only the spans of each segment', () => {
    const view = recordingViewOf(attempt, { analysis, peaks: [0.1, 0.5], durationSeconds: 42, contour: [null, 181] });
    expect(view).toEqual({
      at: '2026-11-26T09:00:00.000Z',
      sectionTitle: 'Pitch court',
      file: 'recordings/a1.wav',
      durationSeconds: 42,
      speechSeconds: 36,
      peaks: [0.1, 0.5],
      segments: [{ start: 0.5, end: 20 }],
      pauses: [{ start: 20, end: 21.2 }],
      marks: [
        { at: 14.2, label: 'Accroche' },
        { at: 40.5, label: 'Parcours' },
      ],
      wordsPerMinute: 148,
      longestPauseSeconds: 1.2,
      splits: [
        { title: 'Accroche', seconds: 14.2, wordsPerMinute: 169, syllablesPerSecond: 4.1 },
        { title: 'Parcours', seconds: 26.3, wordsPerMinute: 137, syllablesPerSecond: null },
      ],
      syllablesPerSecond: 4.4,
      intonation: {
        contour: [null, 181],
        medianHz: 180,
        rangeSemitones: 7.5,
        monotoneStretches: [{ start: 22, end: 28 }],
      },
    });
  });

  it('has no intonation without a pitch track or without voiced speech', () => {
    expect(recordingViewOf(attempt, { analysis, peaks: [], durationSeconds: 42, contour: null }).intonation).toBeNull();
    const unvoiced = { ...analysis, pitch: { ...analysis.pitch, medianHz: null } } as unknown as RecordingAnalysis;
    expect(
      recordingViewOf(attempt, { analysis: unvoiced, peaks: [], durationSeconds: 42, contour: [] }).intonation,
    ).toBeNull();
  });
});
