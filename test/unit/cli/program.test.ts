import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../../../src/cli/program.js';
import { createContext } from '../../../src/cli/context.js';

/**
 * argv → what each command receives, for every command: the command modules are replaced by spies, so
 * this checks the wiring (names, flags, parsers, defaults) and nothing the commands do.
 */
const calls: Array<[string, unknown[]]> = [];
const spy =
  (name: string) =>
  async (...args: unknown[]) =>
    void calls.push([name, args.slice(1)]); // args[0] is the context
vi.mock('../../../src/cli/commands/sections.js', () => ({ sectionsCommand: spy('sections') }));
vi.mock('../../../src/cli/commands/show.js', () => ({ showCommand: spy('show') }));
vi.mock('../../../src/cli/commands/rehearse.js', () => ({ rehearseCommand: spy('rehearse') }));
vi.mock('../../../src/cli/commands/quiz.js', () => ({ quizCommand: spy('quiz') }));
vi.mock('../../../src/cli/commands/interview.js', () => ({ interviewCommand: spy('interview') }));
vi.mock('../../../src/cli/commands/grade.js', () => ({ gradeCommand: spy('grade') }));
vi.mock('../../../src/cli/commands/history.js', () => ({
  historyCommand: spy('history'),
  historyDeleteCommand: spy('history delete'),
  historyUndoCommand: spy('history undo'),
}));
vi.mock('../../../src/cli/commands/analyze.js', () => ({ analyzeCommand: spy('analyze') }));
vi.mock('../../../src/cli/commands/stats.js', () => ({ statsCommand: spy('stats') }));
vi.mock('../../../src/cli/commands/report.js', () => ({ reportCommand: spy('report') }));
vi.mock('../../../src/cli/commands/export.js', () => ({ exportCommand: spy('export') }));
vi.mock('../../../src/cli/commands/init.js', () => ({ initCommand: spy('init') }));

const home = mkdtempSync(join(tmpdir(), 'pitch-program-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
beforeEach(() => void (calls.length = 0));

async function parse(argv: string[]): Promise<[string, unknown[]]> {
  const ctx = createContext('fr', { PITCH_HOME: home });
  await createProgram(ctx).parseAsync(['node', 'pitch', ...argv]);
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

// Expected values written from the README's option tables, before running this test.
const TABLE: Array<[string[], string, unknown[]]> = [
  [['sections'], 'sections', [{}]],
  [['sections', '--json', '-f', 'my.md'], 'sections', [{ json: true, file: 'my.md' }]],
  [['show', '2.3'], 'show', ['2.3', {}]],
  [['rehearse'], 'rehearse', [undefined, { prompt: 'auto', countdown: true }]],
  [
    ['rehearse', '2', '--target', '1m30', '--prompt', 'cues', '--from', '2', '--no-countdown', '--record'],
    'rehearse',
    ['2', { target: 90, prompt: 'cues', from: '2', countdown: false, record: true }],
  ],
  [
    ['rehearse', '-t', '2:00', '--only', '3', '--practice'],
    'rehearse',
    [undefined, { target: 120, prompt: 'auto', only: '3', practice: true, countdown: true }],
  ],
  [['quiz'], 'quiz', [{}]],
  [
    ['quiz', '--topic', 'spark,k8s', '-n', '5', '--mode', ' MCQ ', '--new', '0'],
    'quiz',
    [{ topic: 'spark,k8s', count: 5, mode: 'mcq', new: 0 }],
  ],
  [['quiz', '--check'], 'quiz', [{ check: true }]],
  [['quiz', '--check', 'packs/', '--json'], 'quiz', [{ check: 'packs/', json: true }]],
  [['quiz', '--list-topics', '--bank', 'b/'], 'quiz', [{ listTopics: true, bank: 'b/' }]],
  [['interview'], 'interview', [{ pitch: true, countdown: true }]],
  [
    [
      'interview',
      '-q',
      '3',
      '--answer-time',
      '2m',
      '--topics',
      'argo',
      '--prompt',
      'none',
      '--speak',
      '--no-pitch',
      '--record',
    ],
    'interview',
    [
      {
        questions: 3,
        answerTime: 120,
        topics: 'argo',
        prompt: 'none',
        speak: true,
        pitch: false,
        countdown: true,
        record: true,
      },
    ],
  ],
  [['grade', 'spark-1', 'la', 'réponse'], 'grade', ['spark-1', ['la', 'réponse'], {}]],
  [['grade', '--batch', 'answers.jsonl', '--json'], 'grade', [undefined, [], { batch: 'answers.jsonl', json: true }]],
  [['history'], 'history', [{}]],
  [['history', '--json'], 'history', [{ json: true }]],
  [['history', 'delete', 'abc', '-y'], 'history delete', ['abc', { yes: true }]],
  [['history', 'undo'], 'history undo', [{}]],
  [['analyze', 'take.wav', '-s', '1', '--json'], 'analyze', ['take.wav', { section: '1', json: true }]],
  [
    ['stats', '--section', '1', '--topic', 'spark', '--since', '30d', '--json'],
    'stats',
    [{ section: '1', topic: 'spark', since: '30d', json: true }],
  ],
  [['report', '-o', 'r.html', '--open', '--since', '12w'], 'report', [{ out: 'r.html', open: true, since: '12w' }]],
  [['export', '--csv', 'out/'], 'export', [{ csv: 'out/' }]],
  [['export', '--csv', 'out/', '--delimiter', 'tab'], 'export', [{ csv: 'out/', delimiter: 'tab' }]],
  [['init'], 'init', [undefined, {}]],
  [['init', 'mine.md'], 'init', ['mine.md', {}]],
  [['init', '--reset'], 'init', [undefined, { reset: true }]],
];

describe('argv → parsed options, for every command', () => {
  it.each(TABLE)('%j → %s', async (argv, command, args) => {
    expect(await parse(argv)).toEqual([command, args]);
  });

  it('the table covers every command the program has', () => {
    const program = createProgram(createContext('fr', { PITCH_HOME: home }));
    const names = program.commands.flatMap((c) => [c.name(), ...c.commands.map((s) => `${c.name()} ${s.name()}`)]);
    expect(new Set(TABLE.map(([, command]) => command))).toEqual(new Set(names.filter((n) => n !== 'help')));
  });
});

describe('values are checked at the edge, with the sentence the user has always had', () => {
  it.each([
    [['rehearse', '--target', 'soon'], 'rehearse.badTarget'],
    [['rehearse', '--prompt', 'loud'], 'rehearse.badPrompt'],
    [['quiz', '--count', '0'], 'quiz.badCount'],
    [['quiz', '--count', '501'], 'quiz.badCount'],
    [['quiz', '--new', '-1'], 'quiz.badNew'],
    [['quiz', '--mode', 'essay'], 'quiz.badMode'],
    [['interview', '--questions', '21'], 'interview.badQuestions'],
    [['interview', '--questions', 'beaucoup'], 'interview.badQuestions'],
    [['interview', '--answer-time', '3s'], 'interview.badAnswerTime'],
    [['interview', '--answer-time', '11m'], 'interview.badAnswerTime'],
    [['interview', '--prompt', 'loud'], 'rehearse.badPrompt'],
  ])('%j → %s, before the command runs', async (argv, key) => {
    const ctx = createContext('fr', { PITCH_HOME: home });
    await expect(createProgram(ctx).parseAsync(['node', 'pitch', ...argv])).rejects.toMatchObject({
      kind: 'usage',
      key,
    });
    expect(calls).toHaveLength(0);
  });
});
