import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  countdownLeft,
  createTimer,
  currentSplit,
  elapsedMs,
  segmentSeconds,
  settle,
  tick,
} from '../../../src/rehearsal/timer.js';

describe('split timer', () => {
  it('derives elapsed time from the clock, whatever the redraw rate', () => {
    const s = createTimer(3, 1000);
    expect(elapsedMs(s, 1000)).toBe(0);
    expect(elapsedMs(s, 61_000)).toBe(60_000);
  });

  it('splits, and finishes on the last split with the time frozen', () => {
    let s = createTimer(2, 0);
    s = applyEvent(s, 'split', 10_000);
    expect(currentSplit(s)).toBe(1);
    s = applyEvent(s, 'split', 25_000);
    expect(s.phase).toBe('finished');
    expect(elapsedMs(s, 99_000)).toBe(25_000);
    expect(segmentSeconds(s)).toEqual([10, 15]);
    expect(applyEvent(s, 'split', 30_000)).toBe(s);
  });

  it('excludes paused time, also across a split', () => {
    let s = createTimer(3, 0);
    s = applyEvent(s, 'split', 5_000);
    s = applyEvent(s, 'pause', 6_000);
    expect(applyEvent(s, 'split', 7_000)).toBe(s); // no split while paused
    expect(elapsedMs(s, 20_000)).toBe(6_000);
    s = applyEvent(s, 'togglePause', 20_000);
    s = applyEvent(s, 'split', 22_000);
    expect(segmentSeconds(s).slice(0, 2)).toEqual([5, 3]);
  });

  it('skips a split (no time for it; the next is timed from the skip), and undo after a skip reopens it', () => {
    let s = createTimer(3, 0);
    s = applyEvent(s, 'split', 4_000);
    s = applyEvent(s, 'skip', 6_000);
    expect(segmentSeconds(s)).toEqual([4, null, null]);
    s = applyEvent(s, 'undo', 7_000);
    expect(currentSplit(s)).toBe(1);
    s = applyEvent(s, 'split', 9_000);
    expect(segmentSeconds(s)).toEqual([4, 5, null]);
  });

  it('cannot skip the last split, and undo of the last split resumes the run', () => {
    let s = createTimer(2, 0);
    s = applyEvent(s, 'split', 1_000);
    expect(applyEvent(s, 'skip', 2_000)).toBe(s);
    s = applyEvent(s, 'split', 3_000);
    s = applyEvent(s, 'undo', 4_000);
    expect(s.phase).toBe('running');
    expect(elapsedMs(s, 5_000)).toBe(5_000);
  });

  it('undo with nothing to undo changes nothing', () => {
    const s = createTimer(2, 0);
    expect(applyEvent(s, 'undo', 1_000)).toBe(s);
  });

  it('counts down before the run, then starts the clock exactly when the countdown ends', () => {
    let s = createTimer(2, 0, 3_000);
    expect(s.phase).toBe('countdown');
    expect(countdownLeft(s, 100)).toBe(3);
    expect(countdownLeft(s, 2_100)).toBe(1);
    expect(applyEvent(s, 'split', 1_000).marks).toEqual([]);
    s = settle(s, 3_500);
    expect(s.phase).toBe('running');
    expect(elapsedMs(s, 4_000)).toBe(1_000);
  });

  it('stop during the countdown stops with no time on the clock', () => {
    const s = applyEvent(createTimer(2, 0, 3_000), 'stop', 1_000);
    expect(s.phase).toBe('stopped');
    expect(elapsedMs(s, 10_000)).toBe(0);
  });

  it('stop freezes the clock and keeps the splits done', () => {
    let s = createTimer(3, 0);
    s = applyEvent(s, 'split', 2_000);
    s = applyEvent(s, 'stop', 3_000);
    expect(elapsedMs(s, 50_000)).toBe(3_000);
    expect(segmentSeconds(s)).toEqual([2, null, null]);
  });

  it('notes the moment the target is first passed, once', () => {
    let s = createTimer(1, 0);
    s = tick(s, 5_000, 6_000);
    expect(s.overtimeAt).toBeNull();
    s = tick(s, 6_100, 6_000);
    expect(s.overtimeAt).toBe(6_100);
    expect(tick(s, 7_000, 6_000).overtimeAt).toBe(6_100);
  });
});
