import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice, type DocSpec } from '../../../src/store/store.js';
import { historySpec } from '../../../src/store/documents.js';

const homes: string[] = [];
function makeStore(onNotice?: (n: StoreNotice) => void) {
  const home = mkdtempSync(join(tmpdir(), 'pitch-store-'));
  homes.push(home);
  return { home, store: new Store({ home, onNotice, now: () => new Date('2026-11-26T10:00:00Z') }) };
}
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

describe('Store', () => {
  it('returns an empty document before anything is written, without creating files', () => {
    const { home, store } = makeStore();
    expect(store.read(historySpec)).toEqual({ version: 2, rehearsals: [], quizzes: [], interviews: [] });
    expect(readdirSync(home)).toEqual([]);
  });

  it('writes atomically with user-only permissions and leaves no temp or lock file', () => {
    const { home, store } = makeStore();
    store.update(historySpec, (doc) =>
      doc.quizzes.push({
        id: 'q1',
        startedAt: '2026-11-26T10:00:00.000Z',
        endedAt: '2026-11-26T10:05:00.000Z',
        topics: [],
        mode: 'mixed',
        cram: false,
        interrupted: false,
        reviews: [],
      }),
    );
    expect(readdirSync(home)).toEqual(['history.json']);
    expect(statSync(join(home, 'history.json')).mode & 0o777).toBe(0o600);
    expect(store.read(historySpec).quizzes[0]!.id).toBe('q1');
  });

  it('moves a damaged file aside, says so, and never overwrites it', () => {
    const notices: StoreNotice[] = [];
    const { home, store } = makeStore((n) => notices.push(n));
    writeFileSync(join(home, 'history.json'), '{ not json');
    expect(store.read(historySpec).rehearsals).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.copy).toMatch(/history\.json\.corrupt-2026-11-26T10-00-00-000Z$/);
    expect(readFileSync(notices[0]!.copy, 'utf8')).toBe('{ not json');
  });

  it('moves aside a document that fails validation', () => {
    const notices: StoreNotice[] = [];
    const { home, store } = makeStore((n) => notices.push(n));
    writeFileSync(join(home, 'history.json'), JSON.stringify({ version: 1, rehearsals: 'oops', quizzes: [] }));
    store.read(historySpec);
    expect(notices[0]!.reason).toContain('rehearsals');
  });

  it('refuses a document from a newer version and leaves it untouched', () => {
    const { home, store } = makeStore();
    const text = JSON.stringify({ version: 99, rehearsals: [], quizzes: [] });
    writeFileSync(join(home, 'history.json'), text);
    expect(() => store.update(historySpec, () => {})).toThrow(
      expect.objectContaining({ key: 'store.newerVersion', kind: 'failure' }),
    );
    expect(readFileSync(join(home, 'history.json'), 'utf8')).toBe(text);
  });

  it('migrates a version-1 history (before mock interviews) and writes it back as version 2', () => {
    const { home, store } = makeStore();
    const v1 = {
      version: 1,
      rehearsals: [
        {
          id: 'a',
          sectionId: 's',
          sectionTitle: 'S',
          startedAt: '2026-01-01T10:00:00.000Z',
          targetSeconds: 60,
          promptLevel: 'full',
          kind: 'complete',
          totalSeconds: 1,
          splits: [],
          words: 3,
        },
      ],
      quizzes: [],
    };
    writeFileSync(join(home, 'history.json'), JSON.stringify(v1));
    expect(store.read(historySpec)).toMatchObject({ version: 2, interviews: [], rehearsals: [{ id: 'a' }] });
    store.update(historySpec, () => {});
    expect(JSON.parse(readFileSync(join(home, 'history.json'), 'utf8'))).toMatchObject({ version: 2, interviews: [] });
  });

  it('migrates older versions step by step', () => {
    const spec: DocSpec<{ version: number; items: string[] }> = {
      file: 'doc.json',
      version: 3,
      empty: () => ({ version: 3, items: [] }),
      validate: (d) => (Array.isArray((d as { items?: unknown }).items) ? null : 'no items'),
      migrations: {
        1: (d) => ({ ...d, list: [String(d.single)] }),
        2: (d) => ({ items: d.list }),
      },
    };
    const { home, store } = makeStore();
    writeFileSync(join(home, 'doc.json'), JSON.stringify({ version: 1, single: 'a' }));
    expect(store.read(spec)).toEqual({ version: 3, items: ['a'] });
  });

  it('takes over a stale lock left by a dead process', () => {
    const { home, store } = makeStore();
    store.update(historySpec, () => {});
    writeFileSync(join(home, 'history.json.lock'), '999999999\n');
    store.update(historySpec, (d) => d.rehearsals.length);
    expect(readdirSync(home).sort()).toEqual(['history.json']);
  });
});
