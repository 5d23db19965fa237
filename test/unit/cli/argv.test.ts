import { describe, expect, it } from 'vitest';
import { analyzeRequest, commandName, langArgument, quickRequest } from '../../../src/cli/argv.js';

describe('what the entry point reads of argv before the program', () => {
  it('finds the command after the global options, --lang and its value skipped', () => {
    expect(commandName(['stats', '--json'])).toBe('stats');
    expect(commandName(['--lang', 'en', 'stats'])).toBe('stats');
    expect(commandName(['--lang=en', 'report', '--open'])).toBe('report');
    expect(commandName(['--lang', 'stats'])).toBeNull();
    expect(commandName(['--json'])).toBeNull();
    expect(commandName([])).toBeNull();
  });

  it('finds --lang in either form, and answers --help and --version alone', () => {
    expect(langArgument(['--lang', 'en', 'stats'])).toBe('en');
    expect(langArgument(['stats', '--lang=fr'])).toBe('fr');
    expect(langArgument(['stats', '--', '--lang', 'en'])).toBeUndefined();
    expect(quickRequest(['--lang', 'en', '--help'])).toBe('help');
    expect(quickRequest(['-V'])).toBe('version');
    expect(quickRequest(['stats', '--help'])).toBeNull();
  });

  it('reads `pitch analyze` as commander does in its plain shapes, and leaves every other one to the program', () => {
    expect(analyzeRequest(['analyze', 'a.wav'])).toEqual({ audio: 'a.wav', opts: {} });
    expect(analyzeRequest(['--lang', 'en', 'analyze', '--json', 'a.wav', '-s', '2.1', '--file', 'p.md'])).toEqual({
      lang: 'en',
      audio: 'a.wav',
      opts: { json: true, section: '2.1', file: 'p.md' },
    });
    expect(analyzeRequest(['analyze', 'a.wav', '--section', 'Intro', '-f', 'p.md', '--lang=fr'])).toEqual({
      lang: 'fr',
      audio: 'a.wav',
      opts: { section: 'Intro', file: 'p.md' },
    });
    for (const argv of [
      [],
      ['analyze'],
      ['stats', 'a.wav'],
      ['analyze', 'a.wav', 'b.wav'],
      ['analyze', 'a.wav', '--help'],
      ['analyze', 'a.wav', '--json', '--json'],
      ['analyze', 'a.wav', '-s'],
      ['analyze', 'a.wav', '-s', '--json'],
      ['analyze', 'a.wav', '--section=1'],
      ['analyze', 'a.wav', '--bogus'],
      ['analyze', '--', 'a.wav'],
      ['analyze', 'a.wav', '--lang', 'de'],
      ['analyze', 'a.wav', '--lang', 'en', '--lang', 'fr'],
      ['--json', 'analyze', 'a.wav'],
    ])
      expect(analyzeRequest(argv), argv.join(' ')).toBeNull();
  });
});
