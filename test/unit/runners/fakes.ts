import type { KeyPress } from '../../../src/core/keymap.js';
import type { LiveEnd, LiveSpec } from '../../../src/runners/ports.js';
import type { RecorderPort } from '../../../src/runners/take.js';
import type { RecordingAnalysis } from '../../../src/audio/analyze-file.js';
import type { SpeechAnalysis } from '../../../src/audio/metrics.js';
import { seededRandom } from '../../helpers/random.js';

/** A key at a moment of the monotonic clock (ms); 'tick' is a redraw tick. */
export type Step = [number, KeyPress | 'tick'];

export const SPACE: KeyPress = { name: 'space' };
export const CTRL_C: KeyPress = { name: 'c', ctrl: true };
export const Q: KeyPress = { name: 'q' };
export const HELP: KeyPress = { sequence: '?' };

/** Plays scripted keys into a runner's live loop, as ui/live-loop.ts would, and moves the fake clock along. */
export function play<S>(spec: LiveSpec<S>, steps: readonly Step[], clock: { ms: number }): LiveEnd<S> {
  let state = spec.initial;
  for (const [at, key] of steps) {
    clock.ms = at;
    state = key === 'tick' ? spec.onTick(state, at) : spec.onKey(state, key, at);
    if (spec.isDone(state)) return { state, signal: null };
  }
  throw new Error('the script ended before the screen did');
}

/** A clock the test moves, a wall clock that follows it, and a seeded random source. */
export function fakeClock(start = Date.parse('2026-11-30T10:00:00Z')) {
  const clock = { ms: 0 };
  return {
    clock,
    ports: { clock: () => clock.ms, now: () => new Date(start + clock.ms), rng: seededRandom(7) },
  };
}

/** A recorder that "records" nothing, keeps a log, and analyses with the given result (or throws it). */
/** A recorder whose analysis is given: speech figures alone (no voice figures) are enough. */
export function fakeRecorder(analysis: Partial<RecordingAnalysis> | SpeechAnalysis | Error, latencyMs = 100) {
  const log: string[] = [];
  const options: unknown[] = [];
  const port: RecorderPort = {
    async start(file) {
      log.push(`start ${file}`);
      return {
        file,
        async stop() {
          log.push(`stop ${file}`);
          return { secondsAt: (ms: number) => Math.max(0, (ms - latencyMs) / 1000) };
        },
      };
    },
    async analyse(file, o) {
      log.push(`analyse ${file}`);
      options.push(o);
      if (analysis instanceof Error) throw analysis;
      return analysis as unknown as RecordingAnalysis;
    },
    remove: (file) => void log.push(`remove ${file}`),
  };
  return { port, log, options };
}
