/**
 * The F0 tracker on a worker thread (see pitch-thread.ts). The voice band arrives through a ring of
 * shared memory: `control` holds the samples written so far, the samples tracked so far and an end
 * flag. When the stream has ended and everything is tracked, the track goes back as a message, its
 * samples transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPitchTracker } from './pitch-track.js';
import { ENDED, READ, WRITTEN } from './pitch-ring.js';

const { rate, ring, control } = workerData as { rate: number; ring: Float32Array; control: Int32Array };
const tracker = createPitchTracker(rate);
let read = 0;
for (;;) {
  const written = Atomics.load(control, WRITTEN);
  if (written > read) {
    // Whatever has arrived, in at most two pieces (the ring wraps round).
    const at = read % ring.length;
    const piece = Math.min(written - read, ring.length - at);
    tracker.push(ring.subarray(at, at + piece));
    read += piece;
    Atomics.store(control, READ, read);
    Atomics.notify(control, READ);
  } else if (Atomics.load(control, ENDED)) {
    break;
  } else {
    Atomics.wait(control, WRITTEN, written, 1000);
  }
}
const track = tracker.finish();
parentPort!.postMessage(track, [track.f0.buffer as ArrayBuffer]);
