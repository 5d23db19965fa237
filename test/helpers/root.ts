import { fileURLToPath } from 'node:url';

/** The repository's root. Unit tests take it from here: helpers/cli.ts insists on a build first. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
