/**
 * The F0 tracker on the machine's other core: the band analysis streams the voice band to a worker
 * thread, which tracks F0 while this thread finishes the speech detection. On a 4-minute recording
 * that hides the tracker's ~50 ms; the worker costs ~20 ms to start (on its own thread), so short
 * recordings keep the tracker here. Measured in docs/voice.md.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PitchTrack } from './pitch-track.js';

/** Below this much audio the worker's start-up costs more than the tracking it takes over. */
export const WORKER_MIN_SECONDS = 30;

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
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { rate } });
  } catch {
    return null;
  }
  // Never keep the process alive for it, and never let its failure go unheard.
  worker.unref();
  let failure: Error | null = null;
  const result = new Promise<PitchTrack>((resolve, reject) => {
    worker.once('message', (track: PitchTrack) => resolve(track));
    worker.once('error', (error) => reject((failure = error)));
    worker.once('exit', (code) => reject(failure ?? new Error(`the F0 worker stopped (exit ${code})`)));
  });
  result.catch(() => undefined); // handled by the caller of finish()
  return {
    push(samples) {
      // The detector reuses its chunk: the worker gets its own copy, moved rather than cloned.
      const copy = samples.slice();
      worker.postMessage(copy, [copy.buffer]);
    },
    finish() {
      worker.postMessage(null);
      return result;
    },
  };
}
