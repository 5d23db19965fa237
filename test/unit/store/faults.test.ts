import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, type StoreNotice } from '../../../src/store/store.js';
import type { StoreFs } from '../../../src/store/fs.js';
import { cardsSpec, historySpec } from '../../../src/store/documents.js';
import { attempt, review } from '../../helpers/records.js';

const homes: string[] = [];
function tempHome() {
  const home = mkdtempSync(join(tmpdir(), 'pitch-faults-'));
  homes.push(home);
  return home;
}
afterEach(() => homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true })));

const errno = (code: string) => Object.assign(new Error(code), { code });

/** The real file system, except that writes fail with `code` once `budget` bytes have gone out. */
function diskWithRoom(budget: number, code = 'ENOSPC'): StoreFs {
  let left = budget;
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Uint8Array | string, offset?: number, length?: number) => {
      const bytes = typeof buffer === 'string' ? Buffer.from(buffer) : buffer;
      const start = typeof offset === 'number' ? offset : 0;
      const wanted = typeof length === 'number' ? length : bytes.length - start;
      if (left <= 0) throw errno(code);
      const n = Math.min(wanted, left);
      left -= n;
      // A real full disk writes what fits and reports the short count: so does this one.
      return fs.writeSync(fd, bytes, start, n);
    }) as StoreFs['writeSync'],
  };
}

function ids(home: string): string[] {
  return new Store({ home }).read(historySpec).rehearsals.map((a) => a.id);
}

describe('writes that cannot lie', () => {
  it('a full disk: the write is refused with one sentence, the data before it is intact, no temp file is left', () => {
    const home = tempHome();
    const store = new Store({ home });
    for (let i = 0; i < 5; i++) store.update(historySpec, (d) => void d.rehearsals.push(attempt(`a${i}`)));
    for (const budget of [0, 1, 40, 200]) {
      const full = new Store({ home, fs: diskWithRoom(budget) });
      expect(() => full.update(historySpec, (d) => void d.rehearsals.push(attempt('lost')))).toThrow(
        expect.objectContaining({ kind: 'failure', key: 'store.diskFull' }),
      );
      expect(ids(home)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
      expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('a finished session that cannot be saved is handed back whole (the shell prints it as JSON on stderr)', () => {
    const home = tempHome();
    new Store({ home }).update(historySpec, (d) => void d.rehearsals.push(attempt('old')));
    const unsaved: unknown[] = [];
    const full = new Store({ home, fs: diskWithRoom(50), onUnsaved: (r) => unsaved.push(r) });
    const finished = attempt('finished');
    expect(() => full.update(historySpec, (d) => void d.rehearsals.push(finished))).toThrow(
      expect.objectContaining({ key: 'store.diskFull' }),
    );
    expect(unsaved).toEqual([{ rehearsals: [finished] }]);
  });

  it('EDQUOT is a full disk too; EIO is a failure naming the file', () => {
    const home = tempHome();
    const quota = new Store({ home, fs: diskWithRoom(10, 'EDQUOT') });
    expect(() => quota.update(cardsSpec, (d) => void d.reviews.push(review('q1')))).toThrow(
      expect.objectContaining({ key: 'store.diskFull' }),
    );
    const io = new Store({ home, fs: diskWithRoom(0, 'EIO') });
    expect(() => io.update(cardsSpec, (d) => void d.reviews.push(review('q1')))).toThrow(
      expect.objectContaining({ kind: 'failure', key: 'store.writeFailed' }),
    );
    expect(new Store({ home }).read(cardsSpec).reviews).toEqual([]);
  });

  it('a write that claims more bytes than reached the file is caught by the size check and undone', () => {
    const home = tempHome();
    const store = new Store({ home });
    store.update(historySpec, (d) => void d.rehearsals.push(attempt('kept')));
    const lying: StoreFs = {
      ...fs,
      writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
        const start = offset ?? 0;
        const wanted = length ?? buffer.length - start;
        fs.writeSync(fd, buffer, start, Math.max(0, wanted - 7)); // 7 bytes silently lost
        return wanted;
      }) as StoreFs['writeSync'],
    };
    expect(() =>
      new Store({ home, fs: lying }).update(historySpec, (d) => void d.rehearsals.push(attempt('x'))),
    ).toThrow(expect.objectContaining({ key: 'store.diskFull' }));
    expect(ids(home)).toEqual(['kept']);
    expect(readdirSync(home).some((f) => f.includes('corrupt'))).toBe(false); // cut back: nothing torn left
  });

  it('temp files left by a killed process are removed at the next start; a live process’s are not', () => {
    const home = tempHome();
    mkdirSync(join(home, 'cache'));
    writeFileSync(join(home, '.history.json.999999999.deadbeef.tmp'), 'half');
    writeFileSync(join(home, 'cache', '.pitch.json.999999999.deadbeef.tmp'), 'half');
    writeFileSync(join(home, `.cards.json.${process.pid}.0123abcd.tmp`), 'being written');
    new Store({ home }).read(historySpec);
    expect(readdirSync(home).sort()).toEqual([`.cards.json.${process.pid}.0123abcd.tmp`, 'cache']);
    expect(readdirSync(join(home, 'cache'))).toEqual([]);
  });
});

describe('documents validated item by item', () => {
  const damaged: Array<[string, string, unknown]> = [
    ['null rehearsal', 'history.json', { version: 2, rehearsals: [null], quizzes: [], interviews: [] }],
    [
      'null split',
      'history.json',
      { version: 2, rehearsals: [{ ...attempt('a'), splits: [null] }], quizzes: [], interviews: [] },
    ],
    [
      'null quiz review',
      'history.json',
      {
        version: 2,
        rehearsals: [],
        quizzes: [{ id: 'q', startedAt: '2026-01-01T00:00:00Z', topics: [], reviews: [null] }],
        interviews: [],
      },
    ],
    ['null interview', 'history.json', { version: 2, rehearsals: [], quizzes: [], interviews: [null] }],
    ['null review', 'cards.json', { version: 1, cards: {}, reviews: [null] }],
    ['null card', 'cards.json', { version: 1, cards: { q: null }, reviews: [] }],
    ['review without a date', 'cards.json', { version: 1, cards: {}, reviews: [{ ...review('q'), reviewedAt: 7 }] }],
  ];
  it.each(damaged)('%s: moved aside with a notice, never a crash', (_, file, doc) => {
    const home = tempHome();
    writeFileSync(join(home, file), JSON.stringify(doc));
    const notices: StoreNotice[] = [];
    const store = new Store({ home, onNotice: (n) => notices.push(n) });
    const spec = file === 'history.json' ? historySpec : cardsSpec;
    expect(() => store.read(spec as typeof historySpec)).not.toThrow();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.copy).toContain(`${file}.corrupt-`);
  });

  it('question ids "constructor", "__proto__" and "toString" are ordinary ids', () => {
    const home = tempHome();
    const store = new Store({ home });
    const card = { due: '2026-01-02T00:00:00.000Z', state: 1, stability: 1 } as never;
    store.update(cardsSpec, (d) => {
      d.cards.constructor = card;
      d.cards.toString = card;
      const proto = '__proto__'; // a plain id, written the way a question id would be
      d.cards[proto] = card;
    });
    const cards = new Store({ home }).read(cardsSpec).cards;
    expect(Object.keys(cards).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(cards.constructor).toEqual(card);
    expect(new Store({ home }).read(cardsSpec).cards.valueOf).toBeUndefined();
  });
});

describe('the data folder as the user set it', () => {
  it('a document over the size cap is refused with its own sentence, not as a permissions problem', () => {
    const home = tempHome();
    writeFileSync(join(home, 'cards.json'), '{}');
    const huge: StoreFs = {
      ...fs,
      statSync: ((p: string, o?: object) => {
        const s = fs.statSync(p, o as never) as fs.Stats;
        return p.endsWith('cards.json')
          ? Object.assign(Object.create(Object.getPrototypeOf(s)), s, { size: 600 * 2 ** 20 })
          : s;
      }) as StoreFs['statSync'],
    };
    expect(() => new Store({ home, fs: huge }).read(cardsSpec)).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'store.tooLarge', params: expect.objectContaining({ size: 600 }) }),
    );
  });

  it('a symlink loop as the data folder: one sentence, exit 2', () => {
    const root = tempHome();
    symlinkSync(join(root, 'b'), join(root, 'a'));
    symlinkSync(join(root, 'a'), join(root, 'b'));
    const store = new Store({ home: join(root, 'a') });
    expect(() => store.update(historySpec, () => {})).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'store.symlinkLoop' }),
    );
  });

  it('a name too long for the file system: one sentence, exit 2', () => {
    const store = new Store({ home: join(tempHome(), 'x'.repeat(300)) });
    expect(() => store.update(historySpec, () => {})).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'store.nameTooLong' }),
    );
  });

  it('a read-only data folder: one sentence saying nothing changed, exit 2', () => {
    const home = tempHome();
    const readOnly: StoreFs = {
      ...fs,
      openSync: ((p: string, flags: string, mode?: number) => {
        if (flags !== 'r') throw errno('EROFS');
        return fs.openSync(p, flags, mode);
      }) as StoreFs['openSync'],
    };
    expect(() => new Store({ home, fs: readOnly }).update(historySpec, () => {})).toThrow(
      expect.objectContaining({ kind: 'usage', key: 'store.readOnly' }),
    );
  });
});
