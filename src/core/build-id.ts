/**
 * An id of the build, injected by scripts/build.mjs (a hash of the sources and the lock file). Caches of
 * computed results (parsed pitch, validated packs) are only trusted for the build that made them.
 * Null when running from sources (tests under vitest): nothing is then reused across runs.
 */
declare const __PITCH_BUILD_ID__: string | undefined;

export const BUILD_ID: string | null = typeof __PITCH_BUILD_ID__ === 'string' ? __PITCH_BUILD_ID__ : null;
