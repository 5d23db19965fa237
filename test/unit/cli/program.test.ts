import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgram } from '../../../src/cli/program.js';
import { COMMANDS, type CommandRow } from '../../../src/cli/command-table.js';
import { createContext } from '../../../src/cli/context.js';
import { ROOT } from '../../helpers/root.js';

/**
 * argv → what each command receives, for every command: each row of the command table loads a module of
 * spies instead of its own, so this checks the wiring (names, flags, parsers, defaults) and nothing the
 * commands do. The spies come from the table itself: a command added there needs a row in TABLE below.
 */
const calls: Array<[string, unknown[]]> = [];
const spyModule = (name: string) =>
  new Proxy(
    {},
    {
      get: (_, key) =>
        typeof key === 'string' && key.endsWith('Command')
          ? async (...args: unknown[]) => void calls.push([name, args.slice(1)]) // args[0] is the context
          : undefined,
    },
  );
const spied = (rows: readonly CommandRow[], parent = ''): CommandRow[] =>
  rows.map((row) => ({
    ...row,
    load: async () => spyModule(parent + row.name),
    subcommands: row.subcommands && spied(row.subcommands, `${parent}${row.name} `),
  }));
const SPIED = spied(COMMANDS);

const home = mkdtempSync(join(tmpdir(), 'pitch-program-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
beforeEach(() => void (calls.length = 0));

async function parse(argv: string[]): Promise<[string, unknown[]]> {
  const ctx = createContext('fr', { PITCH_HOME: home });
  await createProgram(ctx, SPIED).parseAsync(['node', 'pitch', ...argv]);
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

describe('the command table is the one list of commands', () => {
  const modules = readdirSync(join(ROOT, 'src', 'cli', 'commands')).filter((f) =>
    /export async function \w+Command\(/.test(readFileSync(join(ROOT, 'src', 'cli', 'commands', f), 'utf8')),
  );

  it.each(modules)('commands/%s (it exports a command) is loaded by a row of the table', async (file) => {
    const module = await import(`../../../src/cli/commands/${file.replace(/\.ts$/, '.js')}`);
    const loaded = async (rows: readonly CommandRow[]): Promise<object[]> =>
      (await Promise.all(rows.map(async (row) => [await row.load(), ...(await loaded(row.subcommands ?? []))]))).flat();
    expect(await loaded(COMMANDS)).toContain(module);
  });

  it('every row loads a module that has the function it runs', async () => {
    const check = async (rows: readonly CommandRow[]) => {
      for (const row of rows) {
        const used: string[] = [];
        const probe = new Proxy({}, { get: (_, key) => (used.push(String(key)), async () => {}) });
        await row.run(probe, createContext('fr', { PITCH_HOME: home }), []);
        expect(used, row.name).toHaveLength(1);
        expect(typeof ((await row.load()) as Record<string, unknown>)[used[0]!], `${row.name}: ${used[0]}`).toBe(
          'function',
        );
        await check(row.subcommands ?? []);
      }
    };
    await check(COMMANDS);
  }, 60_000);

  it('the README lists every command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const row of COMMANDS) expect(readme, row.name).toMatch(new RegExp(`^\\|.*\`pitch ${row.name}\\b`, 'm'));
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
    await expect(createProgram(ctx, SPIED).parseAsync(['node', 'pitch', ...argv])).rejects.toMatchObject({
      kind: 'usage',
      key,
    });
    expect(calls).toHaveLength(0);
  });
});
