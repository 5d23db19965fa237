// A real full disk: a 384 KiB tmpfs mounted for the test. Mounting needs root and a system that
// allows it (containers often do not): otherwise the test is skipped and says why. The same faults
// are injected through the store's file-system seam in test/unit/store/faults.test.ts, which always runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { ROOT, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'pitch-fulldisk-'));
const disk = join(work, 'disk');
mkdirSync(disk);

function tryMount(): string | null {
  if (process.getuid?.() !== 0) return 'not running as root';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=384k,mode=0700', 'tmpfs', disk], { encoding: 'utf8' });
  if (r.error) return `mount unavailable (${r.error.message})`;
  return r.status === 0 ? null : `mount not permitted (${(r.stderr || '').trim() || `exit ${r.status}`})`;
}
const whyNot = tryMount();
afterAll(() => {
  if (!whyNot) spawnSync('umount', [disk]);
  rmSync(work, { recursive: true, force: true });
});

const writer = join(work, 'writer.mjs');
beforeAll(async () => {
  if (whyNot) return;
  await build({
    entryPoints: [join(ROOT, 'test/helpers/store-writer.ts')],
    outfile: writer,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
});

describe.skipIf(whyNot !== null)(`on a full disk (a small tmpfs${whyNot ? `: skipped, ${whyNot}` : ''})`, () => {
  it('writes until the disk is full: every acknowledged write is kept, nothing torn, no temp file left', async () => {
    const home = join(disk, 'home');
    const { acked, code } = await new Promise<{ acked: string[]; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, [writer, home, 'f', '100000'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('exit', (code) =>
        resolve({
          acked: out
            .split('\n')
            .filter((l) => l.startsWith('ack '))
            .map((l) => l.slice(4)),
          code,
        }),
      );
    });
    expect(code).not.toBe(0); // it stopped on the full disk, it did not finish 100,000 writes
    expect(acked.length).toBeGreaterThan(10);
    const store = new Store({ home, onNotice: (n) => expect.fail(`moved aside: ${n.reason}`) });
    const ids = new Set([
      ...store.read(historySpec).rehearsals.map((r) => r.id),
      ...store.read(cardsSpec).reviews.map((r) => r.questionId),
    ]);
    for (const id of acked) expect(ids.has(id), `${id} acknowledged, then lost`).toBe(true);
    expect(readdirSync(home).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('pitch export to a full disk: one sentence, exit 1, the previous export intact', () => {
    const home = join(disk, 'home');
    const out = join(disk, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'attempts.csv'), 'previous');
    // Whatever room is left is taken by a filler file.
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(512 * 1024));
    } catch {
      // ENOSPC: the disk is as full as it gets
    }
    const r = runCli(['export', '--csv', out], { PITCH_HOME: home, PITCH_LANG: 'en' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/disk is full: nothing was changed/);
    expect(r.stderr).not.toMatch(/unexpected|at .*\.js:\d+/);
    expect(readdirSync(out)).toEqual(['attempts.csv']);
  });
});
