import envPaths from 'env-paths';

/** Where user data lives: $PITCH_HOME when set, else the OS data directory for "pitch". */
export function dataHome(env: NodeJS.ProcessEnv): string {
  const home = env.PITCH_HOME?.trim();
  return home ? home : envPaths('pitch', { suffix: '' }).data;
}
