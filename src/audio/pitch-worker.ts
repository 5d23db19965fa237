/**
 * The F0 tracker on a worker thread (see pitch-thread.ts): Float32Array chunks of the voice band in,
 * in order; `null` ends the stream and the track goes back, its samples transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPitchTracker } from './pitch-track.js';

const port = parentPort!;
const tracker = createPitchTracker((workerData as { rate: number }).rate);
port.on('message', (chunk: Float32Array | null) => {
  if (chunk) {
    tracker.push(chunk);
    return;
  }
  const track = tracker.finish();
  port.postMessage(track, [track.f0.buffer as ArrayBuffer]);
  port.close();
});
