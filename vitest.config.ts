import { defineConfig } from 'vitest/config';

/**
 * Four projects. `unit` needs no build and spawns nothing: `npm run test:unit` gives an answer in seconds.
 * `tools` spawns system tools (fake recorders, espeak-ng, sox) but not pitch. `e2e` and `reliability`
 * drive the built binary (`npm test` builds first); the durability test's full 200 kills run in .ci/run
 * (PITCH_DURABILITY_ROUNDS=200), a quick round on every other run.
 */
const SPAWNING_UNIT_FILES = [
  'test/unit/audio/recorder.test.ts',
  'test/unit/audio/room-recordings.test.ts',
  'test/unit/audio/espeak-layouts.test.ts',
];

export default defineConfig({
  test: {
    // End-to-end tests spawn the built CLI in pseudo-terminals: keep a 2-core machine responsive.
    maxWorkers: 2,
    // Child processes, never worker threads: node-pty's exit watcher outlives a thread that ends while one
    // of its terminals' programs still runs, and the whole process aborts (docs/architecture.md, Testing).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/ui/**/*.test.ts'],
          exclude: SPAWNING_UNIT_FILES,
        },
      },
      { extends: true, test: { name: 'tools', include: SPAWNING_UNIT_FILES } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      { extends: true, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'] } },
    ],
  },
});
