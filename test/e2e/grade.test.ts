import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { homesForThisFile, ROOT, runCli } from '../helpers/cli.js';

const BANK = join(ROOT, 'test', 'fixtures', 'grading', 'bank');
const freshHome = homesForThisFile();
const grade = (args: string[], input?: string) =>
  runCli(['grade', '--bank', BANK, ...args], { PITCH_HOME: freshHome() }, input);

describe('pitch grade', () => {
  it('grades an answer given as arguments: each key point with the words that earned it, the suggested rating', () => {
    const r = grade(['drill-groupbykey', 'reduceByKey', 'combine', 'localement', 'avant', 'le', 'shuffle.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Points clés : 1/2');
    expect(r.stdout).toContain('✔ reduceByKey combine les valeurs côté map, avant le shuffle');
    expect(r.stdout).toContain('« combine localement »');
    expect(r.stdout).toContain('✘ groupByKey envoie toutes les valeurs sur le réseau');
    expect(r.stdout).toMatch(/Note suggérée : 2 Difficile/);
  });

  it('--json reads the answer on stdin and prints exactly the documented shape', () => {
    const r = grade(
      ['drill-groupbykey', '--json'],
      'groupByKey envoie toutes les valeurs, reduceByKey combine localement.\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      questionId: 'drill-groupbykey',
      keyPoints: [
        {
          text: 'reduceByKey combine les valeurs côté map, avant le shuffle',
          covered: true,
          evidence: 'combine localement',
        },
        {
          text: 'groupByKey envoie toutes les valeurs sur le réseau',
          covered: true,
          evidence: 'envoie toutes les valeurs',
        },
      ],
      covered: 2,
      total: 2,
      suggestedRating: 3,
    });
  });

  it('shows a contradiction and that nothing would be pre-selected', () => {
    const r = grade([
      'drill-groupbykey',
      'groupByKey envoie toutes les valeurs mais groupByKey combine localement aussi',
    ]);
    expect(r.stdout).toContain('Contredit : « groupByKey combine localement »');
    expect(r.stdout).toContain('rien n’est présélectionné');
  });

  it('grades cloze cards with the forgiveness README promises, and shows a diff on a miss', () => {
    expect(JSON.parse(grade(['drill-backend', 'Back End', '--json']).stdout).covered).toBe(1);
    expect(JSON.parse(grade(['drill-buffer', '10MB', '--json']).stdout).covered).toBe(1);
    const miss = grade(['drill-backend', 'frontend']);
    expect(miss.stdout).toContain('Attendu : back-end');
    expect(miss.stdout).toContain('Écart : [-front-]{+back-+}end');
  });

  it('--batch: JSON Lines in, one line out per line in order, an unknown id on its line and exit 2 at the end', () => {
    const file = join(freshHome(), 'batch.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ questionId: 'drill-groupbykey', answer: 'reduceByKey combine localement' }),
        JSON.stringify({ questionId: 'nope', answer: 'x' }),
        '',
        JSON.stringify({ questionId: 'drill-backend', answer: 'backend' }),
      ].join('\n'),
    );
    const r = grade(['--batch', file]);
    expect(r.code).toBe(2);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.questionId)).toEqual(['drill-groupbykey', 'nope', 'drill-backend']);
    expect(lines[0]).toMatchObject({ covered: 1, total: 2, suggestedRating: 2 });
    expect(lines[1]).toEqual({ questionId: 'nope', error: 'question inconnue' });
    expect(lines[2]).toMatchObject({ covered: 1, total: 1 });
    expect(r.stderr).toContain('Lignes non notées : 1 sur 3');
  });

  it('--batch - reads standard input; all lines fine means exit 0', () => {
    const r = grade(['--batch', '-'], `${JSON.stringify({ questionId: 'drill-buffer', answer: '10' })}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ questionId: 'drill-buffer', covered: 1 });
  });

  it('the cards of the user’s pitch can be graded too', () => {
    const r = runCli(
      [
        'grade',
        '--topic',
        'pitch',
        'pitch-1-pitch-court-dataops-big-data-engineer',
        'dataops/big data engineer',
        '--json',
      ],
      {
        PITCH_HOME: freshHome(),
      },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ covered: 1, total: 1 });
  });

  it.each([
    [['grade'], 'Quelle question'],
    [['grade', 'nope', 'x'], 'Question inconnue : « nope »'],
    [['grade', 'drill-mcq', '4'], 'seules les questions ouvertes et les textes à trous'],
  ])('%j → one sentence, exit 2', (args, message) => {
    const r = runCli([...args, '--bank', BANK], { PITCH_HOME: freshHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
