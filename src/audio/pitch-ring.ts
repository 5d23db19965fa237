/** Slots of the shared control array between the band analysis and the F0 worker (pitch-thread.ts). */
export const WRITTEN = 0;
export const READ = 1;
export const ENDED = 2;
export const CONTROL_SLOTS = 3;
