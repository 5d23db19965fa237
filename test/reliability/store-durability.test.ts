import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { HISTORY_LOG, REVIEWS_LOG, Store } from '../../src/store/store.js';
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
function runWriter(home: string, prefix: string, count?: number, killAfterMs?: number, extraEnv = {}) {
  return new Promise<{ acked: string[]; out: string; code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => {
      const child = spawn(process.execPath, [writer, home, prefix, ...(count ? [String(count)] : [])], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ...extraEnv },
      });
      let out = '';
      let armed = false;
      child.stdout.on('data', (d) => {
        out += d;
        // The kill clock starts at the first acknowledged write, so the kill lands among the writes (not during
        // start-up) however slow fsync is on a busy machine.
        if (killAfterMs !== undefined && !armed && out.includes('ack ')) {
          armed = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      });
      child.on('exit', (code, signal) => {
        const acked = out
          .split('\n')
          .filter((l) => l.startsWith('ack '))
          .map((l) => l.slice(4));
        resolve({ acked, out, code, signal });
      });
    },
  );
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

/**
 * 200 kills take about a minute and a half on a 2-core machine: .ci/run asks for them
 * (PITCH_DURABILITY_ROUNDS=200); every other run checks a quick 25, the same test on fewer rounds.
 */
const KILLS = Number(process.env.PITCH_DURABILITY_ROUNDS) || 25;

describe('durability of user data', () => {
  it(`survives ${KILLS} SIGKILLs at random moments: the store always loads and every acknowledged write is there`, async () => {
    const home = join(work, 'kill');
    const acked: string[] = [];
    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      // Kill somewhere in the first few dozen writes.
      const r = await runWriter(home, `r${round}`, undefined, Math.floor(Math.random() * 40));
      if (r.signal === 'SIGKILL') kills++;
      acked.push(...r.acked);
      const ids = storedIds(home); // throws if a file had to be moved aside
      for (const id of r.acked) expect(ids.has(id), `write ${id} was acknowledged but lost`).toBe(true);
    }
    const lost = acked.filter((id) => !storedIds(home).has(id));
    console.log(`durability: ${kills} SIGKILLs, ${acked.length} acknowledged writes, ${lost.length} lost`);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(acked.length).toBeGreaterThan(KILLS);
    expect(lost).toEqual([]);
    // No temp file is ever mistaken for data; stale ones may remain from killed writers, never the documents.
    expect(readdirSync(home).filter((f) => f.endsWith('.jsonl'))).toEqual(
      expect.arrayContaining(['history.jsonl', 'reviews.jsonl']),
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

  it('takes over a stale lock race-free: 6 writers start together against a dead process’s lock (10 trials)', async () => {
    // A pid that surely belongs to no live process: a child that has exited.
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    let overlaps = 0;
    for (let trial = 0; trial < 10; trial++) {
      const home = join(work, `stale-${trial}`);
      mkdirSync(home, { recursive: true });
      const lock = `${dead} 0123456789abcdef ${hostname()}\n`;
      writeFileSync(join(home, `${HISTORY_LOG}.lock`), lock);
      writeFileSync(join(home, `${REVIEWS_LOG}.lock`), lock);
      // All six make their first write at the same moment, well after they have started.
      const startAt = String(Date.now() + 1_500);
      const runs = await Promise.all(
        Array.from({ length: 6 }, (_, w) =>
          runWriter(home, `t${trial}w${w}`, 12, undefined, {
            PITCH_TEST_EXCLUSIVE: '1',
            PITCH_TEST_START_AT: startAt,
            PITCH_TEST_SLOW_UNLINK: '1',
          }),
        ),
      );
      for (const r of runs) {
        expect(r.code).toBe(0);
        overlaps += r.out.split('\n').filter((l) => l === 'overlap').length;
      }
      const ids = storedIds(home);
      expect(ids.size).toBe(72);
      for (const r of runs) for (const id of r.acked) expect(ids.has(id)).toBe(true);
      expect(readdirSync(home).filter((f) => f.includes('.lock'))).toEqual([]);
    }
    expect(overlaps).toBe(0);
  }, 120_000);
});
