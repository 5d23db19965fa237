/**
 * The F0 tracker on the machine's other core: the band analysis streams the voice band to a worker
 * thread, which tracks F0 while this thread finishes the speech detection. On a 4-minute recording
 * that hides the tracker's ~50 ms; the worker costs ~20 ms to start (on its own thread), so short
 * recordings keep the tracker here. Measured in docs/voice.md.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CONTROL_SLOTS, ENDED, READ, WRITTEN } from './pitch-ring.js';
import type { PitchTrack } from './pitch-track.js';

/** Below this much audio the worker's start-up costs more than the tracking it takes over. */
export const WORKER_MIN_SECONDS = 30;
/**
 * Voice-band samples in flight, at most (a 2 MB ring of shared memory, ~2 minutes of the band): when
 * the worker falls behind (both cores busy) the sender waits; nothing is allocated per chunk.
 */
const RING_SAMPLES = 1 << 19;
/** A worker that tracks nothing for this long is given up on (the file is then read again here). */
const STALL_MS = 5000;

export interface RemotePitchTracker {
  push(samples: Float32Array): void;
  finish(): Promise<PitchTrack>;
}

/**
 * A tracker on a worker thread, or null where there is none to start: running from the sources (the
 * worker is a file of the build, dist/cli/pitch-worker.js), or PITCH_NO_WORKER set.
 */
export function startPitchWorker(rate: number, env: NodeJS.ProcessEnv = process.env): RemotePitchTracker | null {
  const script = new URL('./pitch-worker.js', import.meta.url);
  if (env.PITCH_NO_WORKER || script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return null;
  // The worker reads the ring as this thread fills it; the counters are the only way to hear from it
  // while the stream keeps this thread busy (messages wait for the event loop).
  const ring = new Float32Array(new SharedArrayBuffer(RING_SAMPLES * 4));
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { rate, ring, control } });
  } catch {
    return null;
  }
  // Never keep the process alive for it (until its track is awaited), and never let its failure go unheard.
  worker.unref();
  let failure: Error | null = null;
  const result = new Promise<PitchTrack>((resolve, reject) => {
    worker.once('message', (track: PitchTrack) => resolve(track));
    worker.once('error', (error) => reject((failure = error)));
    worker.once('exit', (code) => reject(failure ?? new Error(`the F0 worker stopped (exit ${code})`)));
  });
  result.catch(() => undefined); // handled by the caller of finish()
  let written = 0;
  let stalled = false;
  return {
    push(samples) {
      for (let from = 0; from < samples.length && !stalled; ) {
        // Wait for room; a worker that makes no progress for STALL_MS is given up on.
        let read = Atomics.load(control, READ);
        while (written - read === ring.length) {
          if (Atomics.wait(control, READ, read, STALL_MS) === 'timed-out') {
            stalled = true;
            worker.terminate();
            return;
          }
          read = Atomics.load(control, READ);
        }
        const at = written % ring.length;
        const piece = Math.min(samples.length - from, ring.length - (written - read), ring.length - at);
        ring.set(samples.subarray(from, from + piece), at);
        from += piece;
        written += piece;
        Atomics.store(control, WRITTEN, written);
        Atomics.notify(control, WRITTEN);
      }
    },
    finish() {
      if (stalled) return Promise.reject(new Error('the F0 worker made no progress'));
      Atomics.store(control, ENDED, 1);
      Atomics.notify(control, WRITTEN);
      // Waited for now: the process must not end before the track comes back.
      worker.ref();
      return result.finally(() => worker.unref());
    },
  };
}
