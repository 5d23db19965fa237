import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ATTEMPT_COLUMNS,
  CSV_BOM,
  REVIEW_COLUMNS,
  SPLIT_COLUMNS,
  INTERVIEW_COLUMNS,
  attemptsCsv,
  csvFormat,
  interviewsCsv,
  reviewsCsv,
  splitsCsv,
  textCell,
  toCsv,
} from '../../../src/stats/csv.js';
import { attempt, review } from './fixture.js';

/** An RFC 4180 reader, written independently of the writer, to check what a spreadsheet would see. */
function parseCsv(text: string, delimiter = ','): string[][] {
  expect(text.startsWith(CSV_BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(CSV_BOM.length);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and nothing else', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['plain', 'with, comma'],
        ['say "hi"', 'two\nlines'],
        ['cr\rhere', null],
        [1.5, true],
      ],
    );
    expect(text).toBe(
      `${CSV_BOM}a,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n"cr\rhere",\r\n1.5,true\r\n`,
    );
  });

  it('reads back exactly what was written, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        (rows) => {
          expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
        },
      ),
    );
  });

  it('keeps a spreadsheet from running a title as a formula', () => {
    expect(textCell('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(textCell('+33 6')).toBe(`'+33 6`);
    expect(textCell('Pitch court')).toBe('Pitch court');
    expect(textCell(undefined)).toBe('');
  });

  it('writes attempts with a header row, ISO dates and numbers a spreadsheet can sum', () => {
    const a = attempt('2026-11-25T08:00:00.000Z', 'complete', [39, 47, 38], {
      id: 'x1',
      sectionTitle: 'Pitch, « court »',
      speech: { wordsPerMinute: 152, longestPauseSeconds: 1.2 },
    });
    const b = attempt('2026-11-26T09:00:00Z', 'incomplete', [37, null, null], { id: 'x2' });
    const rows = parseCsv(attemptsCsv([a, b]));
    expect(rows[0]).toEqual([...ATTEMPT_COLUMNS]);
    expect(rows[1]).toEqual([
      'x1',
      '2026-11-25T08:00:00.000Z',
      '1-pitch-court',
      'Pitch, « court »',
      'complete',
      '120',
      '124',
      '4',
      '3',
      '3',
      'full',
      '270',
      '152',
      '1.2',
    ]);
    expect(rows[2]!.slice(0, 10)).toEqual([
      'x2',
      '2026-11-26T09:00:00.000Z',
      '1-pitch-court',
      'Pitch court (≈ 2 min)',
      'incomplete',
      '120',
      '37',
      '-83',
      '1',
      '3',
    ]);
    expect(rows[2]!.slice(12)).toEqual(['', '']);
  });

  it('writes one split per row, skipped splits empty', () => {
    const rows = parseCsv(splitsCsv([attempt('2026-11-26T09:00:00Z', 'incomplete', [37, null, null], { id: 'x2' })]));
    expect(rows[0]).toEqual([...SPLIT_COLUMNS]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      'x2',
      '2026-11-26T09:00:00.000Z',
      '1-pitch-court',
      'incomplete',
      '1',
      '1-bonjour',
      'Bonjour, je m’appelle…',
      '40',
      '37',
      '-3',
      '90',
    ]);
    expect(rows[2]!.slice(8, 10)).toEqual(['', '']);
  });

  it('writes reviews with rating and state names', () => {
    const rows = parseCsv(
      reviewsCsv([review('2026-11-20T10:00:00Z', 'demo-1', 'demo', 1, 3, { session: 's1', cram: true })]),
    );
    expect(rows[0]).toEqual([...REVIEW_COLUMNS]);
    expect(rows[1]).toEqual([
      '2026-11-20T10:00:00.000Z',
      'demo-1',
      'demo',
      'flash',
      '1',
      'again',
      'relearning',
      '3',
      '10',
      'true',
      's1',
    ]);
  });

  it('is a header alone for an empty history', () => {
    expect(parseCsv(attemptsCsv([]))).toEqual([[...ATTEMPT_COLUMNS]]);
    expect(parseCsv(reviewsCsv([]))).toEqual([[...REVIEW_COLUMNS]]);
  });
});

describe('CSV in the locale of the spreadsheet', () => {
  const a = attempt('2026-11-25T08:00:00.000Z', 'complete', [39, 47, 38], {
    id: 'x1',
    sectionTitle: 'Pitch, « court »',
    speech: { wordsPerMinute: 152.5, longestPauseSeconds: 1.2 },
  });

  it('French: semicolons and decimal commas; a comma in a title needs no quotes', () => {
    const text = attemptsCsv([a], csvFormat('fr'));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    const rows = parseCsv(text, ';');
    expect(rows[0]).toEqual([...ATTEMPT_COLUMNS]);
    expect(rows[1]![3]).toBe('Pitch, « court »');
    expect(rows[1]!.slice(12)).toEqual(['152,5', '1,2']);
    expect(text).toContain(';Pitch, « court »;');
  });

  it('English: commas and decimal points', () => {
    const rows = parseCsv(attemptsCsv([a], csvFormat('en')), ',');
    expect(rows[1]![3]).toBe('Pitch, « court »');
    expect(rows[1]!.slice(12)).toEqual(['152.5', '1.2']);
  });

  it('--delimiter overrides the separator; a comma separator brings the decimal point back', () => {
    expect(csvFormat('fr', '\t')).toEqual({ delimiter: '\t', decimal: ',' });
    expect(csvFormat('fr', ',')).toEqual({ delimiter: ',', decimal: '.' });
    const rows = parseCsv(attemptsCsv([a], csvFormat('fr', '\t')), '\t');
    expect(rows[1]!.slice(12)).toEqual(['152,5', '1,2']);
  });

  it('reads back exactly what was written in either locale, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(csvFormat('fr'), csvFormat('en'), csvFormat('fr', '\t')),
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        (format, rows) => {
          expect(parseCsv(toCsv(['x', 'y'], rows, format), format.delimiter)).toEqual([['x', 'y'], ...rows]);
        },
      ),
    );
  });

  it('interviews.csv: one row per answer with topic, seconds, key points covered and total, rating', () => {
    const rows = parseCsv(
      interviewsCsv(
        [
          {
            id: 'i1',
            startedAt: '2026-11-26T09:00:00Z',
            endedAt: '2026-11-26T09:20:00Z',
            pitchAttemptId: null,
            answerSeconds: 90,
            interrupted: true,
            answers: [
              {
                questionId: 'spark-1',
                topic: 'spark',
                prompt: 'Pourquoi ?',
                seconds: 62.5,
                keyPoints: ['a', 'b', 'c'],
                covered: [true, false, true],
                suggested: 3,
                rating: 3,
              },
              {
                questionId: 'argo-2',
                topic: 'argo',
                prompt: 'Comment ?',
                seconds: null,
                keyPoints: ['a'],
                covered: [false],
                suggested: null,
                rating: null,
              },
            ],
          },
        ],
        csvFormat('fr'),
      ),
      ';',
    );
    expect(rows).toEqual([
      [...INTERVIEW_COLUMNS],
      ['2026-11-26T09:00:00.000Z', '1', 'spark-1', 'spark', '62,5', '2', '3', '3', 'good'],
      ['2026-11-26T09:00:00.000Z', '2', 'argo-2', 'argo', '', '', '', '', ''],
    ]);
  });
});
