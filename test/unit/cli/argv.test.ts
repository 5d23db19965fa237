import { describe, expect, it } from 'vitest';
import { commandName, langArgument, quickRequest } from '../../../src/cli/argv.js';

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
});
