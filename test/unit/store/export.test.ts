import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeExportSet } from '../../../src/store/export.js';

const writeExport = (dir: string, name: string, content: string) => writeExportSet(dir, [[name, content]]);

const root = mkdtempSync(join(tmpdir(), 'pitch-export-'));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

describe('writeExportSet', () => {
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

describe('writeExportSet as a set', () => {
  it('replaces every file of the set and removes the temp folder a killed export left', () => {
    const dir = join(root, 'set');
    writeExportSet(dir, [
      ['a.csv', 'old a'],
      ['b.csv', 'old b'],
    ]);
    const stale = join(dir, '.pitch-export.999999999.0badcafe.tmp');
    mkdirSync(stale);
    writeFileSync(join(stale, 'a.csv'), 'half');
    writeExportSet(dir, [
      ['a.csv', 'new a'],
      ['b.csv', 'new b'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('new b');
  });

  it('leaves the old set whole when a file cannot be written (ENOSPC on the second file)', () => {
    const dir = join(root, 'full');
    writeExportSet(dir, [
      ['a.csv', 'old a'],
      ['b.csv', 'old b'],
    ]);
    let calls = 0;
    const full = {
      ...fs,
      writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
        if (++calls === 2) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        return (fs.writeSync as (...a: unknown[]) => number)(...args);
      }) as typeof fs.writeSync,
    };
    expect(() =>
      writeExportSet(
        dir,
        [
          ['a.csv', 'new a'],
          ['b.csv', 'new b'],
        ],
        full,
      ),
    ).toThrow(expect.objectContaining({ kind: 'failure', key: 'store.diskFull' }));
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('old b');
  });
});
