import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Store } from '../../src/store/store.js';
import { cardsSpec, historySpec } from '../../src/store/documents.js';
import { ROOT } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'pitch-durability-'));
const writer = join(work, 'writer.mjs');
beforeAll(async () => {
  await build({
    entryPoints: [join(ROOT, 'test/helpers/store-writer.ts')],
    outfile: writer,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts a writer; resolves with the ids it acknowledged once it exits (or is killed). */
function runWriter(home: string, prefix: string, count?: number, killAfterMs?: number) {
  return new Promise<{ acked: string[]; code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const child = spawn(process.execPath, [writer, home, prefix, ...(count ? [String(count)] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let armed = false;
    child.stdout.on('data', (d) => {
      out += d;
      // The kill clock starts once the writer is up, so the kill lands among the writes, not during start-up.
      if (killAfterMs !== undefined && !armed && out.includes('ready')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('exit', (code, signal) => {
      const acked = out
        .split('\n')
        .filter((l) => l.startsWith('ack '))
        .map((l) => l.slice(4));
      resolve({ acked, code, signal });
    });
  });
}

function storedIds(home: string): Set<string> {
  const store = new Store({
    home,
    onNotice: (n) => {
      throw new Error(`store moved a file aside: ${n.reason}`);
    },
  });
  return new Set([
    ...store.read(historySpec).rehearsals.map((r) => r.id),
    ...store.read(cardsSpec).reviews.map((r) => r.questionId),
  ]);
}

describe('durability of user data', () => {
  it('survives 200 SIGKILLs at random moments: the store always loads and every acknowledged write is there', async () => {
    const home = join(work, 'kill');
    const acked: string[] = [];
    let kills = 0;
    for (let round = 0; round < 200; round++) {
      // Kill somewhere in the first few dozen writes.
      const r = await runWriter(home, `r${round}`, undefined, Math.floor(Math.random() * 40));
      if (r.signal === 'SIGKILL') kills++;
      acked.push(...r.acked);
      const ids = storedIds(home); // throws if a file had to be moved aside
      for (const id of r.acked) expect(ids.has(id), `write ${id} was acknowledged but lost`).toBe(true);
    }
    const lost = acked.filter((id) => !storedIds(home).has(id));
    console.log(`durability: ${kills} SIGKILLs, ${acked.length} acknowledged writes, ${lost.length} lost`);
    expect(kills).toBeGreaterThanOrEqual(200);
    expect(acked.length).toBeGreaterThan(200);
    expect(lost).toEqual([]);
    // No temp file is ever mistaken for data; stale ones may remain from killed writers, never the documents.
    expect(readdirSync(home).filter((f) => f.endsWith('.json'))).toEqual(
      expect.arrayContaining(['history.json', 'cards.json']),
    );
  }, 300_000);

  it('loses no update when two processes write at once (2 × 200 writes)', async () => {
    const home = join(work, 'concurrent');
    const [a, b] = await Promise.all([runWriter(home, 'a', 200), runWriter(home, 'b', 200)]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ids = storedIds(home);
    expect(ids.size).toBe(400);
    for (const id of [...a.acked, ...b.acked]) expect(ids.has(id)).toBe(true);
  }, 120_000);
});
