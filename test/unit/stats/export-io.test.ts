import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExport } from '../../../src/io/export.js';

const root = mkdtempSync(join(tmpdir(), 'pitch-export-'));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

describe('writeExport', () => {
  it('creates the directory and writes the file in UTF-8, leaving no temp file', () => {
    const dir = join(root, 'new', 'nested');
    writeExport(dir, 'a.csv', 'répétition\r\n');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('répétition\r\n');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('replaces an existing file whole', () => {
    const dir = join(root, 'replace');
    writeExport(dir, 'a.csv', 'x'.repeat(10_000));
    writeExport(dir, 'a.csv', 'short');
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('short');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('refuses a path that exists and is not a directory, with a usage error', () => {
    const file = join(root, 'file.txt');
    writeFileSync(file, 'keep me');
    expect(() => writeExport(file, 'a.csv', 'x')).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'export.notDirectory' }),
    );
    expect(() => writeExport(join(file, 'below'), 'a.csv', 'x')).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'export.notDirectory' }),
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses to replace a directory that has the file’s name', () => {
    const dir = join(root, 'clash');
    mkdirSync(join(dir, 'a.csv'), { recursive: true });
    expect(() => writeExport(dir, 'a.csv', 'x')).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'export.targetIsDirectory' }),
    );
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it.skipIf(process.getuid?.() === 0)('says so when the directory is not writable', () => {
    const dir = join(root, 'locked');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    expect(() => writeExport(dir, 'a.csv', 'x')).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'export.noPermission' }),
    );
  });
});
